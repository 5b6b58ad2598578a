import { scaleBand } from "d3-scale";
import type { MeasureOptions } from "@/lib/display-unit";
import type { TTableSort } from "@/lib/table-sort";
import type { ViewRow } from "@/lib/view-data";
import {
  BAR_COLOR,
  barLabel,
  barStyle,
  COMPARE_LAYOUT,
  compareBarSlot,
  compareChartHeight,
  compareMarkItems,
  compareNameLines,
  compareXAxis,
  isEmphasised,
  sortForCompare,
  xTickClasses,
} from "./compare-model";
import { LowerBoundHatch, type MarkLabels, MarksLegend } from "./marks-legend";
import { AXIS_STROKE, GRID_DASH, GRID_STROKE, LABEL_FILL, LABEL_INK, REMAINDER_STROKE, TICK_FILL } from "./palette";
import { DY_START, FONT_SIZE, fmt, middleAnchorDy, pct, TICK_LABEL_GAP, TICK_SIZE } from "./svg-layout";

// A plain-SVG twin of CompareChart: no hooks, no effects, no recharts, the same markup
// on the server and the client; order, sizes, colours and marks come from compare-model.ts,
// like CompareChart's.

const { margin: MARGIN, xAxisHeight: X_AXIS_HEIGHT, nameAxisWidth: NAME_AXIS_WIDTH } = COMPARE_LAYOUT;
/** Recharts leaves barCategoryGap of the slot above and below a single bar, and rounds the bar size. */
/** Recharts' "insideBottom" axis label: 5px above the bottom of the X axis box. */
const UNIT_LABEL_Y = X_AXIS_HEIGHT - 5;
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
  const sorted = sortForCompare(
    rows.filter((row) => Number.isFinite(row.value)),
    nameOf,
    sort,
  );
  const barSlot = compareBarSlot(sorted.map((row) => nameOf(row.geoCode)));
  const height = compareChartHeight(sorted.length, barSlot);
  const plotHeight = Math.max(1, sorted.length) * barSlot;
  const barOffset = barSlot * COMPARE_LAYOUT.barCategoryGap;
  const barSize = Math.round(barSlot - 2 * barOffset);
  const band = scaleBand<number>()
    .domain(sorted.map((_, index) => index))
    .range([0, sorted.length * barSlot]);
  const { ticks, position: xAt } = compareXAxis(sorted.map((row) => row.value));
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
              const y = fmt((band(index) ?? 0) + barSlot / 2);
              const lines = compareNameLines(nameOf(row.geoCode));
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
              const emphasised = isEmphasised(row.geoCode, selected);
              return (
                <rect
                  key={row.geoCode}
                  data-geo={row.geoCode}
                  data-lower-bound={row.isLowerBound || undefined}
                  data-remainder={row.isRemainder || undefined}
                  x={pct(Math.min(zero, end))}
                  width={pct(Math.abs(end - zero))}
                  y={fmt((band(index) ?? 0) + barOffset)}
                  height={barSize}
                  {...barStyle(row, emphasised, BAR_COLOR, hatchId)}
                >
                  <title>{`${nameOf(row.geoCode)}: ${formatValue(row.value, { isLowerBound: row.isLowerBound })}`}</title>
                </rect>
              );
            })}
          </g>

          <g data-part="values" fontSize={COMPARE_LAYOUT.valueLabel.fontSize} fill={LABEL_INK}>
            {sorted.map((row, index) => {
              const negative = row.value < 0;
              return (
                <text
                  key={row.geoCode}
                  x={pct(xAt(row.value))}
                  dx={negative ? -COMPARE_LAYOUT.valueLabel.offset : COMPARE_LAYOUT.valueLabel.offset}
                  y={fmt((band(index) ?? 0) + barSlot / 2)}
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
