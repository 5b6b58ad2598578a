import { formatCount } from "@/lib/format";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import type { TLang } from "@/lib/view-state";
import { SampleBadge } from "./sample-badge";

export interface EditionListItem {
  slug: string;
  title: string;
  source: string;
  isSample: boolean;
  observationCount: number;
  publishedAt: Date | null;
}

export function EditionList({ editions, lang }: { editions: EditionListItem[]; lang: TLang }) {
  const t = appDictionary(lang).pages.overview;
  if (editions.length === 0) {
    return <p className="text-slate-600">{t.noEditions}</p>;
  }
  return (
    <ul className="space-y-3" aria-label={t.editionsLabel}>
      {editions.map((edition) => (
        <li key={edition.slug} className="rounded border border-slate-200 p-3">
          <p className="font-medium">
            {edition.title}
            {edition.isSample && <SampleBadge lang={lang} />}
          </p>
          <p className="text-sm text-slate-600">
            <code>{edition.slug}</code> · {t.observations(formatCount(edition.observationCount, lang))} ·{" "}
            {t.publishedOn(edition.publishedAt?.toISOString().slice(0, 10) ?? "—")}
          </p>
          <p className="mt-1 text-sm text-slate-700">{edition.source}</p>
        </li>
      ))}
    </ul>
  );
}
