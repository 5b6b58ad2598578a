import Link from "next/link";
import { formatMeasure } from "@/lib/display-unit";
import type { DiffCounts, DiffRow, TDiffList } from "@/lib/edition-diff";
import { dictionary, type TDictionary } from "@/lib/i18n";
import { withLang } from "@/lib/i18n/lang";
import { findIndicator } from "@/lib/metrics";
import type { TLang } from "@/lib/view-state";

export const DIFF_PAGE_SIZE = 100;

interface EditionDiffProps {
  /** Counts matching the filter, and over the whole edition. */
  counts: DiffCounts;
  totals: DiffCounts;
  /** The first page of each list, or the requested page of the paged one. */
  pages: Record<TDiffList, { offset: number; rows: DiffRow[] }>;
  geoName: (level: string, code: string) => string;
  filter: { indicator?: string; geo?: string };
  indicators: { code: string; name: string }[];
  basePath: string;
  /** What the diff compares against, in words. */
  against: string;
  lang: TLang;
}

function measure(indicatorCode: string, value: number | null, lang: TLang): string {
  if (value === null) return "—";
  const indicator = findIndicator(indicatorCode);
  return indicator ? formatMeasure(value, { unit: indicator.unit }, lang) : String(value);
}

function describeKey(o: Pick<DiffRow, "indicatorCode" | "breakdown">, lang: TLang): string {
  const indicator = findIndicator(o.indicatorCode);
  const name = (lang === "zh" ? indicator?.nameZh : indicator?.nameEn) ?? o.indicatorCode;
  return o.breakdown ? `${name}: ${indicator?.breakdowns?.[o.breakdown]?.[lang] ?? o.breakdown}` : name;
}

const cell = "border-b border-slate-200 px-2 py-1.5 align-top";
const rowKey = (o: DiffRow) => `${o.indicatorCode}|${o.year}|${o.geoLevel}|${o.geoCode}|${o.breakdown}`;

interface TableProps {
  rows: DiffRow[];
  geoName: EditionDiffProps["geoName"];
  lang: TLang;
  t: TDictionary["admin"]["diff"];
}

