"use client";
import { memo, useMemo } from "react";
import type { CSSProperties, ReactNode } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DotItemDotProps, TooltipContentProps } from "recharts";
import type { MeasureOptions } from "@/lib/display-unit";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";
import { LOWER_BOUND_DOT_FILL, REMAINDER_FILL, REMAINDER_STROKE, SAMPLE_COLOR, styleOfSeries } from "./palette";
import { lowerBoundKeys, type MarkLabels, MarksLegend } from "./static-chart-parts";
import { LOWER_BOUND_DOT, trendMarkItems } from "./static-trend-chart";

const MAX_TOOLTIP_ENTRIES = 6;
const CHART_HEIGHT = 380;
const MARGIN = { top: 8, right: 16, bottom: 8, left: 8 };
const Y_AXIS_WIDTH = 64;
const SOURCE_MAX_CHARS = 80;
const NOTE_MAX_CHARS = 160;
const MAX_DOTS = 200;
const DOT = { r: 2, strokeWidth: 1 };
/** The ink of marks that stand for every series (the legend's lower-bound icon), as in the static chart. */
const MARK_INK = "#334155";

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
}

/** One x position: the year plus one value (or null for a gap) per geo code. */
export type TrendDatum = { year: number } & { [geoCode: string]: number | null };

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

function rowKey(geoCode: string, year: number): string {
  return `${geoCode}|${year}`;
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
}: TrendChartProps) {
  const data = useMemo(() => pivotByYear(rows, seriesOrder, years, scale), [rows, seriesOrder, years, scale]);
  const isLowerBound = useMemo(() => lowerBoundKeys(rows), [rows]);
  const lowerBoundCodes = useMemo(
    () =>
      new Set(
        seriesOrder.filter((code) => data.some((datum) => seriesKeys(code, isLowerBound).lowerBound(datum) !== null)),
      ),
    [seriesOrder, data, isLowerBound],
  );
  // A thousand dots cost more to draw than they tell: only for sparse charts.
  const drawDots = seriesOrder.length * data.length <= MAX_DOTS;
  const rowsByKey = useMemo(() => new Map(rows.map((row) => [rowKey(row.geoCode, row.year), row])), [rows]);

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
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart data={data} margin={MARGIN}>
          <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
          <XAxis dataKey="year" type="category" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis
            scale={scale}
            domain={["auto", "auto"]}
            allowDataOverflow={false}
            tickFormatter={(value: number) => formatTick(value)}
            tick={{ fontSize: 12 }}
            width={Y_AXIS_WIDTH}
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
            wrapperStyle={tooltipWrapperStyle(MARGIN.left + Y_AXIS_WIDTH)}
          />
          {/* In series order, as the static chart draws it (Recharts sorts by name by default). */}
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {seriesOrder.map((code, index) => {
            const { color, dash } = styleOfSeries(code, index);
            return (
              <Line
                key={code}
                // A function, not a string: string data keys are read as object paths.
                dataKey={seriesKeys(code, isLowerBound).line}
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
                dataKey={seriesKeys(code, isLowerBound).lowerBound}
                name={`${nameOf(code)} (${marks.lowerBound})`}
                type="linear"
                stroke="none"
                legendType="none"
                dot={(props: DotItemDotProps) => {
                  const value = typeof props.value === "number" ? props.value : null;
                  const datum = props.payload as TrendDatum | undefined;
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
        </LineChart>
      </ResponsiveContainer>
      <MarksLegend
        items={trendMarkItems(lowerBoundCodes.size > 0, seriesOrder.includes(UNATTRIBUTED), marks)}
        color={MARK_INK}
        testId={`${testId}-marks`}
      />
    </div>
  );
});

// ---------------------------------------------------------------------------
// Tooltip pieces, shared with the compare chart.

export interface TooltipLabels {
  edition: string;
  source: string;
  sample: string;
  computed: string;
}

/**
 * Recharts never moves the tooltip left of the plot area, so on a narrow
 * screen a wide tooltip would stick out of the page; cap it to what is left.
 */
export function tooltipWrapperStyle(plotLeftPx: number): CSSProperties {
  return { maxWidth: `min(18rem, calc(100% - ${plotLeftPx + 4}px))` };
}

export function TooltipBox({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="rounded border border-slate-300 bg-white/95 p-2 text-xs text-slate-800 shadow-md">
      {title && <p className="mb-1 font-semibold">{title}</p>}
      <ul className="space-y-1.5">{children}</ul>
    </div>
  );
}

interface TooltipEntryProps {
  row: ViewRow;
  name: string;
  color: string;
  formatValue: (value: number, options?: MeasureOptions) => string;
  labels: TooltipLabels;
}

/**
 * Name and value of one row ("at least 42 zones" for a lower bound, with its note, which
 * says what is missing), then where it comes from and how it was made.
 */
export function TooltipEntry({ row, name, color, formatValue, labels }: TooltipEntryProps) {
  const swatch = row.isLowerBound
    ? { backgroundColor: LOWER_BOUND_DOT_FILL, border: `2px solid ${color}` }
    : row.isRemainder
      ? { backgroundColor: REMAINDER_FILL, border: `1px dashed ${REMAINDER_STROKE}` }
      : { backgroundColor: color };
  return (
    <li data-lower-bound={row.isLowerBound || undefined} data-remainder={row.isRemainder || undefined}>
      <div className="flex items-baseline gap-1.5">
        <span aria-hidden className="inline-block h-2 w-2 shrink-0 rounded-full" style={swatch} />
        <span className="font-medium">{name}</span>
        <span className="ml-auto pl-2 text-right tabular-nums">
          {formatValue(row.value, { isLowerBound: row.isLowerBound })}
        </span>
      </div>
      {(row.isLowerBound || row.isRemainder) && row.note && (
        <div className="pl-3.5 text-slate-700" title={row.note}>
          {truncate(row.note, NOTE_MAX_CHARS)}
        </div>
      )}
      <div className="pl-3.5 text-slate-600">
        {row.editions.length > 0 && (
          <div>
            {labels.edition}: {row.editions.join(", ")}
          </div>
        )}
        {row.source && (
          <div title={row.source}>
            {labels.source}: {truncate(row.source, SOURCE_MAX_CHARS)}
          </div>
        )}
        {(row.isSample || row.isComputed) && (
          <div className="flex flex-wrap gap-1 pt-0.5">
            {row.isSample && (
              <span
                className="rounded border px-1 font-medium"
                style={{ color: SAMPLE_COLOR, borderColor: SAMPLE_COLOR }}
              >
                {labels.sample}
              </span>
            )}
            {row.isComputed && <span className="rounded border border-slate-400 px-1 italic">{labels.computed}</span>}
          </div>
        )}
      </div>
    </li>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
