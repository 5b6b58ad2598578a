"use client";
import { lazy, Suspense, useCallback, useMemo, useSyncExternalStore, type ReactNode } from "react";
import type { ProvinceMapValue } from "@/components/charts/province-map";
import { TimelineLegend } from "@/components/charts/timeline-legend";
import { trendSeriesOrder } from "@/components/charts/trend-series-order";
import { formatMeasure, formatTick, unitLabel, type MeasureOptions } from "@/lib/display-unit";
import type { TDictionary } from "@/lib/i18n";
import { seriesBreaks } from "@/lib/series-breaks";
import { withNotesIn, type ViewData, type ViewRow } from "@/lib/view-data";
import type { SpanScale } from "@/lib/time-lapse";
import type { ViewState } from "@/lib/view-state";
import type { Catalogue } from "@/lib/view-data";
import { rankZones, zoneLocations } from "@/lib/zone-ranking";
import { CoverageTable } from "./coverage-table";
import { markLabels, unattributedLines } from "./chart-marks";
import { trendTimeline, viewTimeline } from "./chart-timeline";
import { DataTable, type ZoneColumns } from "./data-table";
import { GrowthGaps } from "./growth-gaps";
import { useTopology } from "./queries";

// Each interactive chart loads with its library (Recharts, d3-geo) in a chunk of
// its own, after the page. Until it arrives (and in the server's HTML, since
// Recharts draws nothing on the server) the server's static SVG of the first view
// stands in (serverChart), and the filters already work.
const TrendChart = lazy(() => import("@/components/charts/trend-chart").then((m) => ({ default: m.TrendChart })));
const CompareChart = lazy(() => import("@/components/charts/compare-chart").then((m) => ({ default: m.CompareChart })));
const ProvinceMap = lazy(() => import("@/components/charts/province-map").then((m) => ({ default: m.ProvinceMap })));

interface ChartAreaProps {
  data: ViewData;
  state: ViewState;
  catalogue: Catalogue;
  /** Absent: the view cannot change (an embed). */
  update?: (change: Partial<ViewState>) => void;
  t: TDictionary;
  /** False in embeds, which have no room for the timeline's list under a trend (its marks' tooltips name the sources). */
  timelineList?: boolean;
  /** During a time-lapse: one colour scale and bar axis for all its years. */
  spanScale?: SpanScale;
  /**
   * The server-drawn static chart of this data (ServerChart), while it is the page's first
   * view; for another view, a note that the chart is loading stands in until Recharts has.
   */
  serverChart?: ReactNode;
}

const noSubscription = () => () => {};

/** A table row's breaks in series: what changed, where the row's year starts one. */
function tableBreaks(metricCode: string, lang: ViewState["lang"]) {
  return (row: ViewRow) =>
    seriesBreaks(metricCode, [row.geoCode])
      .filter((b) => b.year === row.year)
      .map((b) => (lang === "zh" ? b.changeZh : b.changeEn));
}

/** Under a table: the breaks in its series within its years, each with its source. */
function TableBreaks({
  metricCode,
  rows,
  state,
  t,
}: {
  metricCode: string;
  rows: readonly ViewRow[];
  state: ViewState;
  t: TDictionary;
}) {
  const geoCodes = [...new Set(rows.filter((row) => !row.isRemainder).map((row) => row.geoCode))];
  const { notes, labels } = trendTimeline({
    events: [],
    showEvents: false,
    metricCode,
    geoCodes,
    years: { from: state.from, to: state.to },
    lang: state.lang,
    t,
  });
  return <TimelineLegend notes={notes} labels={labels} testId={`table-breaks-${metricCode}`} />;
}

/** False on the server and while hydrating, true afterwards. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** The view's chart or table; under a chart in growth mode, the figures that have no growth rate and why. */
export function ChartArea(props: ChartAreaProps) {
  const { data, state, t } = props;
  const shown = useMemo(() => withNotesIn(data, state.lang), [data, state.lang]);
  return (
    <>
      <ViewChart {...props} data={shown} />
      {state.view !== "table" && (
        <GrowthGaps gaps={data.gaps} nameOf={(gap) => (state.lang === "zh" ? gap.geoNameZh : gap.geoNameEn)} t={t} />
      )}
    </>
  );
}