function ObservationTable({ list, rows, geoName, lang, t }: TableProps & { list: "added" | "notRestated" }) {
  return (
    <table className="min-w-full text-left text-sm" data-testid={list === "added" ? "diff-added" : "diff-not-restated"}>
      <thead className="sticky top-0 bg-slate-50">
        <tr>
          <th scope="col" className={cell}>{t.columns.indicator}</th>
          <th scope="col" className={cell}>{t.columns.year}</th>
          <th scope="col" className={cell}>{t.columns.geography}</th>
          <th scope="col" className={`${cell} text-right`}>{t.columns.value}</th>
          {list === "notRestated" && <th scope="col" className={cell}>{t.columns.shownFrom}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={rowKey(o)}>
            <td className={cell}>{describeKey(o, lang)}</td>
            <td className={`${cell} tabular-nums`}>{o.year}</td>
            <td className={cell}>{geoName(o.geoLevel, o.geoCode)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(o.indicatorCode, o.new ?? o.old, lang)}</td>
            {list === "notRestated" && <td className={cell}>{t.stillShownFrom(o.shownFrom?.title ?? "")}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangeTable({ rows, geoName, lang, t }: TableProps) {
  return (
    <table className="min-w-full text-left text-sm" data-testid="diff-changed">
      <thead className="sticky top-0 bg-slate-50">
        <tr>
          <th scope="col" className={cell}>{t.columns.indicator}</th>
          <th scope="col" className={cell}>{t.columns.year}</th>
          <th scope="col" className={cell}>{t.columns.geography}</th>
          <th scope="col" className={`${cell} text-right`}>{t.columns.published}</th>
          <th scope="col" className={`${cell} text-right`}>{t.columns.thisEdition}</th>
          <th scope="col" className={`${cell} text-right`}>{t.columns.change}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={rowKey(c)}>
            <td className={cell}>{describeKey(c, lang)}</td>
            <td className={`${cell} tabular-nums`}>{c.year}</td>
            <td className={cell}>{geoName(c.geoLevel, c.geoCode)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(c.indicatorCode, c.old, lang)}</td>
            <td className={`${cell} text-right tabular-nums`}>{measure(c.indicatorCode, c.new, lang)}</td>
            <td className={`${cell} text-right tabular-nums ${(c.absChange ?? 0) < 0 ? "text-red-800" : "text-green-800"}`}>
              {c.pctChange === null ? t.fromZero : `${c.pctChange > 0 ? "+" : ""}${c.pctChange.toFixed(1)}%`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Changed (biggest first), added and not restated figures, a page at a time, filterable by indicator and geography. */
export function EditionDiff({ counts, totals, pages, geoName, filter, indicators, basePath, against, lang }: EditionDiffProps) {
  const t = dictionary(lang).admin.diff;
  const isFiltered = Boolean(filter.indicator || filter.geo);
  const pageHref = (list: TDiffList, offset: number) => {
    const params = new URLSearchParams({ ...(filter.indicator ? { indicator: filter.indicator } : {}), ...(filter.geo ? { geo: filter.geo } : {}) });
    if (offset > 0) {
      params.set("list", list);
      params.set("page", String(offset / DIFF_PAGE_SIZE + 1));
    }
    const query = params.toString();
    return `${withLang(`${basePath}${query ? `?${query}` : ""}`, lang)}#diff-${list}`;
  };
  const table = { geoName, lang, t };
  const bodies: Record<TDiffList, React.ReactNode> = {
    changed: <ChangeTable rows={pages.changed.rows} {...table} />,
    added: <ObservationTable list="added" rows={pages.added.rows} {...table} />,
    notRestated: <ObservationTable list="notRestated" rows={pages.notRestated.rows} {...table} />,
  };
  return (
    <section aria-labelledby="diff-heading" className="space-y-4" data-testid="edition-diff">
      <div>
        <h2 id="diff-heading" className="text-xl font-semibold">{t.heading}</h2>
        <p className="text-sm text-slate-600" data-testid="diff-summary">{t.summary(against, totals)}</p>
      </div>
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-3 text-sm" aria-label={t.filterLabel}>
        {lang === "zh" && <input type="hidden" name="lang" value="zh" />}
        <div>
          <label htmlFor="diff-indicator" className="block font-medium">{t.indicator}</label>
          <select id="diff-indicator" name="indicator" defaultValue={filter.indicator ?? ""} className="mt-1 rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t.allIndicators}</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>{i.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="diff-geo" className="block font-medium">{t.geoCode}</label>
          <input id="diff-geo" name="geo" defaultValue={filter.geo ?? ""} placeholder="CN, eastern, 110000 …" className="mt-1 rounded border border-slate-300 px-2 py-1.5" />
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">{t.filter}</button>
        {isFiltered && <Link href={withLang(basePath, lang)} className="text-sky-700 underline">{t.clearFilter}</Link>}
      </form>
      {(["changed", "added", "notRestated"] as const).map((list) => {
        const { offset, rows } = pages[list];
        const count = counts[list];
        return (
          <details key={list} id={`diff-${list}`} open={count > 0 && (list !== "notRestated" || offset > 0)} className="rounded border border-slate-200">
            <summary className="cursor-pointer bg-slate-50 px-3 py-2 font-medium">
              {t.titles[list]} ({count.toLocaleString(lang)}{isFiltered ? t.matchingFilter : ""})
              {count > rows.length && rows.length > 0 && <span className="font-normal text-slate-600">{t.rows(offset + 1, offset + rows.length)}</span>}
            </summary>
            {list === "notRestated" && <p className="px-3 pt-2 text-sm text-slate-600">{t.notRestatedHelp}</p>}
            <div className="max-h-[32rem] overflow-auto">
              {rows.length > 0 ? bodies[list] : <p className="p-3 text-sm text-slate-600">{t.none}</p>}
            </div>
            {count > DIFF_PAGE_SIZE && (
              <nav className="flex gap-4 px-3 py-2 text-sm" aria-label={t.titles[list]}>
                {offset > 0 && <Link href={pageHref(list, offset - DIFF_PAGE_SIZE)} className="text-sky-700 underline">{t.previous}</Link>}
                {offset + rows.length < count && <Link href={pageHref(list, offset + DIFF_PAGE_SIZE)} className="text-sky-700 underline">{t.next}</Link>}
              </nav>
            )}
          </details>
        );
      })}
    </section>
  );
}
