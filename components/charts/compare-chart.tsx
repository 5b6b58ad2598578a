"use client";
import { memo, useCallback, useId, useMemo } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { BarShapeProps, TooltipContentProps } from "recharts";
import type { MeasureOptions } from "@/lib/display-unit";
import type { TTableSort } from "@/lib/table-sort";
import type { ViewRow } from "@/lib/view-data";
import { TooltipBox, TooltipEntry, type TooltipLabels, tooltipWrapperStyle } from "./chart-tooltip";
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
} from "./compare-model";
import { LowerBoundHatch, type MarkLabels, MarksLegend } from "./marks-legend";
import { GRID_DASH, GRID_STROKE, LABEL_INK, TICK_FILL, TRACK_FILL } from "./palette";
import { middleAnchorDy } from "./svg-layout";

const { margin: MARGIN, xAxisHeight: X_AXIS_HEIGHT, nameAxisWidth: NAME_AXIS_WIDTH } = COMPARE_LAYOUT;
const BAR_CATEGORY_GAP = `${COMPARE_LAYOUT.barCategoryGap * 100}%`;

/** A bar's name in the lines the server-drawn chart gives it (Recharts would wrap it its own way). */
function renderNameTick({ x, y, payload }: { x: number | string; y: number | string; payload: { value?: unknown } }) {
  const lines = compareNameLines(String(payload.value ?? ""));
  const dys = middleAnchorDy(lines.length);
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill={TICK_FILL}>
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={dys[index]}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
const NO_SELECTION: readonly string[] = [];

export interface CompareChartProps {
  /** One row per geography, all the same year. */
  rows: readonly ViewRow[];
  nameOf: (geoCode: string) => string;
  /** Full value with unit, for the tooltip ("at least 42 zones" for a lower bound). */
  formatValue: (value: number, options?: MeasureOptions) => string;
  /** Short label, for the axis and the end of each bar ("≥42" for a lower bound). */
  formatTick: (value: number, options?: MeasureOptions) => string;
  /** X-axis title. */
  unitLabel: string;
  labels: TooltipLabels;
  /** The legend's words for lower-bound and remainder bars. */
  marks: MarkLabels;
  /** Geo codes to emphasise; the others are drawn lighter. */
  selected?: readonly string[];
  /** The bars' order: the view's sort (default largest first). */
  sort?: TTableSort;
  /** A fixed value axis (a time-lapse keeps one for all its years); default 0 to the largest value. */
  valueDomain?: readonly [number, number];
  /** Default "compare-chart", on the wrapper div. */
  testId?: string;
}

interface CompareDatum {
  row: ViewRow;
  name: string;
  value: number;
  /** Text at the end of the bar; "≥" marks a lower bound, " *" a synthetic sample. */
  barLabel: string;
  emphasised: boolean;
}

/**
/**
 * Horizontal bars, largest at the top. Synthetic-sample bars are paler with a
 * dashed outline and their label ends in " *": the parent must show a legend
 * line such as "* synthetic sample" next to the chart. Lower bounds are hatched
 * and outlined, labelled "≥"; the "not attributed" bar is grey and dashed, last;
 * the chart explains both below itself.
 */
export const CompareChart = memo(function CompareChart({
  rows,
  nameOf,
  formatValue,
  formatTick,
  unitLabel,
  labels,
  marks,
  selected = NO_SELECTION,
  sort = "value-desc",
  valueDomain,
  testId = "compare-chart",
}: CompareChartProps) {
  const data = useMemo<CompareDatum[]>(
    () =>
      sortForCompare(rows, nameOf, sort).map((row) => ({
        row,
        name: nameOf(row.geoCode),
        value: row.value,
        barLabel: barLabel(row, formatTick),
        emphasised: isEmphasised(row.geoCode, selected),
      })),
    [rows, nameOf, formatTick, selected, sort],
  );
  // useId's output may contain characters that break url(#…) references.
  const hatchId = `compare-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  // Nice ticks over the fixed domain, as Recharts would lay out its own.
  const fixedAxis = useMemo(() => {
    if (!valueDomain) return undefined;
    const { ticks } = compareXAxis(valueDomain);
    const domain: [number, number] = [Math.min(valueDomain[0], ticks[0] ?? 0), Math.max(valueDomain[1], ticks.at(-1) ?? 0)];
    return { domain, ticks };
  }, [valueDomain]);
  const hasLowerBound = data.some((datum) => datum.row.isLowerBound);
  const renderBar = useCallback(
    (props: BarShapeProps) => {
      const datum = props.payload as CompareDatum | undefined;
      if (!datum) return <Rectangle {...props} fill={BAR_COLOR} />;
      const { row } = datum;
      return (
        <g
          data-geo={row.geoCode}
          data-lower-bound={row.isLowerBound || undefined}
          data-remainder={row.isRemainder || undefined}
        >
          <title>{`${datum.name}: ${formatValue(row.value, { isLowerBound: row.isLowerBound })}`}</title>
          <Rectangle {...props} {...barStyle(row, datum.emphasised, BAR_COLOR, hatchId)} />
        </g>
      );
    },
    [formatValue, hatchId],
  );

  const renderTooltip = ({ active, payload }: TooltipContentProps) => {
    const datum = payload[0]?.payload as CompareDatum | undefined;
    if (!active || !datum) return null;
    return (
      <TooltipBox>
        <TooltipEntry row={datum.row} name={datum.name} color={BAR_COLOR} formatValue={formatValue} labels={labels} />
      </TooltipBox>
    );
  };

  return (
    <div data-testid={testId} className="w-full">
      <ResponsiveContainer width="100%" height={compareChartHeight(data.length, compareBarSlot(data.map((datum) => datum.name)))}>
        <BarChart data={data} layout="vertical" margin={MARGIN} barCategoryGap={BAR_CATEGORY_GAP}>
          {hasLowerBound && (
            <defs>
              <LowerBoundHatch id={hatchId} color={BAR_COLOR} />
            </defs>
          )}
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray={GRID_DASH} horizontal={false} />
          <XAxis
            type="number"
            dataKey="value"
            domain={fixedAxis?.domain}
            ticks={fixedAxis?.ticks}
            tickFormatter={(value: number) => formatTick(value)}
            tick={{ fontSize: 12 }}
            height={X_AXIS_HEIGHT}
            label={{ value: unitLabel, position: "insideBottom", style: { fontSize: 12 } }}
          />
          <YAxis type="category" dataKey="name" width={NAME_AXIS_WIDTH} tick={renderNameTick} interval={0} />
          <Tooltip
            content={renderTooltip}
            isAnimationActive={false}
            cursor={{ fill: TRACK_FILL }}
            wrapperStyle={tooltipWrapperStyle(MARGIN.left + NAME_AXIS_WIDTH)}
          />
          <Bar dataKey="value" shape={renderBar} isAnimationActive={false}>
            <LabelList dataKey="barLabel" position="right" style={{ fontSize: COMPARE_LAYOUT.valueLabel.fontSize, fill: LABEL_INK }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <MarksLegend items={compareMarkItems(rows, marks)} color={BAR_COLOR} testId={`${testId}-marks`} />
    </div>
  );
});
