import { scaleBand, scaleLinear } from "d3-scale";
import type { MeasureOptions } from "@/lib/display-unit";
import type { TTableSort } from "@/lib/table-sort";
import type { ViewRow } from "@/lib/view-data";
import { REMAINDER_STROKE, seriesStyle } from "./palette";
import {
  AXIS_STROKE,
  barLabel,
  barStyle,
  compareMarkItems,
  DY_START,
  estimateTextWidth,
  FONT_SIZE,
  fmt,
  GRID_DASH,
  GRID_STROKE,
  hideBelowClass,
  LABEL_FILL,
  LowerBoundHatch,
  type MarkLabels,
  MarksLegend,
  middleAnchorDy,
  niceTicks,
  pct,
  sortRowsForCompare,
  TICK_FILL,
  TICK_LABEL_GAP,
  TICK_SIZE,
  wrapWords,
} from "./static-chart-parts";

// A plain-SVG twin of CompareChart: no hooks, no effects, no recharts, the same markup
// on the server and the client, with CompareChart's sizes, order, colours and marks.

/** CompareChart's layout constants; staticCompareHeight must equal compareChartHeight. */
const BAR_SLOT_PX = 28;
const MARGIN = { top: 8, right: 64, bottom: 8, left: 4 };
const X_AXIS_HEIGHT = 40;
const NAME_AXIS_WIDTH = 120;
const BAR_COLOR = seriesStyle(0).color;
/** barCategoryGap "20%": Recharts leaves 20% of the slot above and below a single bar, and rounds the bar size. */
const BAR_OFFSET = BAR_SLOT_PX * 0.2;
const BAR_SIZE = Math.round(BAR_SLOT_PX - 2 * BAR_OFFSET);
/** LabelList at the end of each bar: Recharts' label offset, font and colour. */
const VALUE_LABEL_OFFSET = 5;
const VALUE_LABEL_SIZE = 11;
const VALUE_LABEL_FILL = "#334155";
/** Recharts' "insideBottom" axis label: 5px above the bottom of the X axis box. */
const UNIT_LABEL_Y = X_AXIS_HEIGHT - 5;
/** Recharts' default minTickGap between tick labels. */
const X_MIN_TICK_GAP = 5;
const NO_SELECTION: readonly string[] = [];
const ORDER_WORDS: Record<TTableSort, string> = {
  "value-desc": "largest first",
  "value-asc": "smallest first",
  place: "by name",
  year: "by name",
};

export interface StaticCompareChartProps {
  /** One row per geography, all the same year. */
  rows: readonly ViewRow[];
  nameOf: (geoCode: string) => string;
  /** Short label, for the axis and the end of each bar ("≥42" for a lower bound). */
  formatTick: (value: number, options?: MeasureOptions) => string;
  /** Full value with unit, for each bar's title ("at least 42 zones"); default formatTick. */
  formatValue?: (value: number, options?: MeasureOptions) => string;
  /** X-axis title. */
  unitLabel: string;
  /** The legend's words for lower-bound and remainder bars. */
  marks: MarkLabels;
  /** Geo codes to emphasise; the others are drawn lighter. */
  selected?: readonly string[];
  /** The bars' order: the view's sort (default largest first). */
  sort?: TTableSort;
  /** Default "compare-chart-static", on the root element. */
  testId?: string;
  /** Default "Bar chart: <n> bars, largest first" (or in the sort's order). */
  ariaLabel?: string;
}

/** Same as compare-chart's compareChartHeight (that module imports recharts): every bar gets a 28px slot. */
export function staticCompareHeight(barCount: number): number {
  return Math.max(1, barCount) * BAR_SLOT_PX + MARGIN.top + MARGIN.bottom + X_AXIS_HEIGHT;
}

