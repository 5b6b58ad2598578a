import { sortCompareBars, type TTableSort } from "@/lib/table-sort";
import type { ViewRow } from "@/lib/view-data";
import {
  LOWER_BOUND_DOT_FILL,
  LOWER_BOUND_FILL,
  LOWER_BOUND_MAP_MARK,
  REMAINDER_DASH,
  REMAINDER_FILL,
  REMAINDER_STROKE,
  SAMPLE_COLOR,
} from "./palette";

// Helpers shared by the static (server-rendered, Recharts-free) charts. Nothing here
// may import recharts: these charts are what the page shows before that chunk loads.
//
// Layout trick used by both charts: the plot area is an <svg> placed with CSS (pixel
// margins, calc() sizes), so everything inside can be positioned in percentages of the
// plot box plus pixel offsets. Text, dots and bars keep their real pixel size at any
// container width, exactly like Recharts, instead of a viewBox that scales the fonts.

/** Recharts defaults, so the swap to the interactive chart is barely visible. */
export const GRID_STROKE = "#e5e7eb";
export const GRID_DASH = "3 3";
export const AXIS_STROKE = "#666";
export const TICK_FILL = "#666";
export const LABEL_FILL = "#808080";
export const FONT_SIZE = 12;
export const TICK_SIZE = 6;
/** Tick length plus Recharts' tick margin: the gap between the axis line and a tick label. */
export const TICK_LABEL_GAP = TICK_SIZE + 2;
/** Recharts' Text vertical anchors (capHeight 0.71em). */
export const DY_MIDDLE = "0.355em";
export const DY_START = "0.71em";

/** A number for an SVG attribute: rounded so the markup is small and stable, never "-0". */
export function fmt(value: number, digits = 2): string {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return String(rounded === 0 ? 0 : rounded);
}

/** A fraction of the plot box (0 → 1) as an SVG percentage. */
export function pct(fraction: number): string {
  return `${fmt(fraction * 100, 3)}%`;
}

// ---------------------------------------------------------------------------
// Nice ticks: the algorithm Recharts uses for a linear axis with an "auto" domain
// (getNiceTickValues, tickCount 5, decimals allowed), so the static grid lines sit
// where the interactive chart's will. Recharts uses exact decimals; here floats are
// cleaned to 12 significant digits at each step, which gives the same results.

const clean = (value: number): number => (value === 0 ? 0 : Number(value.toPrecision(12)));

function digitCount(value: number): number {
  if (value === 0) return 1;
  const abs = Math.abs(value);
  let exponent = Math.floor(Math.log10(abs));
  if (10 ** (exponent + 1) <= abs) exponent += 1;
  else if (10 ** exponent > abs) exponent -= 1;
  return exponent + 1;
}

function adaptiveStep(roughStep: number, correction: number): number {
  if (roughStep <= 0) return 0;
  const digits = digitCount(roughStep);
  const magnitude = 10 ** digits;
  const ratioScale = digits !== 1 ? 0.05 : 0.1;
  const ratio = Math.ceil(clean(clean(roughStep / magnitude) / ratioScale)) + correction;
  return clean(clean(ratio * ratioScale) * magnitude);
}

function calculateStep(
  min: number,
  max: number,
  tickCount: number,
  correction: number,
): { step: number; tickMin: number; tickMax: number } {
  const step = adaptiveStep(clean((max - min) / (tickCount - 1)), correction);
  if (!(step > 0) || !Number.isFinite(step)) return { step: 0, tickMin: 0, tickMax: 0 };
  let middle: number;
  if (min <= 0 && max >= 0) {
    middle = 0;
  } else {
    middle = clean((min + max) / 2);
    // Minus middle mod step (truncated, like Decimal's mod): a multiple of the step.
    middle = clean(Math.trunc(clean(middle / step)) * step);
  }
  let below = Math.ceil(clean((middle - min) / step));
  let above = Math.ceil(clean((max - middle) / step));
  const count = below + above + 1;
  if (count > tickCount) return calculateStep(min, max, tickCount, correction + 1);
  if (count < tickCount) {
    if (max > 0) above += tickCount - count;
    else below += tickCount - count;
  }
  return { step, tickMin: clean(middle - below * step), tickMax: clean(middle + above * step) };
}

function singleValueTicks(value: number, tickCount: number): number[] {
  let step = 1;
  let middle = value;
  if (!Number.isInteger(value)) {
    const abs = Math.abs(value);
    if (abs < 1) {
      step = 10 ** (digitCount(value) - 1);
      middle = clean(Math.floor(clean(value / step)) * step);
    } else if (abs > 1) {
      middle = Math.floor(value);
    }
  } else if (value === 0) {
    middle = Math.floor((tickCount - 1) / 2);
  }
  const middleIndex = Math.floor((tickCount - 1) / 2);
  return Array.from({ length: tickCount }, (_, i) => clean(middle + (i - middleIndex) * step));
}

