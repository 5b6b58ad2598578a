import type { TCoverageStatus } from "@/lib/coverage";
import { UNATTRIBUTED } from "@/lib/view-data";

// The one palette: categorical colours for lines and bars (Okabe–Ito, safe for
// the common colour-vision deficiencies), a sequential ramp for the map, the marks of
// figures that are not plain totals, and the neutral inks of everything drawn outside
// CSS classes (SVG, exports, the link-preview card). No component spells a colour.

export const CATEGORICAL = [
  "#0072B2", // blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#56B4E9", // sky blue
  "#D55E00", // vermillion
  "#F0E442", // yellow
  "#000000", // black
] as const;

/** A colour per series; beyond eight series, colours repeat with a dashed stroke. */
export function seriesStyle(index: number): { color: string; dash: string | undefined } {
  return {
    color: CATEGORICAL[index % CATEGORICAL.length]!,
    dash: index >= CATEGORICAL.length ? "6 3" : undefined,
  };
}

/** The app's accent, the first categorical colour: single-series bars, the preview card's name and rule. */
export const ACCENT = CATEGORICAL[0];

/** Sequential ramp for choropleths (light → dark blue, readable in greyscale too). */
export const SEQUENTIAL = ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"] as const;

export const NO_DATA_FILL = "#e5e7eb";
export const SAMPLE_COLOR = "#9a3412";

/**
 * The coverage view's cell colours (fill, and the ink of the symbol drawn on it, at least
 * 5:1 against the fill). Okabe–Ito hues; the sample orange-brown and the no-data grey
 * are the ones the other charts use. Colour is never alone: each cell has its symbol too.
 */
export const COVERAGE_COLORS = {
  reported: { fill: "#0072B2", ink: "#ffffff" },
  computed: { fill: "#009E73", ink: "#000000" },
  partial: { fill: "#E69F00", ink: "#000000" },
  sample: { fill: SAMPLE_COLOR, ink: "#ffffff" },
  missing: { fill: NO_DATA_FILL, ink: "#334155" },
} as const satisfies Record<TCoverageStatus, { fill: string; ink: string }>;
// Marks for figures that are not plain totals (ViewRow.isLowerBound, ViewRow.isRemainder).

/** Background of a lower-bound bar between its hatch lines (the hatch is the bar's own colour). */
export const LOWER_BOUND_FILL = "#ffffff";
/** Hollow marker of a lower-bound point: white inside, the series colour around. */
export const LOWER_BOUND_DOT_FILL = "#ffffff";
/** Dots laid over a province whose figure is only a lower bound (dark enough on every blue of the ramp, and on white). */
export const LOWER_BOUND_MAP_MARK = "#111827";

/** The "not attributed" part: grey, dashed, never one of the places' colours. */
export const REMAINDER_FILL = "#d1d5db";
export const REMAINDER_STROKE = "#4b5563";
export const REMAINDER_DASH = "4 3";

/** The line of a "not attributed" series in a trend: dashed grey, whatever its position. */
export function remainderSeriesStyle(): { color: string; dash: string } {
  return { color: REMAINDER_STROKE, dash: REMAINDER_DASH };
}

/** A series' style by its geo code and position: the remainder is always dashed grey. */
export function styleOfSeries(geoCode: string, index: number): { color: string; dash: string | undefined } {
  return geoCode === UNATTRIBUTED ? remainderSeriesStyle() : seriesStyle(index);
}

// The policy timeline's events and the breaks in series, on trend charts.

/** An event's thin line (slate-500); its label is in LABEL_INK. */
export const EVENT_STROKE = "#64748b";
/** A break in series: a dashed dark red line and label, unlike any series' colour. */
export const BREAK_STROKE = "#991b1b";
export const BREAK_DASH = "5 3";

// ---------------------------------------------------------------------------
// Neutral inks (Tailwind's slate), for text and rules drawn without CSS classes.

/** Body text of the preview card (slate-900). */
export const INK = "#0f172a";
/** Labels, legends and captions (slate-700); also the ink of marks that stand for every series. */
export const LABEL_INK = "#334155";
/** Secondary text (slate-600). */
export const MUTED_INK = "#475569";
/** Faint text and the baseline of the preview card's chart (slate-400). */
export const FAINT_INK = "#94a3b8";
/** Rules between blocks (slate-200). */
export const RULE = "#e2e8f0";
/** Empty bar tracks and the compare chart's hover band (slate-100). */
export const TRACK_FILL = "#f1f5f9";
/** White: the page behind an exported chart or the preview card, and text on a dark fill. */
export const PAPER = "#ffffff";

// ---------------------------------------------------------------------------
// Chart chrome: Recharts' defaults, so the static charts look like the interactive ones.

export const GRID_STROKE = "#e5e7eb";
export const GRID_DASH = "3 3";
export const AXIS_STROKE = "#666";
export const TICK_FILL = "#666";
export const LABEL_FILL = "#808080";
/** Inside a line's dots. */
export const DOT_FILL = "#fff";

// ---------------------------------------------------------------------------
// The province map.

/** Thin border between neighbouring provinces, so equal fills stay distinguishable. */
export const PROVINCE_STROKE = "#ffffff";
/** Diagonal lines of the "no data" hatch, dark enough to read on NO_DATA_FILL; the legend swatches' outline. */
export const NO_DATA_HATCH = "#9ca3af";
/** Borders between regions and the mainland's outline. */
export const REGION_STROKE = "#374151";
/** Outline of a selected province. */
export const SELECTED_STROKE = "#111827";
/** Halo around the hovered or focused province: orange stands out on every blue of the ramp. */
export const ACTIVE_STROKE = "#f59e0b";
