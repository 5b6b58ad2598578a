import { scaleLinear, scaleLog } from "d3-scale";
import type { ViewRow } from "@/lib/view-data";
import type { MarkLabels, MarkLegendItem } from "./marks-legend";
import { niceTicks } from "./nice-ticks";
import { estimateTextWidth, hideBelowClass, MEASURED_LABEL_HEIGHT } from "./svg-layout";

// The trend chart (one line per geography over the years), drawn twice: by Recharts once
// its chunk has loaded (trend-chart.tsx), and as plain SVG before that and in embeds,
// exports and link previews (static-trend-chart.tsx). Both take their data and layout
// from here, so they draw the same lines in the same place. No recharts, no React.

export const TREND_LAYOUT = {
  /** Total height in px, legend included. */
  height: 380,
  margin: { top: 8, right: 16, bottom: 8, left: 8 },
  yAxisWidth: 64,
  /** Recharts' default X axis height. */
  xAxisHeight: 30,
} as const;

/** A line's own dots. */
export const DOT = { r: 2, strokeWidth: 1 } as const;
/** A lower bound's hollow marker: bigger than a line's dots, so it reads as a point of its own. */
export const LOWER_BOUND_DOT = { r: 4, strokeWidth: 2 } as const;

// ---------------------------------------------------------------------------
// Data

/** One x position: the year plus one value (or null for a gap) per geo code. */
export type TrendDatum = { year: number } & { [geoCode: string]: number | null };

/** The key of one point: "geoCode|year". */
export function rowKey(geoCode: string, year: number): string {
  return `${geoCode}|${year}`;
}

/**
 * One object per year from years.from to years.to, with a key for every code in
 * seriesOrder. Missing values stay null so lines break instead of dropping to
 * zero; on a log scale values ≤ 0 cannot be drawn and become null too.
 */
export function pivotByYear(
  rows: readonly ViewRow[],
  seriesOrder: readonly string[],
  years: { from: number; to: number },
  scale: "linear" | "log",
): TrendDatum[] {
  const values = new Map<string, number>();
  for (const row of rows) values.set(rowKey(row.geoCode, row.year), row.value);

  const data: TrendDatum[] = [];
  for (let year = years.from; year <= years.to; year++) {
    const datum: TrendDatum = { year };
    for (const code of seriesOrder) {
      const value = values.get(rowKey(code, year));
      datum[code] = value === undefined || !Number.isFinite(value) || (scale === "log" && value <= 0) ? null : value;
    }
    data.push(datum);
  }
  return data;
}

/** rowKey of every row that is only a lower bound: drawn as a mark of its own, never on a line. */
export function lowerBoundKeys(rows: readonly ViewRow[]): Set<string> {
  return new Set(rows.filter((row) => row.isLowerBound).map((row) => rowKey(row.geoCode, row.year)));
}

/**
 * The data keys of one series: its line, which skips lower bounds (the pen lifts there,
 * the line is never drawn through "at least"), and its lower bounds alone, drawn as
 * hollow points without a line.
 */
export function seriesKeys(
  code: string,
  isLowerBound: ReadonlySet<string>,
): { line: (datum: TrendDatum) => number | null; lowerBound: (datum: TrendDatum) => number | null } {
  return {
    line: (datum) => (isLowerBound.has(rowKey(code, datum.year)) ? null : (datum[code] ?? null)),
    lowerBound: (datum) => (isLowerBound.has(rowKey(code, datum.year)) ? (datum[code] ?? null) : null),
  };
}

/** One series' values, a value or null per year: all of them, those its line joins, and its lower bounds. */
export interface TrendSeries {
  code: string;
  values: (number | null)[];
  line: (number | null)[];
  lowerBounds: (number | null)[];
}

export function trendSeries(
  data: readonly TrendDatum[],
  seriesOrder: readonly string[],
  isLowerBound: ReadonlySet<string>,
): TrendSeries[] {
  return seriesOrder.map((code) => {
    const keys = seriesKeys(code, isLowerBound);
    return {
      code,
      values: data.map((datum) => datum[code] ?? null),
      line: data.map(keys.line),
      lowerBounds: data.map(keys.lowerBound),
    };
  });
}

/** The legend lines a trend needs: hollow lower-bound points, the dashed grey remainder series. */
export function trendMarkItems(hasLowerBound: boolean, hasRemainder: boolean, marks: MarkLabels): MarkLegendItem[] {
  return [
    ...(hasLowerBound ? [{ kind: "lower-bound-point" as const, label: marks.lowerBound }] : []),
    ...(hasRemainder ? [{ kind: "remainder-line" as const, label: marks.remainder }] : []),
  ];
}

/** The static chart's label: "Line chart: 2 series, 2000–2002", and how many values are only lower bounds. */
export function trendAriaLabel(seriesCount: number, years: { from: number; to: number }, lowerBoundCount: number): string {
  const lowerBounds =
    lowerBoundCount > 0
      ? `; ${lowerBoundCount === 1 ? "1 value is" : `${lowerBoundCount} values are`} only a lower bound (at least)`
      : "";
  return `Line chart: ${seriesCount} series, ${years.from}–${years.to}${lowerBounds}`;
}