export function StaticCompareChart({
  rows,
  nameOf,
  formatTick,
  formatValue = formatTick,
  unitLabel,
  marks,
  selected = NO_SELECTION,
  sort = "value-desc",
  testId = "compare-chart-static",
  ariaLabel,
}: StaticCompareChartProps) {
  const sorted = sortRowsForCompare(
    rows.filter((row) => Number.isFinite(row.value)),
    nameOf,
    sort,
  );
  const height = staticCompareHeight(sorted.length);
  const plotHeight = Math.max(1, sorted.length) * BAR_SLOT_PX;
  const band = scaleBand<number>()
    .domain(sorted.map((_, index) => index))
    .range([0, sorted.length * BAR_SLOT_PX]);

  // Recharts' number axis: domain [0, "auto"], extended to the nice ticks (and to negative values).
  let ticks: number[] = [];
  let xAt = (value: number) => value;
  if (sorted.length > 0) {
    const values = sorted.map((row) => row.value);
    const lo = Math.min(0, ...values);
    const hi = Math.max(0, ...values);
    ticks = niceTicks(lo, hi);
    const x = scaleLinear()
      .domain([Math.min(lo, ticks[0] ?? lo), Math.max(hi, ticks.at(-1) ?? hi)])
      .range([0, 1]);
    xAt = (value) => x(value);
  }
  const label = ariaLabel ?? `Bar chart: ${sorted.length} bars, ${ORDER_WORDS[sort]}`;
  const tickClasses = xTickClasses(ticks.map((tick) => formatTick(tick)));
  // No hooks here (useId): the id only has to be unique on the page, where each chart has its own test id.
  const hatchId = `${testId}-lower-bound-hatch`;
  const hasLowerBound = sorted.some((row) => row.isLowerBound);

  return (
    <>
      <div
        data-testid={testId}
        role="img"
        aria-label={label}
        className="@container w-full"
        style={{ position: "relative", height }}
      >
        <svg
          aria-hidden="true"
          focusable="false"
          style={{
            position: "absolute",
            left: MARGIN.left + NAME_AXIS_WIDTH,
            top: MARGIN.top,
            width: `calc(100% - ${MARGIN.left + NAME_AXIS_WIDTH + MARGIN.right}px)`,
            height: plotHeight,
            overflow: "visible",
          }}
        >
          {hasLowerBound && (
            <defs>
              <LowerBoundHatch id={hatchId} color={BAR_COLOR} />
            </defs>
          )}
          <g data-part="grid" stroke={GRID_STROKE} strokeDasharray={GRID_DASH}>
            {ticks.map((tick) => (
              <line key={tick} x1={pct(xAt(tick))} x2={pct(xAt(tick))} y1="0" y2={plotHeight} />
            ))}
          </g>

          <g data-part="x-axis" fontSize={FONT_SIZE}>
            <line x1="0" x2="100%" y1={plotHeight} y2={plotHeight} stroke={AXIS_STROKE} />
            {ticks.map((tick, index) =>
              tickClasses[index] === null ? null : (
                <g key={tick} className={tickClasses[index] || undefined}>
                  <line
                    x1={pct(xAt(tick))}
                    x2={pct(xAt(tick))}
                    y1={plotHeight}
                    y2={plotHeight + TICK_SIZE}
                    stroke={AXIS_STROKE}
                  />
                  <text
                    data-tick="x"
                    x={pct(xAt(tick))}
                    y={plotHeight + TICK_LABEL_GAP}
                    dy={DY_START}
                    textAnchor="middle"
                    fill={TICK_FILL}
                  >
                    {formatTick(tick)}
                  </text>
                </g>
              ),
            )}
            <text x="50%" y={plotHeight + UNIT_LABEL_Y} textAnchor="middle" fill={LABEL_FILL}>
              {unitLabel}
            </text>
          </g>

          <g data-part="y-axis" fontSize={FONT_SIZE}>
            <line x1="0" x2="0" y1="0" y2={plotHeight} stroke={AXIS_STROKE} />
            {sorted.map((row, index) => {
              const y = fmt((band(index) ?? 0) + BAR_SLOT_PX / 2);
              const lines = wrapWords(nameOf(row.geoCode), NAME_AXIS_WIDTH);
              const dys = middleAnchorDy(lines.length);
              return (
                <g key={row.geoCode}>
                  <line x1={-TICK_SIZE} x2="0" y1={y} y2={y} stroke={AXIS_STROKE} />
                  <text
                    data-tick="y"
                    x={-TICK_LABEL_GAP}
                    y={y}
                    dy={lines.length === 1 ? dys[0] : undefined}
                    textAnchor="end"
                    fill={row.isRemainder ? REMAINDER_STROKE : TICK_FILL}
                    fontStyle={row.isRemainder ? "italic" : undefined}
                  >
                    {lines.length === 1
                      ? lines[0]
                      : lines.map((line, lineIndex) => (
                          <tspan key={lineIndex} x={-TICK_LABEL_GAP} dy={dys[lineIndex]}>
                            {line}
                          </tspan>
                        ))}
                  </text>
                </g>
              );
            })}
          </g>

          <g data-part="bars">
            {sorted.map((row, index) => {
              const zero = xAt(0);
              const end = xAt(row.value);
              const emphasised = selected.length === 0 || selected.includes(row.geoCode);
              return (
                <rect
                  key={row.geoCode}
                  data-geo={row.geoCode}
                  data-lower-bound={row.isLowerBound || undefined}
                  data-remainder={row.isRemainder || undefined}
                  x={pct(Math.min(zero, end))}
                  width={pct(Math.abs(end - zero))}
                  y={fmt((band(index) ?? 0) + BAR_OFFSET)}
                  height={BAR_SIZE}
                  {...barStyle(row, emphasised, BAR_COLOR, hatchId)}
                >
                  <title>{`${nameOf(row.geoCode)}: ${formatValue(row.value, { isLowerBound: row.isLowerBound })}`}</title>
                </rect>
              );
            })}
          </g>

          <g data-part="values" fontSize={VALUE_LABEL_SIZE} fill={VALUE_LABEL_FILL}>
            {sorted.map((row, index) => {
              const negative = row.value < 0;
              return (
                <text
                  key={row.geoCode}
                  x={pct(xAt(row.value))}
                  dx={negative ? -VALUE_LABEL_OFFSET : VALUE_LABEL_OFFSET}
                  y={fmt((band(index) ?? 0) + BAR_SLOT_PX / 2)}
                  dy={middleAnchorDy(1)[0]}
                  textAnchor={negative ? "end" : "start"}
                >
                  {barLabel(row, formatTick)}
                </text>
              );
            })}
          </g>
        </svg>
      </div>
      <MarksLegend items={compareMarkItems(sorted, marks)} color={BAR_COLOR} testId={`${testId}-marks`} />
    </>
  );
}

/**
 * Like Recharts' "preserveEnd": the last tick always shows and, when the labels do not
 * fit side by side, every other one from there. "" = always shown, else the class that
 * hides a tick while the chart is too narrow for all of them.
 */
export function xTickClasses(labels: readonly string[]): (string | null)[] {
  const widest = Math.max(0, ...labels.map((label) => estimateTextWidth(label)));
  const allFit = MARGIN.left + NAME_AXIS_WIDTH + MARGIN.right + (labels.length - 1) * (widest + X_MIN_TICK_GAP);
  return labels.map((_, index) => ((labels.length - 1 - index) % 2 === 0 ? "" : hideBelowClass(allFit)));
}
