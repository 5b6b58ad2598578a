import { appDictionary } from "@/lib/i18n/app-dictionary";
import type { TLang } from "@/lib/view-state";

/** The unmistakable label on anything that comes from the synthetic sample edition. */
export function SampleBadge({ lang }: { lang: TLang }) {
  return (
    <span className="ml-1 inline-block rounded bg-sample-bg px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-sample">
      {appDictionary(lang).pages.sampleBadge}
    </span>
  );
}