/**
 * Ticks covering [min, max], rounded outwards to nice numbers ("0, 25, 50, 75, 100");
 * the axis domain is then [first, last]. Equal min and max get ticks around the value.
 */
export function niceTicks(min: number, max: number, tickCount = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  const [lo, hi] = min <= max ? [min, max] : [max, min];
  if (lo === hi) return singleValueTicks(lo, tickCount);
  const { step, tickMin, tickMax } = calculateStep(lo, hi, Math.max(tickCount, 2), 0);
  if (step === 0) return [lo, hi];
  const ticks: number[] = [];
  const count = Math.round((tickMax - tickMin) / step);
  for (let i = 0; i <= count; i++) ticks.push(clean(tickMin + i * step));
  return ticks;
}

// ---------------------------------------------------------------------------
// Data shaping, copied from trend-chart.tsx / compare-chart.tsx (those modules import
// recharts, so importing from them would pull it into the first chunk; tests check that
// the copies agree with the originals).

/**
 * For each code in seriesOrder, one value per year from years.from to years.to, null
 * where there is no (finite) value; on a log scale values ≤ 0 become null too.
 */
export function seriesValues(
  rows: readonly ViewRow[],
  seriesOrder: readonly string[],
  years: { from: number; to: number },
  scale: "linear" | "log",
): (number | null)[][] {
  const values = new Map<string, number>();
  for (const row of rows) values.set(`${row.geoCode}|${row.year}`, row.value);
  return seriesOrder.map((code) => {
    const line: (number | null)[] = [];
    for (let year = years.from; year <= years.to; year++) {
      const value = values.get(`${code}|${year}`);
      line.push(value === undefined || !Number.isFinite(value) || (scale === "log" && value <= 0) ? null : value);
    }
    return line;
  });
}

/**
 * Same order as compare-chart's sortForCompare: the view's sort (largest first by default),
 * then by display name, then by code; the "not attributed" row is no place and always comes last.
 */
export function sortRowsForCompare(
  rows: readonly ViewRow[],
  nameOf: (geoCode: string) => string,
  sort: TTableSort = "value-desc",
): ViewRow[] {
  return sortCompareBars(rows, sort, (row) => nameOf(row.geoCode));
}

/** "geoCode|year" of every row that is only a lower bound: drawn as a mark of its own, never on a line. */
export function lowerBoundKeys(rows: readonly ViewRow[]): Set<string> {
  return new Set(rows.filter((row) => row.isLowerBound).map((row) => `${row.geoCode}|${row.year}`));
}

// ---------------------------------------------------------------------------
// The legend of the marks for figures that are not plain totals, shared by every chart
// (static and interactive) so they explain a mark in the same words and with the same icon.

export type TMarkKind =
  "lower-bound-point" | "lower-bound-bar" | "lower-bound-area" | "remainder-bar" | "remainder-line";

/** The legend's words for the marks, in the page's language (lib/i18n: lowerBoundLegend, remainderLegend). */
export interface MarkLabels {
  /** "At least: some parts are missing — see the note". */
  lowerBound: string;
  /** What the "not attributed" row is: "Not attributed to a region: the national total minus …". */
  remainder: string;
}

export interface MarkLegendItem {
  kind: TMarkKind;
  label: string;
}

/** The hatch of a lower-bound bar: lines at 45° in the bar's colour over white (an outline goes round it). */
export function LowerBoundHatch({ id, color }: { id: string; color: string }) {
  return (
    <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      {/* A path, not a <rect>: the chart's bars are its only rects. */}
      <path d="M0,0H6V6H0Z" fill={LOWER_BOUND_FILL} />
      <line x1={0} y1={0} x2={0} y2={6} stroke={color} strokeWidth={3} />
    </pattern>
  );
}

/** Dots over a province whose figure is only a lower bound. */
export function LowerBoundDots({ id }: { id: string }) {
  return (
    <pattern id={id} width={5} height={5} patternUnits="userSpaceOnUse">
      <circle cx={2.5} cy={2.5} r={1} fill={LOWER_BOUND_MAP_MARK} fillOpacity={0.55} />
    </pattern>
  );
}

function MarkIcon({ kind, color }: { kind: TMarkKind; color: string }) {
  switch (kind) {
    case "lower-bound-point":
      return <circle cx={9} cy={6} r={4} fill={LOWER_BOUND_DOT_FILL} stroke={color} strokeWidth={2} />;
    case "lower-bound-bar":
      // Drawn line by line, not with a pattern: the legend has no ids to keep unique.
      return (
        <>
          <rect x={0.75} y={0.75} width={16.5} height={10.5} fill={LOWER_BOUND_FILL} stroke={color} strokeWidth={1.5} />
          {[-6, 0, 6, 12].map((x) => (
            <line key={x} x1={x} y1={12} x2={x + 12} y2={0} stroke={color} strokeWidth={1.5} />
          ))}
        </>
      );
    case "lower-bound-area":
      return (
        <>
          <rect width={18} height={12} fill={LOWER_BOUND_FILL} stroke={REMAINDER_STROKE} strokeWidth={0.5} />
          {[3, 8, 13].flatMap((x) =>
            [3, 8].map((y) => (
              <circle key={`${x}-${y}`} cx={x} cy={y} r={1.2} fill={LOWER_BOUND_MAP_MARK} fillOpacity={0.7} />
            )),
          )}
        </>
      );
    case "remainder-bar":
      return (
        <rect
          x={0.75}
          y={0.75}
          width={16.5}
          height={10.5}
          fill={REMAINDER_FILL}
          stroke={REMAINDER_STROKE}
          strokeWidth={1.5}
          strokeDasharray={REMAINDER_DASH}
        />
      );
    case "remainder-line":
      return (
        <line x1={0} y1={6} x2={18} y2={6} stroke={REMAINDER_STROKE} strokeWidth={2} strokeDasharray={REMAINDER_DASH} />
      );
  }
}

