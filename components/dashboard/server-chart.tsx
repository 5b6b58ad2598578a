import { StaticCompareChart } from "@/components/charts/static-compare-chart";
import { StaticTrendChart } from "@/components/charts/static-trend-chart";
import { trendSeriesOrder } from "@/components/charts/trend-series-order";
import { formatMeasure, formatTick, unitLabel, type MeasureOptions } from "@/lib/display-unit";
import { dictionary } from "@/lib/i18n";
import type { Catalogue, ViewData, ViewRow } from "@/lib/view-data";
import { markLabels } from "./chart-marks";
import { viewTimeline } from "./chart-timeline";

interface ServerChartProps {
  data: ViewData;
  catalogue: Catalogue;
  /** False in embeds, as ChartArea's timelineList. */
  timelineList?: boolean;
}

/**
 * The first view's chart as plain SVG, drawn by a Server Component: the page passes it to
 * ChartArea, which shows it before any script runs and until the interactive chart's chunk
 * has loaded. So the static charts' code and d3-scale never reach the browser. The same
 * inputs as ChartArea gives the interactive charts, so the two draw the same thing.
 * Null for views without a static chart (map, table, coverage).
 */
export function ServerChart({ data, catalogue, timelineList = true }: ServerChartProps) {
  const { state } = data;
  const lang = state.lang;
  const t = dictionary(lang);
  const formatValue = (value: number, options?: MeasureOptions) => formatMeasure(value, data.unit, lang, options);
  const tick = (value: number, options?: MeasureOptions) => formatTick(value, data.unit, lang, options);
  const names = new Map(data.rows.map((row: ViewRow) => [row.geoCode, lang === "zh" ? row.geoNameZh : row.geoNameEn]));
  const nameOf = (code: string) => names.get(code) ?? code;
  const marks = markLabels(t, data.level);

  switch (state.view) {
    case "trend": {
      const timeline = viewTimeline(data, state, catalogue.events, t);
      return (
        <StaticTrendChart
          rows={data.rows}
          seriesOrder={trendSeriesOrder(data.rows)}
          nameOf={nameOf}
          years={{ from: state.from, to: state.to }}
          scale={state.scale}
          formatTick={tick}
          formatValue={formatValue}
          unitLabel={unitLabel(data.unit, lang)}
          marks={marks}
          timeline={timelineList ? timeline : { ...timeline, notes: [] }}
        />
      );
    }
    case "compare":
      return (
        <StaticCompareChart
          rows={data.rows}
          nameOf={nameOf}
          formatTick={tick}
          formatValue={formatValue}
          unitLabel={unitLabel(data.unit, lang)}
          marks={marks}
          selected={state.geos}
          sort={state.sort}
        />
      );
    default:
      return null;
  }
}
