import {
  LABEL_INK,
  LOWER_BOUND_DOT_FILL,
  LOWER_BOUND_FILL,
  LOWER_BOUND_MAP_MARK,
  REMAINDER_DASH,
  REMAINDER_FILL,
  REMAINDER_STROKE,
} from "./palette";
import { FONT_SIZE } from "./svg-layout";

// The marks for figures that are not plain totals (lower bounds, the "not attributed" row):
// their patterns, and the legend that explains them. Shared by every chart (static and
// interactive) and the map, so they explain a mark in the same words and with the same icon.
// Nothing here may import recharts: the static charts show before that chunk loads.

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
      style={{ listStyle: "none", padding: 0, margin: "4px 0 0", fontSize: FONT_SIZE, color: LABEL_INK }}
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
