import type { MeasureOptions } from "@/lib/display-unit";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";
import { type MarkLabels, MarksLegend } from "./marks-legend";
import { SeriesLegend } from "./series-legend";
import {
  AXIS_STROKE,
  DOT_FILL,
  GRID_DASH,
  GRID_STROKE,
  LABEL_FILL,
  LABEL_INK,
  LOWER_BOUND_DOT_FILL,
  styleOfSeries,
  TICK_FILL,
} from "./palette";
import { DY_MIDDLE, DY_START, FONT_SIZE, fmt, pct, TICK_LABEL_GAP, TICK_SIZE } from "./svg-layout";
import { TimelineLegend, type TrendTimeline } from "./timeline-legend";
import { TimelineMarks } from "./timeline-marks";
import {
  DOT,
  guessPlotHeight,
  layoutTimeline,
  LOWER_BOUND_DOT,
  lowerBoundKeys,
  pivotByYear,
  rowKey,
  TIMELINE_LAYOUT,
  timelineLabelClasses,
  TREND_LAYOUT,
  trendAriaLabel,
  trendMarkItems,
  trendSeries,
  trendYAxis,
  yearPosition,
  yearsOf,
  yearTickClasses,
} from "./trend-model";

// A plain-SVG twin of TrendChart: no hooks, no effects, no recharts, the same markup on
// the server and the client. It is what the first view shows until the interactive
// chart's chunk has loaded; data and layout come from trend-model.ts, like TrendChart's.

const { margin: MARGIN, yAxisWidth: Y_AXIS_WIDTH, xAxisHeight: X_AXIS_HEIGHT } = TREND_LAYOUT;
/** Recharts' YAxis label position "insideLeft": 5px in from the axis box's left edge. */
const UNIT_LABEL_X = -(Y_AXIS_WIDTH - 5);
/** Paths are drawn in a 1000 × 1000 box stretched over the plot (strokes do not scale). */
const PATH_BOX = 1000;

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
  /** Total height in px, legend included; default TrendChart's. */
  height?: number;
  /** Default "trend-chart-static", on the root element. */
  testId?: string;
  /** Default "Line chart: <n> series, <from>–<to>". */
  ariaLabel?: string;
  /** Policy events and breaks in series to mark on the years; none by default. */
  timeline?: TrendTimeline;
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
  height = TREND_LAYOUT.height,
  testId = "trend-chart-static",
  ariaLabel,
  timeline,
}: StaticTrendChartProps) {
  const data = pivotByYear(rows, seriesOrder, years, scale);
  // A lower bound is no point of the line: the pen lifts there and the value is a hollow mark of its own.
  const isLowerBound = lowerBoundKeys(rows);
  const series = trendSeries(data, seriesOrder, isLowerBound);
  const lowerBoundCount = series.reduce((count, { lowerBounds }) => count + lowerBounds.filter((v) => v !== null).length, 0);
  const markItems = trendMarkItems(lowerBoundCount > 0, seriesOrder.includes(UNATTRIBUTED), marks);
  const yearList = yearsOf(years);
  const xAt = (index: number) => yearPosition(index, yearList.length);
  const names = seriesOrder.map((code) => nameOf(code));
  const yAxis = trendYAxis(
    series.flatMap(({ values }) => values.filter((value): value is number => value !== null)),
    scale,
    guessPlotHeight(height, names),
  );
  const label = ariaLabel ?? trendAriaLabel(seriesOrder.length, years, lowerBoundCount);
  // The static chart cannot measure itself: labels are laid out for an 800 px chart and hide where that is too wide.
  const markers = timeline ? layoutTimeline(timeline.items, years, TIMELINE_LAYOUT.referencePlotWidth) : [];

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
                  {series.map(({ code, line }, index) => {
                    const { color, dash } = styleOfSeries(code, index);
                    return (
                      <path
                        key={code}
                        data-series={code}
                        d={linePath(line, xAt, yAxis.position)}
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
                <g data-part="dots" fill={DOT_FILL} strokeWidth={DOT.strokeWidth}>
                  {series.map(({ code, line }, index) => (
                    <g key={code} stroke={styleOfSeries(code, index).color}>
                      {line.map((value, yearIndex) =>
                        value === null ? null : (
                          <circle key={yearIndex} cx={pct(xAt(yearIndex))} cy={pct(1 - yAxis.position(value))} r={DOT.r} />
                        ),
                      )}
                    </g>
                  ))}
                </g>
                {lowerBoundCount > 0 && (
                  <g data-part="lower-bounds" fill={LOWER_BOUND_DOT_FILL} strokeWidth={LOWER_BOUND_DOT.strokeWidth}>
                    {series.map(({ code, lowerBounds }, index) => (
                      <g key={code} stroke={styleOfSeries(code, index).color}>
                        {lowerBounds.map((value, yearIndex) =>
                          value === null ? null : (
                            <circle
                              key={yearIndex}
                              data-lower-bound={rowKey(code, years.from + yearIndex)}
                              cx={pct(xAt(yearIndex))}
                              cy={pct(1 - yAxis.position(value))}
                              r={LOWER_BOUND_DOT.r}
                            >
                              <title>{`${names[index]}, ${years.from + yearIndex}: ${formatValue(value, { isLowerBound: true })}`}</title>
                            </circle>
                          ),
                        )}
                      </g>
                    ))}
                  </g>
                )}
              </>
            )}
            <TimelineMarks markers={markers} xOf={pct} top={0} bottom="100%" labelClasses={timelineLabelClasses(markers)} />
          </svg>
        </div>

        <SeriesLegend codes={seriesOrder} names={names} fontSize={FONT_SIZE} />
      </div>
      <MarksLegend items={markItems} color={LABEL_INK} testId={`${testId}-marks`} />
      {timeline && <TimelineLegend notes={timeline.notes} labels={timeline.labels} testId={`${testId}-timeline`} />}
    </>
  );
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
