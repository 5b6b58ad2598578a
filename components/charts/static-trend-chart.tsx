import { scaleLinear, scaleLog } from "d3-scale";
import type { MeasureOptions } from "@/lib/display-unit";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";
import { LOWER_BOUND_DOT_FILL, styleOfSeries } from "./palette";
import {
  AXIS_STROKE,
  DY_MIDDLE,
  DY_START,
  estimateTextWidth,
  FONT_SIZE,
  fmt,
  GRID_DASH,
  GRID_STROKE,
  hideBelowClass,
  LABEL_FILL,
  lowerBoundKeys,
  type MarkLabels,
  type MarkLegendItem,
  MarksLegend,
  MEASURED_LABEL_HEIGHT,
  niceTicks,
  pct,
  seriesValues,
  TICK_FILL,
  TICK_LABEL_GAP,
  TICK_SIZE,
} from "./static-chart-parts";

// A plain-SVG twin of TrendChart: no hooks, no effects, no recharts, the same markup on
// the server and the client. It is what the first view shows until the interactive
// chart's chunk has loaded, laid out with TrendChart's sizes, margins and colours.

/** TrendChart's CHART_HEIGHT, MARGIN and axis sizes (Recharts' default X axis height is 30). */
const DEFAULT_HEIGHT = 380;
const MARGIN = { top: 8, right: 16, bottom: 8, left: 8 };
const Y_AXIS_WIDTH = 64;
const X_AXIS_HEIGHT = 30;
/** Recharts' YAxis label position "insideLeft": 5px in from the axis box's left edge. */
const UNIT_LABEL_X = -(Y_AXIS_WIDTH - 5);
/** Paths are drawn in a 1000 × 1000 box stretched over the plot (strokes do not scale). */
const PATH_BOX = 1000;
/** For guessing the legend's height (only used to thin log-scale ticks). */
const ASSUMED_WIDTH = 800;
const LEGEND_ROW_HEIGHT = 18;
/** Recharts' measured y tick label height plus its default minTickGap (5). */
const Y_TICK_SPACING = MEASURED_LABEL_HEIGHT + 5;
/** Recharts' measured width of a year label plus the X axis' minTickGap (8). */
const YEAR_LABEL_SLOT = estimateTextWidth("2000") + 8;
/** A lower bound's hollow marker: bigger than a line's dots, so it reads as a point of its own. */
export const LOWER_BOUND_DOT = { r: 4, strokeWidth: 2 } as const;
/** The ink of marks that stand for every series (the legend's lower-bound icon). */
const MARK_INK = "#334155";

export interface StaticTrendChartProps {
  /** Several geographies × years. */
  rows: readonly ViewRow[];
  /** Geo codes in legend order (one line each). */
  seriesOrder: readonly string[];
  /** Display name in the current language. */
  nameOf: (geoCode: string) => string;
  /** X domain; every year in it gets a position. */
  years: { from: number; to: number };
  scale: "linear" | "log";
  /** Short axis label, e.g. "1.2T"; a lower bound "≥42". */
  formatTick: (value: number, options?: MeasureOptions) => string;
  /** Full value with unit for a point's label, "at least 42 zones" for a lower bound; default formatTick. */
  formatValue?: (value: number, options?: MeasureOptions) => string;
  /** Y-axis title, e.g. "yuan". */
  unitLabel: string;
  /** The legend's words for lower-bound points and the remainder series. */
  marks: MarkLabels;
  /** Total height in px, legend included; default 380 like TrendChart. */
  height?: number;
  /** Default "trend-chart-static", on the root element. */
  testId?: string;
  /** Default "Line chart: <n> series, <from>–<to>". */
  ariaLabel?: string;
}

interface YAxisModel {
  /** Value → fraction of the plot height from the bottom (0 → 1). */
  position: (value: number) => number;
  ticks: number[];
}

