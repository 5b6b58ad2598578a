"use client";
import { memo, useCallback, useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, usePlotArea, XAxis, YAxis } from "recharts";
import type { DotItemDotProps, TooltipContentProps } from "recharts";
import type { MeasureOptions } from "@/lib/display-unit";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";
import { TooltipBox, TooltipEntry, type TooltipLabels, tooltipWrapperStyle } from "./chart-tooltip";
import { type MarkLabels, MarksLegend } from "./marks-legend";
import { SeriesLegend } from "./series-legend";
import { GRID_DASH, GRID_STROKE, LABEL_INK, LOWER_BOUND_DOT_FILL, styleOfSeries } from "./palette";
import { TimelineLegend, type TrendTimeline } from "./timeline-legend";
import { TimelineMarks } from "./timeline-marks";
import {
  DOT,
  layoutTimeline,
  LOWER_BOUND_DOT,
  lowerBoundKeys,
  pivotByYear,
  rowKey,
  TREND_LAYOUT,
  type TimelineItem,
  trendMarkItems,
} from "./trend-model";

const MAX_TOOLTIP_ENTRIES = 6;
const MAX_DOTS = 200;

export interface TrendChartProps {
  /** Several geographies × years. */
  rows: readonly ViewRow[];
  /** Geo codes in legend order (one line each). */
  seriesOrder: readonly string[];
  /** Display name in the current language. */
  nameOf: (geoCode: string) => string;
  /** X domain; every year in it gets a category position. */
  years: { from: number; to: number };
  scale: "linear" | "log";
  /** Full value with unit, e.g. "1.2 trillion yuan"; "at least 42 zones" for a lower bound. */
  formatValue: (value: number, options?: MeasureOptions) => string;
  /** Short axis label, e.g. "1.2T". */
  formatTick: (value: number, options?: MeasureOptions) => string;
  /** Y-axis title, e.g. "yuan". */
  unitLabel: string;
  labels: TooltipLabels & { year: string };
  /** The legend's words for lower-bound points and the remainder series. */
  marks: MarkLabels;
  /** Default "trend-chart", on the wrapper div. */
  testId?: string;
  /** Policy events and breaks in series to mark on the years; none by default. */
  timeline?: TrendTimeline;
}

/** The timeline's lines and labels, laid out for the plot's measured width (a child of the chart, so it can ask Recharts). */
function TimelineLayer({ items, years }: { items: readonly TimelineItem[]; years: { from: number; to: number } }) {
  const plot = usePlotArea();
  const markers = useMemo(() => (plot ? layoutTimeline(items, years, plot.width) : []), [items, years, plot]);
  if (!plot) return null;
  return <TimelineMarks markers={markers} xOf={(fraction) => plot.x + fraction * plot.width} top={plot.y} bottom={plot.y + plot.height} />;
}

/** Recharts' data: per year, each series' value on its line and its lower bound (null where it has none). */
interface ChartDatum {
  year: number;
  line: Record<string, number | null>;
  lowerBound: Record<string, number | null>;
}

interface ChartDataKeys {
  line: (datum: ChartDatum) => number | null;
  lowerBound: (datum: ChartDatum) => number | null;
}

// One pair of data keys per series code, kept: Recharts re-registers every line whose dataKey
// is a new function, and a filter change then redrew all the lines once more. (Functions, not
// strings: string data keys are read as object paths.)
const chartDataKeys = new Map<string, ChartDataKeys>();

function dataKeysOf(code: string): ChartDataKeys {
  let keys = chartDataKeys.get(code);
  if (!keys) {
    keys = { line: (datum) => datum.line[code] ?? null, lowerBound: (datum) => datum.lowerBound[code] ?? null };
    chartDataKeys.set(code, keys);
  }
  return keys;
}

/** pivotByYear's values, each on its line or, if only a lower bound, apart (as seriesKeys splits them). */
function chartData(
  rows: readonly ViewRow[],
  seriesOrder: readonly string[],
  years: { from: number; to: number },
  scale: "linear" | "log",
): ChartDatum[] {
  const isLowerBound = lowerBoundKeys(rows);
  return pivotByYear(rows, seriesOrder, years, scale).map((datum) => {
    const line: ChartDatum["line"] = {};
    const lowerBound: ChartDatum["lowerBound"] = {};
    for (const code of seriesOrder) {
      const value = datum[code] ?? null;
      const isLower = value !== null && isLowerBound.has(rowKey(code, datum.year));
      line[code] = isLower ? null : value;
      lowerBound[code] = isLower ? value : null;
    }
    return { year: datum.year, line, lowerBound };
  });
}

/** A lower bound's point: hollow, bigger than the line's dots, with its "at least" label as a tooltip. */
function LowerBoundDot({ cx, cy, color, title }: { cx?: number; cy?: number; color: string; title: string }) {
  if (cx === undefined || cy === undefined) return null;
  return (
    <circle
      className="recharts-lower-bound-dot"
      cx={cx}
      cy={cy}
      r={LOWER_BOUND_DOT.r}
      fill={LOWER_BOUND_DOT_FILL}
      stroke={color}
      strokeWidth={LOWER_BOUND_DOT.strokeWidth}
    >
      <title>{title}</title>
    </circle>
  );
}

