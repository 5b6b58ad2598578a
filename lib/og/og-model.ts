import { scaleLinear, scaleLog } from "d3-scale";
import { COVERAGE_STATUSES, COVERAGE_SYMBOLS, type CoverageMatrix, type TCoverageStatus } from "@/lib/coverage";
import { formatTick } from "@/lib/display-unit";
import { formatAtLeast, formatCount } from "@/lib/format";
import { dictionary } from "@/lib/i18n";
import { describeView, type TChartKind } from "@/lib/og/describe-view";
import { coverText, fitText, pickCovered, type TCovers } from "@/lib/og/og-text";
import type { Catalogue, ViewData, ViewRow } from "@/lib/view-data";
import type { TLang } from "@/lib/view-state";

// What the link-preview card draws, worked out in advance: every string already in
// the fonts and cut to its space, every line a ready SVG path. The card itself
// (components/og/og-card.tsx) only places these. Pure and isomorphic.

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Lines and bars beyond these are counted ("+ 23 more"), not drawn: a preview is small. */
export const MAX_LINES = 8;
export const MAX_BARS = 8;
/** The plot of a line chart, in px; the legend sits to its right. */
export const LINE_PLOT = { width: 700, height: 250 } as const;
const LINE_PLOT_SHORT = 206;
/** The bar names' column in ems: 11 at the names' 20px, 13.5 at the 16px of the "not attributed" name. */
export const REMAINDER_NAME_EM = 13.5;

export interface OgLine {
  code: string;
  name: string;
  /** SVG path in the plot's pixel box (0,0 top left); it never runs through a lower bound. */
  d: string;
  /** Where the series' lower bounds are: points of their own (hollow), not on the line. */
  lowerBounds: { x: number; y: number }[];
  /** The last value, short: "1.2T", "350亿"; "≥1.2T" when it is a lower bound. */
  lastLabel: string;
}

export interface OgBar {
  code: string;
  /** 1, 2, 3 … for places; null for the "not attributed" bar, which ranks nowhere. */
  rank: number | null;
  name: string;
  /** |value| ÷ the largest |value| shown, 0–1. */
  fraction: number;
  isNegative: boolean;
  /** "5亿 *", "at least 60" / "至少 60" for a lower bound. */
  valueLabel: string;
  isSample: boolean;
  /** Hatched and outlined: only "at least" the value. */
  isLowerBound: boolean;
  /** The "not attributed" part: grey, dashed, always last. */
  isRemainder: boolean;
}

/** One status of the coverage view: its share of the cells, as a bar segment and a legend line. */
export interface OgCoverageSegment {
  status: TCoverageStatus;
  symbol: string;
  label: string;
  countLabel: string;
  /** Its cells ÷ all cells, 0–1. */
  fraction: number;
}

export type OgChart =
  | {
      kind: "lines";
      width: number;
      height: number;
      lines: OgLine[];
      yTop: string;
      yBottom: string;
      xStart: string;
      xEnd: string;
      /** "log scale" when the Y axis is logarithmic, else "". */
      scaleNote: string;
      /** Series in the view but not drawn. */
      hidden: number;
      hiddenLabel: string;
    }
  | { kind: "bars" | "ranking"; bars: OgBar[]; hidden: number; hiddenLabel: string }
  | { kind: "coverage"; segments: OgCoverageSegment[]; summary: string }
  | { kind: "empty"; message: string };

export interface OgCardModel {
  lang: TLang;
  appName: string;
  headline: string;
  subtitle: string;
  unit: string;
  sampleLabel: string | null;
  editionsLine: string;
  sourceLine: string;
  chart: OgChart;
  /** "≥ at least: a lower bound, not the total" when the card shows a lower bound, else "". */
  marksNote: string;
}

const MORE = {
  en: (n: number, kind: TChartKind) =>
    n > 0 ? `+ ${n} more ${kind === "lines" ? "series" : "places"} in this view` : "",
  zh: (n: number) => (n > 0 ? `此视图另有 ${n} 项未显示` : ""),
} as const;
const EMPTY = { en: "No data for this selection.", zh: "所选范围没有数据。" } as const;
const LOG_SCALE = { en: "log scale", zh: "对数刻度" } as const;
const CELLS = {
  en: (places: string, years: string, cells: string) => `${places} places × ${years} years = ${cells} cells`,
  zh: (places: string, years: string, cells: string) => `${places} 个地区 × ${years} 年 = ${cells} 个单元格`,
} as const;

