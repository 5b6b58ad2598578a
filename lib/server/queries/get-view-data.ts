import "server-only";
import type { Database } from "@/lib/server/db";
import { getCatalogue, type Catalogue } from "@/lib/server/queries/get-catalogue";
import {
  getPerParkSeries,
  getSeries,
  getShareOfNationalSeries,
  type SeriesResult,
  type TGeoLevel,
  type TSeriesQuery,
} from "@/lib/server/queries/get-series";
import type { ViewData, ViewRow } from "@/lib/view-data";
import { parseViewState, serializeViewState, type TLevel, type TRawParams, type ViewState } from "@/lib/view-state";

const GEO_LEVEL: Record<TLevel, TGeoLevel> = { nation: "NATION", region: "REGION", province: "PROVINCE", park: "PARK" };

function geoNames(catalogue: Catalogue): Map<string, { en: string; zh: string }> {
  return new Map([
    ["CN", { en: "China (national)", zh: "全国" }],
    ...catalogue.regions.map((r) => [r.code, { en: `${r.nameEn} region`, zh: `${r.nameZh}地区` }] as const),
    ...catalogue.provinces.map((p) => [p.code, { en: p.nameEn, zh: p.nameZhShort }] as const),
    ...catalogue.parks.map((p) => [p.code, { en: p.nameEn ?? p.nameZh, zh: p.nameZh }] as const),
  ]);
}

/** The map always shows provinces; every other view shows the chosen level. */
function levelShown(state: ViewState): TLevel {
  return state.view === "map" ? "province" : state.level;
}

function fetchSeries(db: Database, state: ViewState): Promise<SeriesResult> {
  const level = levelShown(state);
  const isOneYear = state.view === "compare" || state.view === "map";
  const query: TSeriesQuery = {
    metric: state.mode === "density" ? "hte_density" : state.metric,
    level: GEO_LEVEL[level],
    geos: level === state.level ? state.geos : [],
    from: isOneYear ? state.year : state.from,
    to: isOneYear ? state.year : state.to,
    edition: state.edition,
  };
  if (state.mode === "per-park") return getPerParkSeries(db, query);
  if (state.mode === "share") return getShareOfNationalSeries(db, query);
  return getSeries(db, query);
}

/** Everything one view shows, from its query string: rows with names, units, editions and sources. */
export async function getViewData(db: Database, params: TRawParams): Promise<ViewData> {
  const catalogue = await getCatalogue(db);
  const { state, notes } = parseViewState(params, catalogue);
  const series = await fetchSeries(db, state);
  const names = geoNames(catalogue);
  const rows: ViewRow[] = series.points.map((point) => {
    const name = names.get(point.geoCode) ?? { en: point.geoCode, zh: point.geoCode };
    return {
      geoCode: point.geoCode,
      geoNameEn: name.en,
      geoNameZh: name.zh,
      year: point.year,
      value: point.value,
      editions: point.editions,
      isSample: point.isSample,
      isComputed: point.isComputed,
      note: point.note,
      source: point.sourceRef,
      confidence: point.confidence,
    };
  });
  const used = new Set(rows.flatMap((row) => row.editions));
  const metric =
    catalogue.metricInfo.find((m) => m.code === (state.mode === "density" ? "hte_density" : state.metric)) ??
    catalogue.metricInfo[0]!;
  return {
    state,
    query: serializeViewState(state, catalogue),
    notes,
    metric,
    unit: series.unit,
    level: levelShown(state),
    rows,
    editions: catalogue.publishedEditions.filter((e) => used.has(e.slug)),
    hasSample: rows.some((row) => row.isSample),
    dataVersion: catalogue.dataVersion,
  };
}
