"use client";
import { useMemo, useState } from "react";
import type { MeasureOptions } from "@/lib/display-unit";
import type { TDictionary } from "@/lib/i18n";
import { nextSort, sortTableRows, tableOrderOf, type TSortKey, type TTableSort } from "@/lib/table-sort";
import type { ViewGap, ViewRow } from "@/lib/view-data";
import type { ZoneRanking } from "@/lib/zone-ranking";

/**
 * Rows drawn at a time: every zone over the years is thousands of rows, too many to draw at once;
 * a table of regions over the years (with their "not attributed" rows) still fits on one page.
 */
export const TABLE_PAGE_SIZE = 200;

/** The zone level's extra columns: each zone's rank in its year, its province and region. */
export interface ZoneColumns {
  ranking: ZoneRanking;
  locations: ReadonlyMap<string, { province: string; region: string }>;
}

interface DataTableProps {
  rows: readonly ViewRow[];
  /** Growth mode: figures without a growth rate, shown as rows with the reason instead of a value. */
  gaps?: readonly ViewGap[];
  nameOf: (row: Pick<ViewRow, "geoNameEn" | "geoNameZh">) => string;
  /** "42 zones"; "at least 42 zones" for a lower bound. */
  formatValue: (value: number, options?: MeasureOptions) => string;
  unitLabel: string;
  t: TDictionary;
  /** What changed where a row's year starts a break in its series (empty: none). */
  breaksOf?: (row: ViewRow) => string[];
  /** The view's sort (the URL's `sort`). */
  sort?: TTableSort;
  /** Changes the view's sort; without it the headers only say the order (an embed cannot change its view). */
  onSortChange?: (sort: TTableSort) => void;
  /** At the zone level: the ranking columns. */
  zones?: ZoneColumns;
}

const rowClass = (isRemainder: boolean) =>
  isRemainder
    ? "border-t border-dashed border-slate-400 bg-slate-50 align-top text-slate-700 italic"
    : "border-t border-slate-100 align-top";

/** In the first year of a break in the row's series: "series break", what changed as its tooltip. */
function SeriesBreakMark({ changes, label }: { changes: string[]; label: string }) {
  if (changes.length === 0) return null;
  return (
    <span className="block text-xs text-red-800" data-series-break title={changes.join("; ")}>
      {label}
    </span>
  );
}

/**
 * Every figure with its unit, edition and source, in the view's sort, a page at a time. A lower
 * bound reads "at least 42 zones", with its note; the "not attributed" row stands apart, last.
 * A growth gap reads "not computed", with its reason. At the zone level each zone has its rank
 * in the year, its province and its region.
 */
