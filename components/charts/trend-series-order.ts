import type { ViewRow } from "@/lib/view-data";

// Apart from trend-model.ts, which carries d3-scale: the dashboard orders a trend's series
// itself, in its first-load JavaScript, and draws the static chart on the server only.

/** Geo codes in legend order: one line per place, and the "not attributed" series, which is no place, last. */
export function trendSeriesOrder(rows: readonly ViewRow[]): string[] {
  return [
    ...new Set(
      [...rows.filter((row) => !row.isRemainder), ...rows.filter((row) => row.isRemainder)].map((row) => row.geoCode),
    ),
  ];
}