// ---------------------------------------------------------------------------
// Axes, as Recharts lays them out (the static chart draws them itself)

/** For guessing the legend's height (only used to thin log-scale ticks). */
const ASSUMED_WIDTH = 800;
const LEGEND_ROW_HEIGHT = 18;
/** Recharts' measured y tick label height plus its default minTickGap (5). */
const Y_TICK_SPACING = MEASURED_LABEL_HEIGHT + 5;
/** Recharts' measured width of a year label plus the X axis' minTickGap (8). */
const YEAR_LABEL_SLOT = estimateTextWidth("2000") + 8;
/** Steps between shown years, each a multiple of the last so wider steps keep a subset. */
const YEAR_STEPS = [1, 2, 4, 8, 16, 32, 64, 128];

/** Every year from years.from to years.to (none when the range is empty). */
export function yearsOf(years: { from: number; to: number }): number[] {
  return years.to >= years.from ? Array.from({ length: years.to - years.from + 1 }, (_, i) => years.from + i) : [];
}

/** Where the year at index sits across the plot (0 → 1): the first at the left edge, the last at the right, one alone in the middle. */
export function yearPosition(index: number, count: number): number {
  return count === 1 ? 0.5 : index / (count - 1);
}

export interface TrendYAxis {
  /** Value → fraction of the plot height from the bottom (0 → 1). */
  position: (value: number) => number;
  ticks: number[];
}

/**
 * Linear: Recharts' nice ticks and the domain they span. Log: the data's extent (as
 * Recharts does with an "auto" domain) and d3's log ticks, thinned from the top so the
 * labels do not overlap on a plot about plotHeight px tall. Null when there is nothing to draw.
 */
export function trendYAxis(values: readonly number[], scale: "linear" | "log", plotHeight: number): TrendYAxis | null {
  if (values.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }

  if (scale === "linear") {
    const ticks = niceTicks(min, max);
    const lo = Math.min(min, ticks[0] ?? min);
    const hi = Math.max(max, ticks.at(-1) ?? max);
    const y = scaleLinear().domain([lo, hi]).range([0, 1]);
    return { position: (value) => (lo === hi ? 0.5 : y(value)), ticks };
  }

  // A flat line sits in the middle, half a decade from either edge.
  const [lo, hi] = min === max ? [min / Math.sqrt(10), max * Math.sqrt(10)] : [min, max];
  const y = scaleLog().domain([lo, hi]).range([0, 1]);
  const ticks: number[] = [];
  let lastPx = -Infinity;
  for (const tick of [...y.ticks(5)].reverse()) {
    const px = (1 - y(tick)) * plotHeight;
    if (px - lastPx >= Y_TICK_SPACING) {
      ticks.push(tick);
      lastPx = px;
    }
  }
  return { position: (value) => y(value), ticks: ticks.reverse() };
}

/** The plot's height in a chart `height` px tall, guessing the legend's rows for an 800px-wide chart. */
export function guessPlotHeight(height: number, names: readonly string[]): number {
  const { margin, xAxisHeight } = TREND_LAYOUT;
  return height - margin.top - margin.bottom - xAxisHeight - legendRows(names) * LEGEND_ROW_HEIGHT;
}

function legendRows(names: readonly string[]): number {
  if (names.length === 0) return 0;
  const available = ASSUMED_WIDTH - TREND_LAYOUT.margin.left - TREND_LAYOUT.margin.right;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const width = 14 + 4 + estimateTextWidth(name) + 10;
    if (used > 0 && used + width > available) {
      rows += 1;
      used = 0;
    }
    used += width;
  }
  return rows;
}

/**
 * For each year label: "" if it always shows, a container-query class that hides it
 * while the chart is too narrow for it, or null if it never shows. Like Recharts'
 * "preserveStartEnd": the first and last years always show; in between, every year
 * if they fit, else every 2nd, 4th… The year just before the last one goes when the two
 * would be closer than the others.
 */
export function yearTickClasses(count: number): (string | null)[] {
  const last = count - 1;
  return Array.from({ length: count }, (_, index) => {
    if (index === 0 || index === last) return "";
    // The widest step at which this year is still shown.
    let widest = 0;
    for (const step of YEAR_STEPS) {
      if (index % step !== 0) break;
      const lastShownBeforeEnd = Math.floor(last / step) * step;
      if (index === lastShownBeforeEnd && last - index < step) break;
      widest = step;
    }
    if (widest === 0) return null;
    // At that step, labels are widest × (plot width / last) apart and need YEAR_LABEL_SLOT each.
    // Container queries see the root's content box: the plot plus the Y axis.
    return hideBelowClass(TREND_LAYOUT.yAxisWidth + (YEAR_LABEL_SLOT * last) / widest);
  });
}

// ---------------------------------------------------------------------------
// Timeline markers: the policy timeline's events and the breaks in series, as vertical
// lines across the plot with short labels at its top, in lanes so that no two overlap.