export function DataTable({
  rows,
  gaps = [],
  nameOf,
  formatValue,
  unitLabel,
  t,
  breaksOf,
  sort = "place",
  onSortChange,
  zones,
}: DataTableProps) {
  const order = tableOrderOf(sort);
  const sorted = useMemo(
    () => sortTableRows<ViewRow | ViewGap>([...rows, ...gaps], order, nameOf),
    [rows, gaps, order, nameOf],
  );
  const lowerBounds = rows.filter((row) => row.isLowerBound).length;
  // Back to the first page whenever the order or the rows change.
  const [paging, setPaging] = useState({ sort, count: sorted.length, page: 0 });
  const pageCount = Math.max(1, Math.ceil(sorted.length / TABLE_PAGE_SIZE));
  const page = paging.sort === sort && paging.count === sorted.length ? Math.min(paging.page, pageCount - 1) : 0;
  const first = page * TABLE_PAGE_SIZE;
  const shown = sorted.slice(first, first + TABLE_PAGE_SIZE);
  const goTo = (next: number) => setPaging({ sort, count: sorted.length, page: next });
  const unranked = zones?.ranking.unranked.filter((year) => year.count > 0) ?? [];

  const header = (key: TSortKey, label: string, align = "text-left") => {
    const isActive = order.key === key;
    const arrow = isActive ? (order.descending ? "↓" : "↑") : "";
    const target = nextSort(sort, key);
    return (
      <th
        scope="col"
        className={`px-2 py-2 ${align}`}
        aria-sort={isActive ? (order.descending ? "descending" : "ascending") : "none"}
      >
        {onSortChange ? (
          <button
            type="button"
            className="font-semibold underline-offset-2 hover:underline"
            onClick={() => target !== sort && onSortChange(target)}
            aria-label={t.sortBy(label)}
          >
            {label} {arrow}
          </button>
        ) : (
          <span className="font-semibold">
            {label} {arrow}
          </span>
        )}
      </th>
    );
  };

  /** The rank, province and region cells of a zone's row (a gap has no rank). */
  const zoneCells = (row: ViewRow | ViewGap, position: "before" | "after") => {
    if (!zones) return null;
    if (position === "before") {
      return (
        <td className="px-2 py-1.5 text-right tabular-nums" data-testid="rank">
          {("reason" in row ? null : zones.ranking.rankOf(row)) ?? "—"}
        </td>
      );
    }
    const location = zones.locations.get(row.geoCode);
    return (
      <>
        <td className="px-2 py-1.5">{location?.province ?? "—"}</td>
        <td className="px-2 py-1.5">{location?.region || "—"}</td>
      </>
    );
  };

  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded border border-slate-200" data-testid="data-table">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="px-2 py-1 text-left text-xs text-slate-600">
            {t.rows(rows.length + gaps.length)} · {t.unit}: {unitLabel}
            {lowerBounds > 0 && (
              <span className="block" data-testid="lower-bound-legend">
                {t.lowerBoundSummary(lowerBounds)} — {t.lowerBoundLegend}
              </span>
            )}
            {zones && (
              <span className="block" data-testid="ranking-note">
                {t.rankNote}
                {unranked.length > 0 && ` ${t.unranked(unranked)}`}
              </span>
            )}
          </caption>
          <thead className="bg-slate-50">
            <tr>
              {zones && (
                <th scope="col" className="px-2 py-2 text-right">
                  {t.rank}
                </th>
              )}
              {header("geo", zones ? t.zone : t.geography)}
              {zones && (
                <th scope="col" className="px-2 py-2">
                  {t.province}
                </th>
              )}
              {zones && (
                <th scope="col" className="px-2 py-2">
                  {t.region}
                </th>
              )}
              {header("year", t.year)}
              {header("value", t.value, "text-right")}
              <th scope="col" className="px-2 py-2">
                {t.edition_}
              </th>
              <th scope="col" className="px-2 py-2">
                {t.source}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) =>
              "reason" in row ? (
                <tr key={`${row.geoCode}-${row.year}`} className={rowClass(row.isRemainder)} data-gap={row.reason}>
                  {zoneCells(row, "before")}
                  <td className="px-2 py-1.5">{nameOf(row)}</td>
                  {zoneCells(row, "after")}
                  <td className="px-2 py-1.5 tabular-nums">{row.year}</td>
                  <td className="px-2 py-1.5 text-right text-slate-600">{t.notComputed}</td>
                  <td className="px-2 py-1.5 text-xs" />
                  <td className="max-w-md px-2 py-1.5 text-xs text-slate-600">{t.growthGap(row.reason, row.years)}</td>
                </tr>
              ) : (
                <tr
                  key={`${row.geoCode}-${row.year}`}
                  className={rowClass(row.isRemainder)}
                  data-remainder={row.isRemainder || undefined}
                  data-lower-bound={row.isLowerBound || undefined}
                >
                  {zoneCells(row, "before")}
                  <td className="px-2 py-1.5">{nameOf(row)}</td>
                  {zoneCells(row, "after")}
                  <td className="px-2 py-1.5 tabular-nums">{row.year}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">
                    {formatValue(row.value, { isLowerBound: row.isLowerBound })}
                    {row.isSample && (
                      <span className="ml-1 font-semibold text-orange-800" title={t.sampleMark}>
                        *
                      </span>
                    )}
                    <SeriesBreakMark changes={breaksOf?.(row) ?? []} label={t.seriesBreakCell} />
                  </td>
                  <td className="px-2 py-1.5 text-xs">
                    {row.editions.join(", ")}
                    {row.isComputed && <span className="block text-slate-500">{t.computedMark}</span>}
                  </td>
                  <td className="max-w-md px-2 py-1.5 text-xs text-slate-600 wrap-anywhere">
                    {row.source}
                    {row.note && <span className="block text-slate-500">{row.note}</span>}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      {sorted.length > TABLE_PAGE_SIZE && (
        <nav aria-label={t.tablePages} className="flex flex-wrap items-center gap-3 text-sm" data-testid="table-pages">
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50"
            disabled={page === 0}
            onClick={() => goTo(page - 1)}
          >
            {t.previousPage}
          </button>
          <p aria-live="polite">{t.pageRows(first + 1, first + shown.length, sorted.length)}</p>
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 disabled:opacity-50"
            disabled={page === pageCount - 1}
            onClick={() => goTo(page + 1)}
          >
            {t.nextPage}
          </button>
        </nav>
      )}
    </div>
  );
}
