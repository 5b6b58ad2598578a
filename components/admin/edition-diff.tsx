import Link from "next/link";
import { formatMeasure } from "@/lib/display-unit";
import { ChangesSection } from "@/components/editions/changes-section";
import { ChangesTable, type ChangesTableProps } from "@/components/editions/changes-table";
import { type DiffCounts, DIFF_LISTS, type DiffRow, type TDiffList } from "@/lib/edition-diff";
import { appDictionary } from "@/lib/i18n/app-dictionary";
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

function measure(indicatorCode: string, value: number, lang: TLang): string {
  const indicator = findIndicator(indicatorCode);
  return indicator ? formatMeasure(value, { unit: indicator.unit }, lang) : String(value);
}

/** Changed (biggest first), added and not restated figures, a page at a time, filterable by indicator and geography. */
export function EditionDiff({ counts, totals, pages, geoName, filter, indicators, basePath, against, lang }: EditionDiffProps) {
  const t = appDictionary(lang).admin.diff;
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
  const table: Omit<ChangesTableProps<DiffRow>, "rows" | "testId" | "headers"> = {
    lang,
    geography: (o) => geoName(o.geoLevel, o.geoCode),
    formatValue: (value, o) => measure(o.indicatorCode, value, lang),
    fromZero: t.fromZero,
  };
  const { indicator, year, geography } = t.columns;
  const bodies: Record<TDiffList, React.ReactNode> = {
    changed: (
      <ChangesTable
        rows={pages.changed.rows}
        testId="diff-changed"
        headers={{ indicator, year, geography, old: t.columns.published, new: t.columns.thisEdition, change: t.columns.change }}
        {...table}
      />
    ),
    added: <ChangesTable rows={pages.added.rows} testId="diff-added" headers={{ indicator, year, geography, new: t.columns.value }} {...table} />,
    notRestated: (
      <ChangesTable
        rows={pages.notRestated.rows}
        testId="diff-not-restated"
        headers={{ indicator, year, geography, old: t.columns.value }}
        extraColumns={[{ header: t.columns.shownFrom, cell: (o) => t.stillShownFrom(o.shownFrom?.title ?? "") }]}
        {...table}
      />
    ),
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
      {DIFF_LISTS.map((list) => {
        const { offset, rows } = pages[list];
        const count = counts[list];
        return (
          <ChangesSection
            key={list}
            id={`diff-${list}`}
            isOpen={count > 0 && (list !== "notRestated" || offset > 0)}
            title={t.titles[list]}
            count={count.toLocaleString(lang)}
            matchingFilter={isFiltered ? t.matchingFilter : ""}
            note={count > rows.length && rows.length > 0 ? t.rows(offset + 1, offset + rows.length) : null}
            help={list === "notRestated" && <p className="px-3 pt-2 text-sm text-slate-600">{t.notRestatedHelp}</p>}
            maxHeightClass="max-h-[32rem]"
            none={t.none}
            footer={
              count > DIFF_PAGE_SIZE && (
                <nav className="flex gap-4 px-3 py-2 text-sm" aria-label={t.titles[list]}>
                  {offset > 0 && <Link href={pageHref(list, offset - DIFF_PAGE_SIZE)} className="text-sky-700 underline">{t.previous}</Link>}
                  {offset + rows.length < count && <Link href={pageHref(list, offset + DIFF_PAGE_SIZE)} className="text-sky-700 underline">{t.next}</Link>}
                </nav>
              )
            }
          >
            {rows.length > 0 ? bodies[list] : null}
          </ChangesSection>
        );
      })}
    </section>
  );
}
