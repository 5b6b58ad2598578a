import Link from "next/link";
import { SampleBadge } from "@/components/overview/sample-badge";

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
export function EditionTable({ editions, label, isRetired = false }: { editions: EditionRow[]; label: string; isRetired?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm" aria-label={label}>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={cell}>Edition</th>
            <th scope="col" className={cell}>Source</th>
            <th scope="col" className={cell}>Published</th>
            {isRetired && <th scope="col" className={cell}>Retired</th>}
            <th scope="col" className={`${cell} text-right`}>Figures</th>
            <th scope="col" className={`${cell} text-right`}>Indicators</th>
            <th scope="col" className={cell}>Years</th>
          </tr>
        </thead>
        <tbody>
          {editions.map((edition) => (
            <tr key={edition.slug} data-testid={`edition-${edition.slug}`}>
              <td className={cell}>
                <Link href={`/editions/${edition.slug}`} className="font-medium text-sky-800 underline">
                  {edition.title}
                </Link>
                {edition.isSample && (
                  <>
                    <SampleBadge />
                    <span className="block text-xs text-sample">Invented for demonstration: not official statistics</span>
                  </>
                )}
                <span className="block font-mono text-xs text-slate-600">{edition.slug}</span>
              </td>
              <td className={`${cell} max-w-md`}>{edition.source}</td>
              <td className={`${cell} tabular-nums`}>{date(edition.publishedAt)}</td>
              {isRetired && <td className={`${cell} tabular-nums`}>{date(edition.retiredAt)}</td>}
              <td className={`${cell} text-right tabular-nums`}>{edition.figures.toLocaleString("en-US")}</td>
              <td className={`${cell} text-right tabular-nums`}>{edition.indicators}</td>
              <td className={`${cell} tabular-nums`}>{edition.years ? `${edition.years.min}–${edition.years.max}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
