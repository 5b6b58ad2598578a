"use client";
import { useMemo, useState } from "react";
import type { MeasureOptions } from "@/lib/display-unit";
import type { TDictionary } from "@/lib/i18n";
import type { ViewGap, ViewRow } from "@/lib/view-data";

export type TSortKey = "geo" | "year" | "value";

/** What the table sorts: figures, and in growth mode the gaps that have no value. */
type TSortable = Pick<ViewRow, "year" | "isRemainder"> & { value?: number };

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
}

/**
 * The table's order. The "not attributed" row is no place, so it never sorts among them:
 * sorted by year it is the last row of its year, otherwise the rows end with it (by year),
 * whichever the direction. Sorted by value, rows without one (growth gaps) follow the others.
 */
export function sortTableRows<T extends TSortable>(
  rows: readonly T[],
  sort: { key: TSortKey; descending: boolean },
  nameOf: (row: T) => string,
): T[] {
  const byPlace = (a: T, b: T) => nameOf(a).localeCompare(nameOf(b)) || a.year - b.year;
  const compare = (a: T, b: T) =>
    sort.key === "value" ? a.value! - b.value! : sort.key === "year" ? a.year - b.year : byPlace(a, b);
  const isValueless = (row: T) => sort.key === "value" && row.value === undefined;
  const places = rows.filter((row) => !row.isRemainder && !isValueless(row)).sort(compare);
  if (sort.descending) places.reverse();
  places.push(...rows.filter((row) => !row.isRemainder && isValueless(row)).sort(byPlace));
  const remainders = rows.filter((row) => row.isRemainder).sort((a, b) => a.year - b.year);
  if (sort.key !== "year") return [...places, ...remainders];
  const result: T[] = [];
  for (const [index, row] of places.entries()) {
    result.push(row);
    if (places[index + 1]?.year !== row.year)
      result.push(...remainders.filter((remainder) => remainder.year === row.year));
  }
  // Years with nothing but the remainder (no place reports): in the years' order.
  const placed = new Set(result);
  const orphans = remainders.filter((row) => !placed.has(row));
  return [...result, ...(sort.descending ? orphans.reverse() : orphans)];
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
 * Every figure with its unit, edition and source; sortable by place, year or value. A lower
 * bound reads "at least 42 zones", with its note; the "not attributed" row stands apart, last.
 * A growth gap reads "not computed", with its reason.
 */
export function DataTable({ rows, gaps = [], nameOf, formatValue, unitLabel, t, breaksOf }: DataTableProps) {
  const [sort, setSort] = useState<{ key: TSortKey; descending: boolean }>({ key: "geo", descending: false });
  const sorted = useMemo(
    () => sortTableRows<ViewRow | ViewGap>([...rows, ...gaps], sort, nameOf),
    [rows, gaps, sort, nameOf],
  );
  const lowerBounds = rows.filter((row) => row.isLowerBound).length;

  const header = (key: TSortKey, label: string, align = "text-left") => {
    const isActive = sort.key === key;
    return (
      <th
        scope="col"
        className={`px-2 py-2 ${align}`}
        aria-sort={isActive ? (sort.descending ? "descending" : "ascending") : "none"}
      >
        <button
          type="button"
          className="font-semibold underline-offset-2 hover:underline"
          onClick={() => setSort({ key, descending: isActive ? !sort.descending : key === "value" })}
          aria-label={t.sortBy(label)}
        >
          {label} {isActive ? (sort.descending ? "↓" : "↑") : ""}
        </button>
      </th>
    );
  };

  return (
    <div className="overflow-x-auto rounded border border-slate-200" data-testid="data-table">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="px-2 py-1 text-left text-xs text-slate-600">
          {t.rows(rows.length + gaps.length)} · {t.unit}: {unitLabel}
          {lowerBounds > 0 && (
            <span className="block" data-testid="lower-bound-legend">
              {t.lowerBoundSummary(lowerBounds)} — {t.lowerBoundLegend}
            </span>
          )}
        </caption>
        <thead className="bg-slate-50">
          <tr>
            {header("geo", t.geography)}
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
          {sorted.map((row) =>
            "reason" in row ? (
              <tr key={`${row.geoCode}-${row.year}`} className={rowClass(row.isRemainder)} data-gap={row.reason}>
                <td className="px-2 py-1.5">{nameOf(row)}</td>
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
                <td className="px-2 py-1.5">{nameOf(row)}</td>
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
                <td className="max-w-md px-2 py-1.5 text-xs text-slate-600">
                  {row.source}
                  {row.note && <span className="block text-slate-500">{row.note}</span>}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
