import "server-only";
import type { DisplayUnit } from "@/lib/display-unit";
import { levelShown, storedLevel } from "@/lib/geo-level";
import { compoundAnnualGrowth, growthKind, growthUnit, yearOnYearGrowth, type GrowthFigures } from "@/lib/growth";
import { breaksCrossed } from "@/lib/series-breaks";
import { findIndicator, metricInMode } from "@/lib/metrics";
import type { Database } from "@/lib/server/db";
import {
  getPerParkSeries,
  getSeries,
  getShareOfNationalSeries,
  type SeriesQuery,
  type SeriesResult,
} from "@/lib/server/queries/get-series";
import { remainderOfTotal, type SeriesPoint } from "@/lib/series-math";
import { UNATTRIBUTED, type Catalogue, type MetricInfo, type ViewGap, type ViewRow } from "@/lib/view-data";
import type { TLevel, TMode, ViewState } from "@/lib/view-state";

// The rows behind a view: every series it draws, with place names, under its edition.

export type TNames = Map<string, { en: string; zh: string }>;

const namesByCatalogue = new WeakMap<Catalogue, TNames>();

/** Every place's names, built once per catalogue (that is, per data version). */
export function geoNames(catalogue: Catalogue): TNames {
  let names = namesByCatalogue.get(catalogue);
  if (!names) namesByCatalogue.set(catalogue, (names = buildGeoNames(catalogue)));
  return names;
}

function buildGeoNames(catalogue: Catalogue): TNames {
  return new Map([
    ["CN", { en: "China (national)", zh: "全国" }],
    ...catalogue.regions.map((r) => [r.code, { en: `${r.nameEn} region`, zh: `${r.nameZh}地区` }] as const),
    ...catalogue.provinces.map((p) => [p.code, { en: p.nameEn, zh: p.nameZhShort }] as const),
    ...catalogue.parks.map((p) => [p.code, { en: p.nameEn ?? p.nameZh, zh: p.nameZh }] as const),
  ]);
}

function seriesQuery(state: ViewState, metric: string, breakdown: string): SeriesQuery {
  const level = levelShown(state);
  const isOneYear = state.view === "compare" || state.view === "map";
  return {
    metric,
    level: storedLevel(level),
    geos: level === state.level ? state.geos : [],
    from: isOneYear ? state.year : state.from,
    to: isOneYear ? state.year : state.to,
    edition: state.edition,
    breakdown,
  };
}

function fetchSeries(db: Database, query: SeriesQuery, mode: TMode): Promise<SeriesResult> {
  if (mode === "per-park") return getPerParkSeries(db, query);
  if (mode === "share") return getShareOfNationalSeries(db, query);
  return getSeries(db, { ...query, metric: metricInMode(query.metric, mode) });
}

const UNATTRIBUTED_NAMES: Partial<Record<TLevel, { en: string; zh: string }>> = {
  region: { en: "Not attributed to a region", zh: "未归属地区" },
  province: { en: "Not attributed to a province", zh: "未归属省份" },
};

/**
 * For views that show every region or province in a year (compare, map,
 * table), the part of the national total that the places' figures don't
 * account for, as a row of its own; absolute additive figures only.
 */
async function getRemainderPoints(
  db: Database,
  state: ViewState,
  query: SeriesQuery,
  catalogue: Catalogue,
): Promise<SeriesPoint[]> {
  const level = levelShown(state);
  const isWholeLevel = (query.geos ?? []).length === 0 && (level === "region" || level === "province");
  const isOneYearPerPlace = state.view === "compare" || state.view === "map" || state.view === "table";
  if (!isWholeLevel || !isOneYearPerPlace || !findIndicator(query.metric)?.isAdditive) return [];
  const [parts, totals] = await Promise.all([
    getSeries(db, query),
    getSeries(db, { ...query, level: "NATION", geos: [] }),
  ]);
  const placeCount = catalogue.geos[level].length;
  return remainderOfTotal(
    parts.points,
    totals.points,
    placeCount,
    UNATTRIBUTED,
    level === "region" ? "regions" : "provinces",
  );
}