function ViewChart({ data, state, catalogue, update, t, timelineList = true, spanScale, serverChart }: ChartAreaProps) {
  const lang = state.lang;
  const hydrated = useHydrated();
  const topology = useTopology(state.view === "map");
  // Stable props, so a filter change that only swaps in placeholder data (the
  // previous view's rows) does not redraw the chart: drawing 31 lines is the costly part.
  // Both say "at least" for a lower bound (lib/format's formatAtLeast): the charts pass isLowerBound.
  const formatValue = useCallback(
    (value: number, options?: MeasureOptions) => formatMeasure(value, data.unit, lang, options),
    [data.unit, lang],
  );
  const tick = useCallback(
    (value: number, options?: MeasureOptions) => formatTick(value, data.unit, lang, options),
    [data.unit, lang],
  );
  const unit = unitLabel(data.unit, lang);
  const rowName = useCallback(
    (row: Pick<ViewRow, "geoNameEn" | "geoNameZh">) => (lang === "zh" ? row.geoNameZh : row.geoNameEn),
    [lang],
  );
  const nameOf = useMemo(() => {
    const names = new Map(data.rows.map((row) => [row.geoCode, rowName(row)]));
    return (code: string) => names.get(code) ?? code;
  }, [data.rows, rowName]);
  const labels = useMemo(
    () => ({ edition: t.edition_, source: t.source, sample: t.sampleMark, computed: t.computedMark, year: t.year }),
    [t],
  );
  const marks = useMemo(() => markLabels(t, data.level), [t, data.level]);
  const seriesOrder = useMemo(() => trendSeriesOrder(data.rows), [data.rows]);
  const years = useMemo(() => ({ from: state.from, to: state.to }), [state.from, state.to]);
  const geosKey = state.geos.join(",");
  const selectedGeos = useMemo(() => (geosKey ? geosKey.split(",") : []), [geosKey]);
  const metricName = lang === "zh" ? data.metric.nameZh : data.metric.nameEn;
  const setSort = useMemo(() => update && ((sort: ViewState["sort"]) => update({ sort })), [update]);
  const locations = useMemo(
    () => (state.view === "table" && data.level === "park" ? zoneLocations(catalogue, lang) : null),
    [state.view, data.level, catalogue, lang],
  );
  // At the zone level the table ranks the zones in view (those selected, else all) within each year.
  const zoneColumns = (rows: readonly ViewRow[]): ZoneColumns | undefined =>
    locations
      ? { ranking: rankZones(rows, selectedGeos.length ? selectedGeos : catalogue.geos.park), locations }
      : undefined;
  // On the view's fields it uses, not the whole state: a new state object (any filter change,
  // while the previous data stands in) must not hand the chart a new timeline and redraw it.
  const { view, events, from, to } = state;
  const timeline = useMemo(() => {
    if (view !== "trend") return undefined;
    const full = viewTimeline(data, { events, geos: selectedGeos, from, to, lang }, catalogue.events, t);
    return timelineList ? full : { ...full, notes: [] };
  }, [view, data, events, selectedGeos, from, to, lang, catalogue.events, t, timelineList]);

  const chartLoading = (
    <p role="status" className="p-8 text-center text-slate-600">
      {t.updating}
    </p>
  );

  if (
    data.rows.length === 0 &&
    data.gaps.length === 0 &&
    data.extra.every((table) => table.rows.length === 0) &&
    state.view !== "map"
  ) {
    return (
      <div role="status" className="rounded border border-dashed border-slate-300 p-8 text-center">
        <p className="font-medium">{t.empty}</p>
        <p className="mt-1 text-sm text-slate-600">{state.level === "park" ? t.noParkData : t.emptyHint}</p>
      </div>
    );
  }

  switch (state.view) {
    case "trend": {
      if (!hydrated) return serverChart ?? chartLoading;
      return (
        <Suspense fallback={serverChart ?? chartLoading}>
          <TrendChart
            rows={data.rows}
            seriesOrder={seriesOrder}
            nameOf={nameOf}
            years={years}
            scale={state.scale}
            formatValue={formatValue}
            formatTick={tick}
            unitLabel={unit}
            labels={labels}
            marks={marks}
            timeline={timeline}
          />
        </Suspense>
      );
    }
    case "compare": {
      if (!hydrated) return serverChart ?? chartLoading;
      return (
        <Suspense fallback={serverChart ?? chartLoading}>
          <CompareChart
            rows={data.rows}
            nameOf={nameOf}
            formatValue={formatValue}
            formatTick={tick}
            unitLabel={unit}
            labels={labels}
            marks={marks}
            selected={selectedGeos}
            sort={state.sort}
            valueDomain={spanScale?.valueDomain}
          />
        </Suspense>
      );
    }
    case "map": {
      const loading = (
        <p role="status" className="p-8 text-center text-slate-600">
          {topology.isError ? t.loadError : t.updating}
        </p>
      );
      if (!topology.data) return loading;
      // The "not attributed" part has no shape: it is a line under the map, never a province to pick.
      const values = new Map<string, ProvinceMapValue>(
        data.rows
          .filter((row) => !row.isRemainder)
          .map((row) => [
            row.geoCode,
            {
              value: row.value,
              isSample: row.isSample,
              isComputed: row.isComputed,
              isLowerBound: row.isLowerBound,
              editions: row.editions,
              source: row.source,
              note: row.note,
            },
          ]),
      );
      const unattributed = unattributedLines(data.rows, t, data.level, rowName, formatValue);
      const regionOf = Object.fromEntries(catalogue.provinces.map((p) => [p.code, p.regionCode]));
      const provinceName = new Map(catalogue.provinces.map((p) => [p.code, lang === "zh" ? p.nameZhShort : p.nameEn]));
      const selected = state.level === "province" ? state.geos : [];
      return (
        <Suspense fallback={loading}>
          <ProvinceMap
            topology={topology.data}
            values={values}
            selected={selected}
            onToggle={(code) =>
              update?.({
                level: "province",
                geos: selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code],
              })
            }
            regionOf={regionOf}
            nameOf={(code) => provinceName.get(code) ?? code}
            formatValue={formatValue}
            formatTick={tick}
            unattributed={unattributed}
            legendTitle={`${metricName} (${unit}), ${state.year}${spanScale ? `; ${t.timeLapse.scaleOf(spanScale.from, spanScale.to)}` : ""}`}
            colorValues={spanScale?.colorValues}
            labels={{
              noData: t.noData,
              sample: t.sampleMark,
              computed: t.computedMark,
              edition: t.edition_,
              source: t.source,
              selected: t.selected,
              mapNote: t.mapNote,
              clickHint: t.clickHint,
              lowerBound: t.lowerBoundLegend,
            }}
          />
        </Suspense>
      );
    }
    case "table":
      return (
        <div className="space-y-6">
          <div>
            <DataTable
              rows={data.rows}
              gaps={data.gaps}
              nameOf={rowName}
              formatValue={formatValue}
              unitLabel={unit}
              t={t}
              breaksOf={tableBreaks(data.metric.code, lang)}
              sort={state.sort}
              onSortChange={setSort}
              zones={zoneColumns(data.rows)}
            />
            <TableBreaks metricCode={data.metric.code} rows={data.rows} state={state} t={t} />
          </div>
          {data.extra.map((table) => (
            <section key={table.metric.code} aria-label={lang === "zh" ? table.metric.nameZh : table.metric.nameEn}>
              <h3 className="mb-1 font-semibold">
                {lang === "zh" ? table.metric.nameZh : table.metric.nameEn}{" "}
                <span className="font-normal text-slate-600">({unitLabel(table.unit, lang)})</span>
              </h3>
              <DataTable
                rows={table.rows}
                nameOf={rowName}
                formatValue={(value, options) => formatMeasure(value, table.unit, lang, options)}
                unitLabel={unitLabel(table.unit, lang)}
                t={t}
                breaksOf={tableBreaks(table.metric.code, lang)}
                sort={state.sort}
                onSortChange={setSort}
                zones={zoneColumns(table.rows)}
              />
              <TableBreaks metricCode={table.metric.code} rows={table.rows} state={state} t={t} />
            </section>
          ))}
        </div>
      );
    case "coverage":
      // While another view's data stands in (placeholder data), there is no matrix yet.
      if (!data.coverage) {
        return (
          <p role="status" className="p-8 text-center text-slate-600">
            {t.updating}
          </p>
        );
      }
      return <CoverageTable coverage={data.coverage} metricTitle={`${metricName} (${unit})`} lang={lang} t={t} />;
  }
}