/** Memoised: the dashboard re-renders on every filter change, the chart only when its props change. */
export const TrendChart = memo(function TrendChart({
  rows,
  seriesOrder,
  nameOf,
  years,
  scale,
  formatValue,
  formatTick,
  unitLabel,
  labels,
  marks,
  testId = "trend-chart",
  timeline,
}: TrendChartProps) {
  const data = useMemo(() => chartData(rows, seriesOrder, years, scale), [rows, seriesOrder, years, scale]);
  const lowerBoundCodes = useMemo(
    () => new Set(seriesOrder.filter((code) => data.some((datum) => datum.lowerBound[code] != null))),
    [seriesOrder, data],
  );
  const yTick = useCallback((value: number) => formatTick(value), [formatTick]);
  // A thousand dots cost more to draw than they tell: only for sparse charts.
  const drawDots = seriesOrder.length * data.length <= MAX_DOTS;
  const rowsByKey = useMemo(() => new Map(rows.map((row) => [rowKey(row.geoCode, row.year), row])), [rows]);
  const legend = useMemo(() => {
    const names = seriesOrder.map((code) => nameOf(code));
    return <SeriesLegend codes={seriesOrder} names={names} fontSize={12} />;
  }, [seriesOrder, nameOf]);

  const renderTooltip = ({ active, label }: TooltipContentProps) => {
    const year = Number(label);
    if (!active || !Number.isFinite(year)) return null;
    const entries = seriesOrder.flatMap((code, index) => {
      const row = rowsByKey.get(rowKey(code, year));
      return row ? [{ row, color: styleOfSeries(code, index).color }] : [];
    });
    if (entries.length === 0) return null;
    // With many lines, show the largest few: a tooltip taller than the chart helps no one (the table has them all).
    const shown = [...entries].sort((a, b) => b.row.value - a.row.value).slice(0, MAX_TOOLTIP_ENTRIES);
    const hidden = entries.length - shown.length;
    return (
      <TooltipBox title={`${labels.year} ${year}`}>
        {shown.map(({ row, color }) => (
          <TooltipEntry
            key={row.geoCode}
            row={row}
            name={nameOf(row.geoCode)}
            color={color}
            formatValue={formatValue}
            labels={labels}
          />
        ))}
        {hidden > 0 && <p className="text-xs text-slate-600">… +{hidden}</p>}
      </TooltipBox>
    );
  };

  return (
    <div data-testid={testId} className="w-full">
      <ResponsiveContainer width="100%" height={TREND_LAYOUT.height}>
        <LineChart data={data} margin={TREND_LAYOUT.margin}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray={GRID_DASH} />
          <XAxis dataKey="year" type="category" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis
            scale={scale}
            domain={["auto", "auto"]}
            allowDataOverflow={false}
            tickFormatter={yTick}
            tick={{ fontSize: 12 }}
            width={TREND_LAYOUT.yAxisWidth}
            label={{
              value: unitLabel,
              angle: -90,
              position: "insideLeft",
              style: { fontSize: 12, textAnchor: "middle" },
            }}
          />
          <Tooltip
            content={renderTooltip}
            isAnimationActive={false}
            wrapperStyle={tooltipWrapperStyle(TREND_LAYOUT.margin.left + TREND_LAYOUT.yAxisWidth)}
          />
          {/* The same key as the static chart's, in series order. */}
          <Legend content={legend} />
          {seriesOrder.map((code, index) => {
            const { color, dash } = styleOfSeries(code, index);
            return (
              <Line
                key={code}
                dataKey={dataKeysOf(code).line}
                name={nameOf(code)}
                type="linear"
                stroke={color}
                strokeDasharray={dash}
                strokeWidth={2}
                dot={drawDots ? DOT : false}
                activeDot={{ r: 4 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            );
          })}
          {/* Lower bounds: points only (no stroke joins them), always drawn, left out of the legend. */}
          {seriesOrder.map((code, index) => {
            if (!lowerBoundCodes.has(code)) return null;
            const { color } = styleOfSeries(code, index);
            return (
              <Line
                key={`lower-bound:${code}`}
                dataKey={dataKeysOf(code).lowerBound}
                name={`${nameOf(code)} (${marks.lowerBound})`}
                type="linear"
                stroke="none"
                legendType="none"
                dot={(props: DotItemDotProps) => {
                  const value = typeof props.value === "number" ? props.value : null;
                  const datum = props.payload as ChartDatum | undefined;
                  return (
                    <LowerBoundDot
                      key={props.index}
                      cx={value === null ? undefined : props.cx}
                      cy={value === null ? undefined : props.cy}
                      color={color}
                      title={`${nameOf(code)}, ${datum?.year ?? ""}: ${value === null ? "" : formatValue(value, { isLowerBound: true })}`}
                    />
                  );
                }}
                activeDot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            );
          })}
          {timeline && <TimelineLayer items={timeline.items} years={years} />}
        </LineChart>
      </ResponsiveContainer>
      <MarksLegend
        items={trendMarkItems(lowerBoundCodes.size > 0, seriesOrder.includes(UNATTRIBUTED), marks)}
        color={LABEL_INK}
        testId={`${testId}-marks`}
      />
      {timeline && <TimelineLegend notes={timeline.notes} labels={timeline.labels} testId={`${testId}-timeline`} />}
    </div>
  );
});