export function StaticTrendChart({
  rows,
  seriesOrder,
  nameOf,
  years,
  scale,
  formatTick,
  formatValue = formatTick,
  unitLabel,
  marks,
  height = DEFAULT_HEIGHT,
  testId = "trend-chart-static",
  ariaLabel,
}: StaticTrendChartProps) {
  const series = seriesValues(rows, seriesOrder, years, scale);
  // A lower bound is no point of the line: the pen lifts there and the value is a hollow mark of its own.
  const isLowerBound = lowerBoundKeys(rows);
  const lowerBoundAt = (code: string, yearIndex: number) => isLowerBound.has(`${code}|${years.from + yearIndex}`);
  const lineValues = series.map((values, index) =>
    values.map((value, yearIndex) => (lowerBoundAt(seriesOrder[index]!, yearIndex) ? null : value)),
  );
  const lowerBoundCount = series.reduce(
    (count, values, index) =>
      count +
      values.filter((value, yearIndex) => value !== null && lowerBoundAt(seriesOrder[index]!, yearIndex)).length,
    0,
  );
  const markItems = trendMarkItems(lowerBoundCount > 0, seriesOrder.includes(UNATTRIBUTED), marks);
  const yearList = years.to >= years.from ? range(years.from, years.to) : [];
  const xAt = (index: number) => (yearList.length === 1 ? 0.5 : index / (yearList.length - 1));
  const names = seriesOrder.map((code) => nameOf(code));
  const plotHeightGuess = height - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT - legendRows(names) * LEGEND_ROW_HEIGHT;
  const yAxis = buildYAxis(
    series.flat().filter((value): value is number => value !== null),
    scale,
    plotHeightGuess,
  );
  const label =
    ariaLabel ??
    `Line chart: ${seriesOrder.length} series, ${years.from}–${years.to}${lowerBoundCount > 0 ? `; ${lowerBoundCount === 1 ? "1 value is" : `${lowerBoundCount} values are`} only a lower bound (at least)` : ""}`;

  return (
    <>
      <div
        data-testid={testId}
        role="img"
        aria-label={label}
        className="@container w-full"
        style={{
          height,
          display: "flex",
          flexDirection: "column",
          boxSizing: "border-box",
          padding: `${MARGIN.top}px ${MARGIN.right}px ${MARGIN.bottom}px ${MARGIN.left}px`,
        }}
      >
        <div style={{ position: "relative", flex: "1 1 0%", minHeight: 0 }}>
          <svg
            aria-hidden="true"
            focusable="false"
            style={{
              position: "absolute",
              left: Y_AXIS_WIDTH,
              top: 0,
              width: `calc(100% - ${Y_AXIS_WIDTH}px)`,
              height: `calc(100% - ${X_AXIS_HEIGHT}px)`,
              overflow: "visible",
            }}
          >
            <g data-part="grid" stroke={GRID_STROKE} strokeDasharray={GRID_DASH}>
              {yAxis?.ticks.map((tick) => {
                const y = pct(1 - yAxis.position(tick));
                return <line key={`h${tick}`} x1="0" x2="100%" y1={y} y2={y} />;
              })}
              {yearList.map((year, index) => (
                <line key={`v${year}`} x1={pct(xAt(index))} x2={pct(xAt(index))} y1="0" y2="100%" />
              ))}
            </g>

            <g data-part="y-axis" fontSize={FONT_SIZE}>
              <line x1="0" x2="0" y1="0" y2="100%" stroke={AXIS_STROKE} />
              {yAxis?.ticks.map((tick) => {
                const y = pct(1 - yAxis.position(tick));
                return (
                  <g key={tick}>
                    <line x1={-TICK_SIZE} x2="0" y1={y} y2={y} stroke={AXIS_STROKE} />
                    <text data-tick="y" x={-TICK_LABEL_GAP} y={y} dy={DY_MIDDLE} textAnchor="end" fill={TICK_FILL}>
                      {formatTick(tick)}
                    </text>
                  </g>
                );
              })}
              <svg x={UNIT_LABEL_X} y="50%" overflow="visible">
                <text transform="rotate(-90)" dy={DY_MIDDLE} textAnchor="middle" fill={LABEL_FILL}>
                  {unitLabel}
                </text>
              </svg>
            </g>

            <svg y="100%" overflow="visible" data-part="x-axis" fontSize={FONT_SIZE}>
              <line x1="0" x2="100%" y1="0" y2="0" stroke={AXIS_STROKE} />
              {yearTickClasses(yearList.length).map((className, index) =>
                className === null ? null : (
                  <g key={yearList[index]} className={className || undefined}>
                    <line x1={pct(xAt(index))} x2={pct(xAt(index))} y1="0" y2={TICK_SIZE} stroke={AXIS_STROKE} />
                    <text
                      data-tick="x"
                      x={pct(xAt(index))}
                      y={TICK_LABEL_GAP}
                      dy={DY_START}
                      textAnchor="middle"
                      fill={TICK_FILL}
                    >
                      {yearList[index]}
                    </text>
                  </g>
                ),
              )}
            </svg>

            {yAxis && (
              <>
                <svg
                  data-part="lines"
                  width="100%"
                  height="100%"
                  viewBox={`0 0 ${PATH_BOX} ${PATH_BOX}`}
                  preserveAspectRatio="none"
                  overflow="visible"
                >
                  {lineValues.map((values, index) => {
                    const { color, dash } = styleOfSeries(seriesOrder[index]!, index);
                    return (
                      <path
                        key={seriesOrder[index]}
                        data-series={seriesOrder[index]}
                        d={linePath(values, xAt, yAxis.position)}
                        fill="none"
                        stroke={color}
                        strokeWidth={2}
                        strokeDasharray={dash}
                        strokeLinejoin="round"
                        vectorEffect="non-scaling-stroke"
                      />
                    );
                  })}
                </svg>
                <g data-part="dots" fill="#fff" strokeWidth={1}>
                  {lineValues.map((values, index) => (
                    <g key={seriesOrder[index]} stroke={styleOfSeries(seriesOrder[index]!, index).color}>
                      {values.map((value, yearIndex) =>
                        value === null ? null : (
                          <circle key={yearIndex} cx={pct(xAt(yearIndex))} cy={pct(1 - yAxis.position(value))} r={2} />
                        ),
                      )}
                    </g>
                  ))}
                </g>
                {lowerBoundCount > 0 && (
                  <g data-part="lower-bounds" fill={LOWER_BOUND_DOT_FILL} strokeWidth={LOWER_BOUND_DOT.strokeWidth}>
                    {series.map((values, index) => {
                      const code = seriesOrder[index]!;
                      return (
                        <g key={code} stroke={styleOfSeries(code, index).color}>
                          {values.map((value, yearIndex) =>
                            value === null || !lowerBoundAt(code, yearIndex) ? null : (
                              <circle
                                key={yearIndex}
                                data-lower-bound={`${code}|${years.from + yearIndex}`}
                                cx={pct(xAt(yearIndex))}
                                cy={pct(1 - yAxis.position(value))}
                                r={LOWER_BOUND_DOT.r}
                              >
                                <title>{`${names[index]}, ${years.from + yearIndex}: ${formatValue(value, { isLowerBound: true })}`}</title>
                              </circle>
                            ),
                          )}
                        </g>
                      );
                    })}
                  </g>
                )}
              </>
            )}
          </svg>
        </div>

        {seriesOrder.length > 0 && (
          <ul data-part="legend" style={{ padding: 0, margin: 0, textAlign: "center", fontSize: FONT_SIZE }}>
            {seriesOrder.map((code, index) => {
              const { color, dash } = styleOfSeries(code, index);
              return (
                <li
                  key={code}
                  data-series={code}
                  style={{ display: "inline-block", marginRight: 10, whiteSpace: "nowrap" }}
                >
                  <svg
                    width={14}
                    height={14}
                    viewBox="0 0 32 32"
                    aria-hidden="true"
                    style={{ display: "inline-block", verticalAlign: "middle", marginRight: 4 }}
                  >
                    {/* Recharts' "line" legend icon: a stroke with a ring in the middle. */}
                    <path
                      d="M0,16h10.667A5.333,5.333,0,1,1,21.333,16H32M21.333,16A5.333,5.333,0,1,1,10.667,16"
                      fill="none"
                      stroke={color}
                      strokeWidth={4}
                      strokeDasharray={dash}
                    />
                  </svg>
                  <span style={{ color, whiteSpace: "normal", overflowWrap: "break-word" }}>{names[index]}</span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <MarksLegend items={markItems} color={MARK_INK} testId={`${testId}-marks`} />
    </>
  );
}

/** The legend lines a trend needs: hollow lower-bound points, the dashed grey remainder series. */
export function trendMarkItems(hasLowerBound: boolean, hasRemainder: boolean, marks: MarkLabels): MarkLegendItem[] {
  return [
    ...(hasLowerBound ? [{ kind: "lower-bound-point" as const, label: marks.lowerBound }] : []),
    ...(hasRemainder ? [{ kind: "remainder-line" as const, label: marks.remainder }] : []),
  ];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Linear: Recharts' nice ticks and the domain they span. Log: the data's extent (as
 * Recharts does with an "auto" domain) and d3's log ticks, thinned from the top so the
 * labels do not overlap. Null when there is nothing to draw.
 */
function buildYAxis(values: number[], scale: "linear" | "log", plotHeightGuess: number): YAxisModel | null {
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
    const px = (1 - y(tick)) * plotHeightGuess;
    if (px - lastPx >= Y_TICK_SPACING) {
      ticks.push(tick);
      lastPx = px;
    }
  }
  return { position: (value) => y(value), ticks: ticks.reverse() };
}

/** One path per series; a null value lifts the pen, so gaps stay gaps ("M" starts each run). */
export function linePath(
  values: readonly (number | null)[],
  xAt: (index: number) => number,
  position: (value: number) => number,
): string {
  let d = "";
  let penDown = false;
  values.forEach((value, index) => {
    if (value === null) {
      penDown = false;
      return;
    }
    d += `${penDown ? "L" : "M"}${fmt(xAt(index) * PATH_BOX)},${fmt((1 - position(value)) * PATH_BOX)}`;
    penDown = true;
  });
  return d;
}

/** Steps between shown years, each a multiple of the last so wider steps keep a subset. */
const YEAR_STEPS = [1, 2, 4, 8, 16, 32, 64, 128];

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
    return hideBelowClass(Y_AXIS_WIDTH + (YEAR_LABEL_SLOT * last) / widest);
  });
}

/** How many rows the legend will wrap to, guessed for an 800px-wide chart. */
function legendRows(names: readonly string[]): number {
  if (names.length === 0) return 0;
  const available = ASSUMED_WIDTH - MARGIN.left - MARGIN.right;
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