/**
 * What the marks on screen mean: one line per kind of mark shown (nothing when there is
 * none). `color` is the colour the chart draws its marks in (the bars', or a neutral ink).
 */
export function MarksLegend({
  items,
  color,
  testId = "marks-legend",
}: {
  items: readonly MarkLegendItem[];
  color: string;
  testId?: string;
}) {
  if (items.length === 0) return null;
  return (
    <ul
      data-testid={testId}
      style={{ listStyle: "none", padding: 0, margin: "4px 0 0", fontSize: FONT_SIZE, color: "#334155" }}
    >
      {items.map((item) => (
        <li key={item.kind} data-mark={item.kind} style={{ display: "flex", alignItems: "center", gap: 6 }}>
          <svg
            width={18}
            height={12}
            viewBox="0 0 18 12"
            aria-hidden="true"
            focusable="false"
            style={{ flexShrink: 0 }}
          >
            <MarkIcon kind={item.kind} color={color} />
          </svg>
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

// ---------------------------------------------------------------------------
// Text size, estimated (the server cannot measure text). Recharts measures tick labels at
// their 12px font size in a span that takes the page's line height (1.5), but wraps
// category names measuring each word at the page's 16px font (Text has no style).

export const MEASURE_FONT_SIZE = 16;
/** Height Recharts measures for a 12px tick label: the page's line height of 1.5. */
export const MEASURED_LABEL_HEIGHT = 18;

export function estimateTextWidth(text: string, fontSize = FONT_SIZE): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x2e80) em += 1;
    else if (char === " ") em += 0.28;
    else if (/[0-9]/.test(char)) em += 0.6;
    else if (/[mwMW]/.test(char)) em += 0.85;
    else if (/[A-Z]/.test(char)) em += 0.68;
    else if (/[ijlt.,:;'|!()[\]]/.test(char)) em += 0.3;
    else em += 0.57;
  }
  return em * fontSize;
}

/**
 * Container widths (px) of Tailwind's named container sizes, with a class that hides an
 * element in any narrower container. The classes are spelled out so Tailwind finds them.
 */
const HIDE_BELOW: readonly [number, string][] = [
  [256, "@max-3xs:hidden"],
  [288, "@max-2xs:hidden"],
  [320, "@max-xs:hidden"],
  [384, "@max-sm:hidden"],
  [448, "@max-md:hidden"],
  [512, "@max-lg:hidden"],
  [576, "@max-xl:hidden"],
  [672, "@max-2xl:hidden"],
  [768, "@max-3xl:hidden"],
  [896, "@max-4xl:hidden"],
  [1024, "@max-5xl:hidden"],
  [1152, "@max-6xl:hidden"],
  [1280, "@max-7xl:hidden"],
];

/**
 * The class that hides an element while its @container is narrower than minWidth px
 * (rounded up to a named size: an element may hide a little early, never show too
 * early); "" when it always fits, null when no named size is wide enough.
 */
export function hideBelowClass(minWidth: number): string | null {
  if (minWidth <= 0) return "";
  const found = HIDE_BELOW.find(([width]) => width >= minWidth);
  return found ? found[1] : null;
}

/** Greedy word wrap to maxWidth, like Recharts' Text with a width; a word longer than a line stays whole. */
export function wrapWords(text: string, maxWidth: number, fontSize = MEASURE_FONT_SIZE): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && estimateTextWidth(candidate, fontSize) > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [text];
}

/**
 * The dy of each line of a label centred on its y, as Recharts' Text with verticalAnchor
 * "middle" (line height 1em, cap height 0.71em): ["0.355em"] for one line.
 */
export function middleAnchorDy(lineCount: number): string[] {
  return Array.from({ length: lineCount }, (_, index) =>
    index === 0 ? `${fmt(-(lineCount - 1) / 2 + 0.355, 3)}em` : "1em",
  );
}

/**
 * How a bar is drawn: a lower bound hatched and outlined (never a solid bar that reads as
 * the total), the "not attributed" part grey with a dashed outline, a synthetic sample pale
 * with a dashed orange outline. Shared by both compare charts.
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
