"use client";
import { useMemo, useState } from "react";
import type { MeasureOptions } from "@/lib/display-unit";
import type { TDictionary } from "@/lib/i18n";
import type { ViewRow } from "@/lib/view-data";

export type TSortKey = "geo" | "year" | "value";

interface DataTableProps {
  rows: readonly ViewRow[];
  nameOf: (row: ViewRow) => string;
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
 * whichever the direction.
 */
export function sortTableRows(
  rows: readonly ViewRow[],
  sort: { key: TSortKey; descending: boolean },
  nameOf: (row: ViewRow) => string,
): ViewRow[] {
  const compare = (a: ViewRow, b: ViewRow) =>
    sort.key === "value" ? a.value - b.value : sort.key === "year" ? a.year - b.year : nameOf(a).localeCompare(nameOf(b)) || a.year - b.year;
  const places = [...rows.filter((row) => !row.isRemainder)].sort(compare);
  if (sort.descending) places.reverse();
  const remainders = rows.filter((row) => row.isRemainder).sort((a, b) => a.year - b.year);
  if (sort.key !== "year") return [...places, ...remainders];
  const result: ViewRow[] = [];
  for (const [index, row] of places.entries()) {
    result.push(row);
    if (places[index + 1]?.year !== row.year) result.push(...remainders.filter((remainder) => remainder.year === row.year));
  }
  // Years with nothing but the remainder (no place reports): in the years' order.
  const placed = new Set(result);
  const orphans = remainders.filter((row) => !placed.has(row));
  return [...result, ...(sort.descending ? orphans.reverse() : orphans)];
}

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
 */
export function DataTable({ rows, nameOf, formatValue, unitLabel, t, breaksOf }: DataTableProps) {
  const [sort, setSort] = useState<{ key: TSortKey; descending: boolean }>({ key: "geo", descending: false });
  const sorted = useMemo(() => sortTableRows(rows, sort, nameOf), [rows, sort, nameOf]);
  const lowerBounds = rows.filter((row) => row.isLowerBound).length;

  const header = (key: TSortKey, label: string, align = "text-left") => {
    const isActive = sort.key === key;
    return (
      <th scope="col" className={`px-2 py-2 ${align}`} aria-sort={isActive ? (sort.descending ? "descending" : "ascending") : "none"}>
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
          {t.rows(rows.length)} · {t.unit}: {unitLabel}
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
            <th scope="col" className="px-2 py-2">{t.edition_}</th>
            <th scope="col" className="px-2 py-2">{t.source}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr
              key={`${row.geoCode}-${row.year}`}
              className={
                row.isRemainder
                  ? "border-t border-dashed border-slate-400 bg-slate-50 align-top text-slate-700 italic"
                  : "border-t border-slate-100 align-top"
              }
              data-remainder={row.isRemainder || undefined}
              data-lower-bound={row.isLowerBound || undefined}
            >
              <td className="px-2 py-1.5">{nameOf(row)}</td>
              <td className="px-2 py-1.5 tabular-nums">{row.year}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">
                {formatValue(row.value, { isLowerBound: row.isLowerBound })}
                {row.isSample && <span className="ml-1 font-semibold text-orange-800" title={t.sampleMark}>*</span>}
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
          ))}
        </tbody>
      </table>
    </div>
  );
}