function toRow(point: SeriesPoint, names: TNames, category?: { code: string; en: string; zh: string }): ViewRow {
  const name = names.get(point.geoCode) ?? { en: point.geoCode, zh: point.geoCode };
  return {
    geoCode: category ? `${point.geoCode}:${category.code}` : point.geoCode,
    geoNameEn: category ? `${name.en}: ${category.en}` : name.en,
    geoNameZh: category ? `${name.zh}：${category.zh}` : name.zh,
    year: point.year,
    value: point.value,
    editions: point.editions,
    isSample: point.isSample,
    isComputed: point.isComputed,
    isLowerBound: point.isLowerBound,
    isRemainder: point.geoCode === UNATTRIBUTED,
    note: point.note,
    ...(point.noteZh !== undefined && { noteZh: point.noteZh }),
    source: point.sourceRef,
    confidence: point.confidence,
  };
}

/**
 * One metric's rows. Indicators reported only by category (ownership type)
 * get one series per category, named "China: state-owned".
 */
async function getMetricRows(
  db: Database,
  state: ViewState,
  metric: string,
  mode: TMode,
  catalogue: Catalogue,
  names: TNames,
) {
  const categories = Object.entries(findIndicator(metric)?.breakdowns ?? {});
  if (categories.length === 0) {
    const query = seriesQuery(state, metric, "");
    const [series, remainder] = await Promise.all([
      fetchSeries(db, query, mode),
      mode === "absolute" ? getRemainderPoints(db, state, query, catalogue) : [],
    ]);
    const remainderName = UNATTRIBUTED_NAMES[levelShown(state)]!;
    const remainderRows = remainder.map((point) => ({
      ...toRow(point, names),
      geoNameEn: remainderName.en,
      geoNameZh: remainderName.zh,
    }));
    return { unit: series.unit, rows: [...series.points.map((point) => toRow(point, names)), ...remainderRows] };
  }
  const parts = await Promise.all(
    categories.map(async ([code, label]) => {
      const series = await fetchSeries(db, seriesQuery(state, metric, code), mode);
      return { unit: series.unit, rows: series.points.map((point) => toRow(point, names, { code, ...label })) };
    }),
  );
  return { unit: parts[0]!.unit, rows: parts.flatMap((part) => part.rows) };
}

/**
 * Growth mode: the figures the absolute view shows (same vintage rule, same sums of parts,
 * the "not attributed" row included) as growth rates, with the year they are compared with:
 * the year before `from` for changes on the year before, `from` for compound rates; none across
 * a break in the place's series (lib/series-breaks.ts).
 */
async function getGrowthRows(
  db: Database,
  state: ViewState,
  catalogue: Catalogue,
  names: TNames,
): Promise<{ unit: DisplayUnit } & GrowthFigures> {
  const absolute = (change: Partial<ViewState>) =>
    getMetricRows(db, { ...state, ...change }, state.metric, "absolute", catalogue, names);
  const unit = growthUnit(state);
  const breaksOf = (geoCode: string) => breaksCrossed(state.metric, [geoCode]);
  if (growthKind(state.view) === "compound") {
    const [first, last] = await Promise.all([
      state.from < state.year ? absolute({ year: state.from }) : { rows: [] },
      absolute({}),
    ]);
    return { unit, ...compoundAnnualGrowth(first.rows, last.rows, { from: state.from, to: state.year }, breaksOf) };
  }
  const series = await absolute({ from: state.from - 1 });
  return { unit, ...yearOnYearGrowth(series.rows, state, breaksOf) };
}

export function findMetric(catalogue: Catalogue, code: string): MetricInfo {
  return catalogue.metricInfo.find((m) => m.code === code) ?? catalogue.metricInfo[0]!;
}

export interface ViewRows {
  unit: DisplayUnit;
  rows: ViewRow[];
  /** mode=growth: the figures without a growth rate, and why; empty in the other modes. */
  gaps: ViewGap[];
  /** The table's extra metrics (ViewState.also), each absolute. */
  extra: { metric: MetricInfo; unit: DisplayUnit; rows: ViewRow[] }[];
}

/** The rows one view shows: its metric (in its mode) and, for the table, the extra metrics. */
export async function getViewRows(
  db: Database,
  state: ViewState,
  catalogue: Catalogue,
  names: TNames = geoNames(catalogue),
): Promise<ViewRows> {
  const [primary, ...extra] = await Promise.all([
    state.mode === "growth"
      ? getGrowthRows(db, state, catalogue, names)
      : getMetricRows(db, state, state.metric, state.mode, catalogue, names).then((rows) => ({ ...rows, gaps: [] })),
    ...(state.view === "table" ? state.also : []).map(async (code) => ({
      metric: findMetric(catalogue, code),
      ...(await getMetricRows(db, state, code, "absolute", catalogue, names)),
    })),
  ]);
  return { unit: primary!.unit, rows: primary!.rows, gaps: primary!.gaps, extra };
}