function fmt(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** The latest value of each series, for ordering and labels. */
function lastPoints(rows: readonly ViewRow[]): Map<string, ViewRow> {
  const last = new Map<string, ViewRow>();
  for (const row of rows) {
    const seen = last.get(row.geoCode);
    if (!seen || row.year > seen.year) last.set(row.geoCode, row);
  }
  return last;
}

/**
 * Lines for the biggest series (by latest value), scaled into the plot: linear
 * from zero (or the lowest negative), or log over the positive values.
 */
export function buildLines(
  rows: readonly ViewRow[],
  years: { from: number; to: number },
  scale: "linear" | "log",
  plot: { width: number; height: number },
): {
  lines: { code: string; d: string; lowerBounds: { x: number; y: number }[]; last: ViewRow }[];
  domain: [number, number];
  hidden: number;
} {
  const usable = rows.filter((row) => Number.isFinite(row.value) && (scale === "linear" || row.value > 0));
  const last = lastPoints(usable);
  const order = [...last.values()]
    .sort((a, b) => b.value - a.value || a.geoCode.localeCompare(b.geoCode))
    .map((row) => row.geoCode);
  const shown = order.slice(0, MAX_LINES);
  const values = usable.filter((row) => shown.includes(row.geoCode)).map((row) => row.value);
  if (values.length === 0) return { lines: [], domain: [0, 1], hidden: 0 };
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  let y: (value: number) => number;
  if (scale === "log") {
    if (lo === hi) [lo, hi] = [lo / 10, hi * 10];
    const log = scaleLog().domain([lo, hi]).range([plot.height, 0]);
    y = log;
  } else {
    lo = Math.min(0, lo);
    if (lo === hi) hi = lo + 1;
    const linear = scaleLinear().domain([lo, hi]).nice(4).range([plot.height, 0]);
    [lo, hi] = linear.domain() as [number, number];
    y = linear;
  }
  const span = years.to - years.from;
  const x = (year: number) => (span === 0 ? plot.width / 2 : ((year - years.from) / span) * plot.width);
  const lines = shown.map((code) => {
    const series = usable.filter((row) => row.geoCode === code).sort((a, b) => a.year - b.year);
    // A lower bound is no point of the line: it lifts the pen like a gap and is drawn apart.
    const points = series.filter((row) => !row.isLowerBound);
    const lowerBounds = series
      .filter((row) => row.isLowerBound)
      .map((row) => ({ x: Number(fmt(x(row.year))), y: Number(fmt(y(row.value))) }));
    let d = "";
    let previous: number | null = null;
    for (const point of points) {
      // A missing year (or a lower bound) lifts the pen: gaps stay gaps.
      const command = previous !== null && point.year === previous + 1 ? "L" : "M";
      d += `${command}${fmt(x(point.year))},${fmt(y(point.value))}`;
      previous = point.year;
    }
    // A lone point still shows: a short stub.
    if (points.length === 1) d += `h0.1`;
    return { code, d, lowerBounds, last: last.get(code)! };
  });
  return { lines, domain: [lo, hi], hidden: order.length - shown.length };
}

/**
 * The biggest values first, as bars sized against the largest magnitude shown. The "not
 * attributed" part is no place: it has no rank, comes last and always has its bar.
 */
export function buildBars(rows: readonly ViewRow[]): {
  bars: { row: ViewRow; rank: number | null; fraction: number }[];
  hidden: number;
} {
  const finite = rows.filter((row) => Number.isFinite(row.value));
  const remainders = finite.filter((row) => row.isRemainder);
  const sorted = finite
    .filter((row) => !row.isRemainder)
    .sort((a, b) => b.value - a.value || a.geoCode.localeCompare(b.geoCode));
  const places = sorted.slice(0, Math.max(0, MAX_BARS - remainders.length));
  const shown = [...places, ...remainders];
  const max = Math.max(0, ...shown.map((row) => Math.abs(row.value)));
  return {
    bars: shown.map((row, index) => ({
      row,
      rank: row.isRemainder ? null : index + 1,
      fraction: max === 0 ? 0 : Math.abs(row.value) / max,
    })),
    hidden: sorted.length - places.length,
  };
}

/** The coverage view in small: each status's share of the cells, in legend order. */
export function buildCoverageSummary(coverage: CoverageMatrix, lang: TLang): Extract<OgChart, { kind: "coverage" }> {
  const t = dictionary(lang);
  const cells = coverage.places.length * coverage.years.length;
  return {
    kind: "coverage",
    segments: COVERAGE_STATUSES.map((status) => ({
      status,
      symbol: COVERAGE_SYMBOLS[status],
      label: t.coverageStatus[status],
      countLabel: formatCount(coverage.counts[status], lang),
      fraction: cells === 0 ? 0 : coverage.counts[status] / cells,
    })),
    summary: CELLS[lang](formatCount(coverage.places.length, lang), formatCount(coverage.years.length, lang), formatCount(cells, lang)),
  };
}

/** The card's content for one view. `covers` says which characters the preview fonts can draw. */
export function buildOgCardModel(data: ViewData, catalogue: Catalogue, covers: TCovers): OgCardModel {
  const described = describeView(data, catalogue);
  const { lang } = described;
  const cover = (text: string) => coverText(text, covers);
  const nameOf = (row: ViewRow) =>
    lang === "zh" ? pickCovered(row.geoNameZh, row.geoNameEn, covers) : cover(row.geoNameEn);
  const tick = (value: number) => formatTick(value, data.unit, lang);
  const shortTick = (row: ViewRow) => formatTick(row.value, data.unit, lang, { isLowerBound: row.isLowerBound });
  let showsLowerBound = false;

  let chart: OgChart;
  if (described.chartKind === "empty") {
    chart = { kind: "empty", message: EMPTY[lang] };
  } else if (described.chartKind === "coverage" && data.coverage) {
    chart = buildCoverageSummary(data.coverage, lang);
  } else if (described.chartKind === "lines") {
    const plot = { width: LINE_PLOT.width, height: described.sampleLabel ? LINE_PLOT_SHORT : LINE_PLOT.height };
    const { lines, domain, hidden } = buildLines(data.rows, data.state, data.state.scale, plot);
    chart = {
      kind: "lines",
      ...plot,
      lines: lines.map((line) => {
        showsLowerBound ||= line.lowerBounds.length > 0;
        return {
          code: line.code,
          name: fitText(nameOf(line.last), 9.5),
          d: line.d,
          lowerBounds: line.lowerBounds,
          lastLabel: shortTick(line.last),
        };
      }),
      yTop: tick(domain[1]),
      yBottom: tick(domain[0]),
      xStart: String(data.state.from),
      xEnd: String(data.state.to),
      scaleNote: data.state.scale === "log" ? LOG_SCALE[lang] : "",
      hidden,
      hiddenLabel: MORE[lang](hidden, "lines"),
    };
  } else {
    const { bars, hidden } = buildBars(data.rows);
    showsLowerBound = bars.some(({ row }) => row.isLowerBound);
    chart = {
      kind: described.chartKind === "ranking" ? "ranking" : "bars",
      bars: bars.map(({ row, rank, fraction }) => ({
        code: row.geoCode,
        rank,
        // The remainder's longer name is set smaller (see og-card), so it fits the same 220px column.
        name: row.isRemainder ? fitText(cover(described.remainderName), REMAINDER_NAME_EM) : fitText(nameOf(row), 11),
        fraction,
        isNegative: row.value < 0,
        // The bars have room for the words: "at least 60", never a bare number that reads as the total.
        valueLabel: `${row.isLowerBound ? formatAtLeast(tick(row.value), lang) : tick(row.value)}${row.isSample ? " *" : ""}`,
        isSample: row.isSample,
        isLowerBound: row.isLowerBound,
        isRemainder: row.isRemainder,
      })),
      hidden,
      hiddenLabel: MORE[lang](hidden, described.chartKind),
    };
  }

  return coverStrings(
    {
      lang,
      appName: described.appName,
      headline: fitText(cover(described.metricTitle), 21),
      subtitle: fitText(cover(`${described.placeLabel} · ${described.yearsLabel} · ${described.unit}`), 37),
      unit: cover(described.unit),
      sampleLabel: described.sampleLabel,
      editionsLine: fitText(cover(described.editionsLine), 55),
      sourceLine: fitText(cover(described.sourceLine), 55),
      chart,
      marksNote: showsLowerBound ? fitText(cover(described.lowerBoundMark), 55) : "",
    },
    covers,
  );
}

/**
 * Every string in the model passed through coverText: the guarantee that the renderer
 * meets no character outside the fonts (it would try to download a font for it).
 */
export function coverStrings<T>(value: T, covers: TCovers): T {
  if (typeof value === "string") return coverText(value, covers) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => coverStrings(item, covers)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, coverStrings(item, covers)])) as T;
  }
  return value;
}
