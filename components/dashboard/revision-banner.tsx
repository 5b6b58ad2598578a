"use client";
import type { TDictionary } from "@/lib/i18n";
import type { ViewRevisions } from "@/lib/view-data";

interface RevisionBannerProps {
  revisions: ViewRevisions;
  pinnedTitle: string;
  onSwitch: () => void;
  t: TDictionary;
}

/** On a pinned view: newer editions changed figures on screen; one click shows the latest data. */
export function RevisionBanner({ revisions, pinnedTitle, onSwitch, t }: RevisionBannerProps) {
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-950"
      data-testid="revision-banner"
    >
      <p>
        <span className="font-medium">
          {t.revisionsBanner({
            edition: revisions.edition.title,
            revised: revisions.revised,
            added: revisions.added,
            otherEditions: revisions.otherEditions,
          })}
        </span>{" "}
        {t.revisionsPinned(pinnedTitle)}
      </p>
      <button
        type="button"
        className="rounded border border-sky-700 bg-white px-3 py-1.5 font-medium text-sky-900 hover:bg-sky-100"
        onClick={onSwitch}
      >
        {t.switchToLatest}
      </button>
    </div>
  );
}