export type TTimelineKind = "event" | "break";

/** What a marker says, in the page's language: the short label on the chart, the full line as its tooltip. */
export interface TimelineItem {
  key: string;
  kind: TTimelineKind;
  year: number;
  label: string;
  title: string;
}

export interface TimelineMarker extends TimelineItem {
  /** Across the plot, 0 → 1, at its year's position. */
  x: number;
  /** Labels in the left half run right from their line, in the right half left, so none leaves the plot. */
  anchor: "start" | "end";
  /** 0 is the top lane; null when no lane has room (the line stays, the label is in the list under the chart). */
  lane: number | null;
}

export const TIMELINE_LAYOUT = {
  fontSize: 11,
  /** Px from the plot's top to the first lane's label, and between lanes. */
  top: 2,
  laneHeight: 14,
  maxLanes: 3,
  /** Px between a label and its line, and at least between two labels in a lane. */
  padding: 3,
  gap: 6,
  /** The plot's width in an 800 px chart: the static chart lays out its labels for it. */
  referencePlotWidth: ASSUMED_WIDTH - TREND_LAYOUT.margin.left - TREND_LAYOUT.margin.right - TREND_LAYOUT.yAxisWidth,
} as const;

interface LabelBox {
  x: number;
  width: number;
  anchor: "start" | "end";
}

/** A label's extent in px on a plot plotWidth wide. */
function labelSpan({ x, width, anchor }: LabelBox, plotWidth: number): [number, number] {
  const at = x * plotWidth;
  return anchor === "start" ? [at + TIMELINE_LAYOUT.padding, at + TIMELINE_LAYOUT.padding + width] : [at - TIMELINE_LAYOUT.padding - width, at - TIMELINE_LAYOUT.padding];
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] + TIMELINE_LAYOUT.gap && b[0] < a[1] + TIMELINE_LAYOUT.gap;
}

/**
 * Label lanes, greedily in the order given (so what comes first gets the top lane): each
 * label takes the first lane where it overlaps no label already there, and none when all
 * maxLanes are taken at its place.
 */
export function assignLabelLanes(labels: readonly LabelBox[], plotWidth: number, maxLanes: number = TIMELINE_LAYOUT.maxLanes): (number | null)[] {
  const lanes: [number, number][][] = [];
  return labels.map((label) => {
    const span = labelSpan(label, plotWidth);
    for (let lane = 0; lane < maxLanes; lane++) {
      const taken = (lanes[lane] ??= []);
      if (taken.every((other) => !overlaps(span, other))) {
        taken.push(span);
        return lane;
      }
    }
    return null;
  });
}

/**
 * The markers within the chart's years, laid out for a plot plotWidth px wide: breaks
 * first (they say the figures either side differ), then events by date.
 */
export function layoutTimeline(items: readonly TimelineItem[], years: { from: number; to: number }, plotWidth: number): TimelineMarker[] {
  const count = yearsOf(years).length;
  const shown = items
    .filter((item) => item.year >= years.from && item.year <= years.to)
    .map((item, order) => ({ item, order }))
    .sort((a, b) => (a.item.kind === b.item.kind ? a.order - b.order : a.item.kind === "break" ? -1 : 1))
    .map(({ item }) => {
      const x = yearPosition(item.year - years.from, count);
      return { ...item, x, anchor: x > 0.5 ? ("end" as const) : ("start" as const) };
    });
  const lanes = assignLabelLanes(
    shown.map((marker) => ({ x: marker.x, anchor: marker.anchor, width: estimateTextWidth(marker.label, TIMELINE_LAYOUT.fontSize) })),
    plotWidth,
  );
  return shown.map((marker, index) => ({ ...marker, lane: lanes[index] ?? null }));
}

/**
 * For the static chart, which cannot know its width: the class that hides each label
 * while the chart is too narrow for it to clear the labels before it in its lane ("" if it
 * always does), laid out at the reference width. Null for a label without a lane.
 */
export function timelineLabelClasses(markers: readonly TimelineMarker[]): (string | null)[] {
  return markers.map((marker, index) => {
    if (marker.lane === null) return null;
    const box = { x: marker.x, anchor: marker.anchor, width: estimateTextWidth(marker.label, TIMELINE_LAYOUT.fontSize) };
    const before = markers.slice(0, index).filter((other) => other.lane === marker.lane);
    const clears = (plotWidth: number) => {
      const span = labelSpan(box, plotWidth);
      return before.every((other) => !overlaps(span, labelSpan({ x: other.x, anchor: other.anchor, width: estimateTextWidth(other.label, TIMELINE_LAYOUT.fontSize) }, plotWidth)));
    };
    let narrowest = TIMELINE_LAYOUT.referencePlotWidth;
    while (narrowest > 0 && clears(narrowest - 8)) narrowest -= 8;
    // Container queries see the plot plus the Y axis.
    return hideBelowClass(narrowest <= 8 ? 0 : TREND_LAYOUT.yAxisWidth + narrowest);
  });
}
