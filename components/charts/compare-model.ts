import { scaleLinear } from "d3-scale";
import { sortCompareBars, type TTableSort } from "@/lib/table-sort";
import type { ViewRow } from "@/lib/view-data";
import type { MarkLabels, MarkLegendItem } from "./marks-legend";
import { niceTicks } from "./nice-ticks";
import { ACCENT, REMAINDER_DASH, REMAINDER_FILL, REMAINDER_STROKE, SAMPLE_COLOR } from "./palette";
import { estimateTextWidth, FONT_SIZE, hideBelowClass, wrapWords } from "./svg-layout";

// The compare chart (horizontal bars, one per geography, in the view's sort: largest first
// by default), drawn twice: by Recharts once its chunk has loaded (compare-chart.tsx), and as
// plain SVG before that and in embeds, exports and link previews (static-compare-chart.tsx).
// Both take their order, sizes, bar styles and labels from here. No recharts, no React.

export const COMPARE_LAYOUT = {
  /** Every bar gets the same slot, so 31 provinces fit. */
  barSlot: 28,
  /** Recharts' barCategoryGap: the share of a slot left free above and below a single bar. */
  barCategoryGap: 0.2,
  margin: { top: 8, right: 64, bottom: 8, left: 4 },
  xAxisHeight: 40,
  nameAxisWidth: 120,
  /** The value at the end of each bar: Recharts' LabelList offset, and its font size. */
  valueLabel: { offset: 5, fontSize: 11 },
} as const;

/** One series, one colour: every bar is drawn in it. */
export const BAR_COLOR = ACCENT;

/** Recharts' default minTickGap between tick labels. */
const X_MIN_TICK_GAP = 5;

/**
 * In the view's sort (lib/table-sort.ts), largest first by default; equal values by name
 * (English unless nameOf is given), then by code so the order is stable. The "not attributed"
 * row is no place: it always comes last.
 */
export function sortForCompare(
  rows: readonly ViewRow[],
  nameOf?: (geoCode: string) => string,
  sort: TTableSort = "value-desc",
): ViewRow[] {
  return sortCompareBars(rows, sort, (row) => (nameOf ? nameOf(row.geoCode) : row.geoNameEn));
}

/** A bar's name in lines, as both charts draw it in the name axis. */
export function compareNameLines(name: string): string[] {
  return wrapWords(name, COMPARE_LAYOUT.nameAxisWidth);
}

/**
 * The height of every bar's slot: 28 px, where a name of one or two lines fits; taller when
 * some name takes three lines or more ("Wuhan East Lake High-tech Zone"), so names never overlap.
 */
export function compareBarSlot(names: readonly string[]): number {
  const lines = Math.max(1, ...names.map((name) => compareNameLines(name).length));
  return lines < 3 ? COMPARE_LAYOUT.barSlot : lines * FONT_SIZE + 8;
}

/** Chart height that gives every bar the same slot, so 31 provinces fit. */
export function compareChartHeight(barCount: number, barSlot: number = COMPARE_LAYOUT.barSlot): number {
  const { margin, xAxisHeight } = COMPARE_LAYOUT;
  return Math.max(1, barCount) * barSlot + margin.top + margin.bottom + xAxisHeight;
}

/** With nothing selected every bar is emphasised; otherwise the selected ones, and the others are drawn lighter. */
export function isEmphasised(geoCode: string, selected: readonly string[]): boolean {
  return selected.length === 0 || selected.includes(geoCode);
}

/**
 * How a bar is drawn: a lower bound hatched and outlined (never a solid bar that reads as
 * the total), the "not attributed" part grey with a dashed outline, a synthetic sample pale
 * with a dashed orange outline.
 */
export function barStyle(
  row: Pick<ViewRow, "isSample" | "isLowerBound" | "isRemainder">,
  emphasised: boolean,
  color: string,
  hatchId: string,
): {
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeWidth: number | undefined;
  strokeDasharray: string | undefined;
} {
  const fillOpacity = (emphasised ? 1 : 0.35) * (row.isSample ? 0.5 : 1);
  if (row.isRemainder) {
    return {
      fill: REMAINDER_FILL,
      fillOpacity,
      stroke: REMAINDER_STROKE,
      strokeWidth: 1.5,
      strokeDasharray: REMAINDER_DASH,
    };
  }
  const stroke = row.isSample ? SAMPLE_COLOR : row.isLowerBound ? color : "none";
  return {
    fill: row.isLowerBound ? `url(#${hatchId})` : color,
    fillOpacity,
    stroke,
    strokeWidth: row.isLowerBound ? 1.5 : undefined,
    strokeDasharray: row.isSample ? "3 2" : undefined,
  };
}

/** The text at the end of a bar: "40", "≥40" for a lower bound, " *" after a synthetic sample. */
export function barLabel(
  row: ViewRow,
  formatTick: (value: number, options?: { isLowerBound?: boolean }) => string,
): string {
  const text = formatTick(row.value, { isLowerBound: row.isLowerBound });
  return row.isSample ? `${text} *` : text;
}

/** The legend lines a compare chart needs: hatched lower-bound bars, the grey remainder bar. */
export function compareMarkItems(rows: readonly ViewRow[], marks: MarkLabels): MarkLegendItem[] {
  return [
    ...(rows.some((row) => row.isLowerBound) ? [{ kind: "lower-bound-bar" as const, label: marks.lowerBound }] : []),
    ...(rows.some((row) => row.isRemainder) ? [{ kind: "remainder-bar" as const, label: marks.remainder }] : []),
  ];
}

// ---------------------------------------------------------------------------
// The value axis, as Recharts lays it out (the static chart draws it itself)

export interface CompareXAxis {
  /** Value → fraction of the plot width from the left (0 → 1). */
  position: (value: number) => number;
  ticks: number[];
}

/** Recharts' number axis: domain [0, "auto"], extended to the nice ticks (and to negative values). */
export function compareXAxis(values: readonly number[]): CompareXAxis {
  if (values.length === 0) return { position: (value) => value, ticks: [] };
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const ticks = niceTicks(lo, hi);
  const x = scaleLinear()
    .domain([Math.min(lo, ticks[0] ?? lo), Math.max(hi, ticks.at(-1) ?? hi)])
    .range([0, 1]);
  return { position: (value) => x(value), ticks };
}

/**
 * Like Recharts' "preserveEnd": the last tick always shows and, when the labels do not
 * fit side by side, every other one from there. "" = always shown, else the class that
 * hides a tick while the chart is too narrow for all of them.
 */
export function xTickClasses(labels: readonly string[]): (string | null)[] {
  const { margin, nameAxisWidth } = COMPARE_LAYOUT;
  const widest = Math.max(0, ...labels.map((label) => estimateTextWidth(label)));
  const allFit = margin.left + nameAxisWidth + margin.right + (labels.length - 1) * (widest + X_MIN_TICK_GAP);
  return labels.map((_, index) => ((labels.length - 1 - index) % 2 === 0 ? "" : hideBelowClass(allFit)));
}
