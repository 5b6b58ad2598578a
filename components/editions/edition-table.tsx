import Link from "next/link";
import { SampleBadge } from "@/components/overview/sample-badge";
import { formatCount } from "@/lib/format";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { withLang } from "@/lib/i18n/lang";
import type { TLang } from "@/lib/view-state";

/** One edition as the /editions list shows it. */
export interface EditionRow {
  slug: string;
  title: string;
  source: string;
  isSample: boolean;
  yearbookYear: number | null;
  publishedAt: Date | null;
  retiredAt: Date | null;
  figures: number;
  indicators: number;
  years: { min: number; max: number } | null;
}

const cell = "border-b border-slate-200 px-2 py-2 align-top";
const date = (value: Date | null) => value?.toISOString().slice(0, 10) ?? "—";

/** Editions in a table: title (linking to what it changed), slug, source, dates and counts, the sample one labelled. */
export function EditionTable({ editions, label, lang, isRetired = false }: { editions: EditionRow[]; label: string; lang: TLang; isRetired?: boolean }) {
  const t = appDictionary(lang).pages.editions;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm" aria-label={label}>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={cell}>{t.columns.edition}</th>
            <th scope="col" className={cell}>{t.columns.source}</th>
            <th scope="col" className={cell}>{t.columns.published}</th>
            {isRetired && <th scope="col" className={cell}>{t.columns.retired}</th>}
            <th scope="col" className={`${cell} text-right`}>{t.columns.figures}</th>
            <th scope="col" className={`${cell} text-right`}>{t.columns.indicators}</th>
            <th scope="col" className={cell}>{t.columns.years}</th>
          </tr>
        </thead>
        <tbody>
          {editions.map((edition) => (
            <tr key={edition.slug} data-testid={`edition-${edition.slug}`}>
              <td className={cell}>
                <Link href={withLang(`/editions/${edition.slug}`, lang)} className="font-medium text-sky-800 underline">
                  {edition.title}
                </Link>
                {edition.isSample && (
                  <>
                    <SampleBadge lang={lang} />
                    <span className="block text-xs text-sample">{t.sampleNote}</span>
                  </>
                )}
                <span className="block font-mono text-xs text-slate-600">{edition.slug}</span>
              </td>
              <td className={`${cell} max-w-md`}>{edition.source}</td>
              <td className={`${cell} tabular-nums`}>{date(edition.publishedAt)}</td>
              {isRetired && <td className={`${cell} tabular-nums`}>{date(edition.retiredAt)}</td>}
              <td className={`${cell} text-right tabular-nums`}>{formatCount(edition.figures, lang)}</td>
              <td className={`${cell} text-right tabular-nums`}>{edition.indicators}</td>
              <td className={`${cell} tabular-nums`}>{edition.years ? `${edition.years.min}–${edition.years.max}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
