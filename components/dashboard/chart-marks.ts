import type { UnattributedLine } from "@/components/charts/province-map";
import type { MarkLabels } from "@/components/charts/marks-legend";
import type { MeasureOptions } from "@/lib/display-unit";
import type { TDictionary, TRemainderLevel } from "@/lib/i18n";
import type { ViewData, ViewRow } from "@/lib/view-data";
import type { TLevel } from "@/lib/view-state";

// The words for the marks of figures that are not plain totals (lower bounds, the
// "not attributed" row), worked out once for the charts, the map and the exports.

/** The level a "not attributed" row belongs to: regions, else provinces (the map always shows provinces). */
export function remainderLevel(level: TLevel): TRemainderLevel {
  return level === "region" ? "region" : "province";
}

/** The legend's words for the charts. */
export function markLabels(t: TDictionary, level: TLevel): MarkLabels {
  return { lowerBound: t.lowerBoundLegend, remainder: t.remainderLegend(remainderLevel(level)) };
}

/**
 * The map cannot place the "not attributed" part: one line per such row, "Not attributed to a
 * province: 78 zones (national total 156 zones − sum of provinces 78 zones)", with the row's note.
 * The total is what the row completes: the places of its year plus itself.
 */
export function unattributedLines(
  rows: readonly ViewRow[],
  t: TDictionary,
  level: TLevel,
  nameOf: (row: ViewRow) => string,
  formatValue: (value: number, options?: MeasureOptions) => string,
): UnattributedLine[] {
  return rows
    .filter((row) => row.isRemainder)
    .map((row) => {
      const parts = rows
        .filter((other) => !other.isRemainder && other.year === row.year)
        .reduce((sum, other) => sum + other.value, 0);
      return {
        text: t.remainderLine({
          name: nameOf(row),
          value: formatValue(row.value),
          total: formatValue(parts + row.value),
          parts: formatValue(parts),
          level: remainderLevel(level),
        }),
        note: row.note,
      };
    });
}

/**
 * Lines for an exported chart's caption, so a PNG or SVG keeps what its marks mean: the
 * lower-bound legend when any figure is one, and what the "not attributed" row is (on the
 * map, where it has no shape, the row itself).
 */
export function markCaptionLines(
  data: Pick<ViewData, "rows" | "level" | "state">,
  t: TDictionary,
  nameOf: (row: ViewRow) => string,
  formatValue: (value: number, options?: MeasureOptions) => string,
): string[] {
  const lowerBounds = data.rows.filter((row) => row.isLowerBound).length;
  const hasRemainder = data.rows.some((row) => row.isRemainder);
  return [
    ...(lowerBounds > 0 ? [`${t.lowerBoundSummary(lowerBounds)} — ${t.lowerBoundLegend}`] : []),
    ...(!hasRemainder
      ? []
      : data.state.view === "map"
        ? unattributedLines(data.rows, t, data.level, nameOf, formatValue).map((line) => line.text)
        : [t.remainderLegend(remainderLevel(data.level))]),
  ];
}
