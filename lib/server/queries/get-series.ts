import "server-only";
import type { DisplayUnit } from "@/lib/display-unit";
import type { GeoLevel } from "@/lib/geo-level";
import { findDerivedMetric, findIndicator, INDICATORS, type IndicatorDefinition } from "@/lib/metrics";
import type { Database } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { getDataVersion } from "@/lib/server/queries/data-version";
import { getEditionsInView, listPublishedEditions, type EditionSummary } from "@/lib/server/queries/editions";
import { getGeography } from "@/lib/server/queries/geography";
import { readDerivedPoints, readResolvedPoints } from "@/lib/server/queries/resolved-series";
import {
  divideSeries,
  preferReported,
  shareOfTotal,
  sumParts,
  type SeriesPoint,
  type TBilingual,
} from "@/lib/series-math";

/** One series to read: already validated at the boundary (a view's query is parsed once, into its ViewState). */
export interface SeriesQuery {
  metric: string;
  level: GeoLevel;
  /** Geo codes at that level; empty or absent means all of them. */
  geos?: readonly string[];
  from: number;
  to: number;
  /** "latest" (the default) or an edition slug to pin. */
  edition?: string;
  /** "" (the default) for the whole. */
  breakdown?: string;
}

export interface SeriesResult {
  metric: string;
  /** Unit of every value, e.g. yuan, or % of registered firms. */
  unit: DisplayUnit;
  points: SeriesPoint[];
  /** The editions that may contribute, oldest first; points name the ones that did. */
  editions: EditionSummary[];
}

interface Scope {
  db: Database;
  level: GeoLevel;
  geos: readonly string[];
  from: number;
  to: number;
  breakdown: string;
  editions: EditionSummary[];
}

/** One indicator's resolved points at a level, for the scope's places, years and breakdown. */
function readPoints(scope: Scope, indicatorCode: string, level: GeoLevel, geos: readonly string[]): Promise<SeriesPoint[]> {
  const { db, from, to, breakdown, editions } = scope;
  return readResolvedPoints(db, { indicatorCode, level, geos, from, to, breakdown, editions });
}

/**
 * One indicator as reported, and for regions and the nation, filled in with
 * sums of their provinces where no total is reported (labelled as computed).
 */
function getIndicatorSeries(scope: Scope, indicator: IndicatorDefinition): Promise<SeriesPoint[]> {
  if (!indicator.isAdditive || (scope.level !== "REGION" && scope.level !== "NATION")) {
    return readPoints(scope, indicator.code, scope.level, scope.geos);
  }
  const { db, level, geos, from, to, breakdown, editions } = scope;
  const selection = { indicatorCode: indicator.code, level, geos, from, to, breakdown, editions };
  // Every place and year of the level at once: the same sums serve every view of it until the next publish.
  const everything = { ...scope, geos: [], from: -Infinity, to: Infinity };
  return readDerivedPoints(db, selection, "filled-with-provinces", () => fillWithProvinceSums(everything, indicator));
}

/**
 * Computes what views of regions and the nation derive from provinces, for every additive indicator under
 * "latest" and each pinned edition, a block at a time between requests: views would otherwise compute each
 * on first use (a few milliseconds each). Stops when the version moves on.
 */
export async function deriveAhead(db: Database): Promise<void> {
  const version = await getDataVersion(db);
  const published = await listPublishedEditions(db);
  const editions = ["latest", ...published.slice(0, -1).map((edition) => edition.slug).reverse()];
  const additive: readonly IndicatorDefinition[] = INDICATORS.filter((indicator) => indicator.isAdditive);
  for (const edition of editions) {
    for (const indicator of additive) {
      for (const breakdown of ["", ...Object.keys(indicator.breakdowns ?? {})]) {
        for (const level of ["REGION", "NATION"] as const) {
          await new Promise((resolve) => setImmediate(resolve));
          if ((await getDataVersion(db)) !== version) return;
          const scope = await scopeOf(db, { metric: indicator.code, level, from: 0, to: 0, edition, breakdown });
          await getIndicatorSeries(scope, indicator);
        }
      }
    }
  }
}

async function fillWithProvinceSums(scope: Scope, indicator: IndicatorDefinition): Promise<SeriesPoint[]> {
  const reported = await readPoints(scope, indicator.code, scope.level, []);
  const { regions, provinces } = await getGeography(scope.db);
  const parentOf = new Map(
    provinces.map((p) => [String(p.adcode), scope.level === "NATION" ? "CN" : p.regionCode] as const),
  );
  const partsPerParent = new Map<string, number>(
    scope.level === "NATION"
      ? [["CN", provinces.length]]
      : regions.map((r) => [r.code, provinces.filter((p) => p.regionCode === r.code).length]),
  );
  const provincePoints = await readPoints(scope, indicator.code, "PROVINCE", []);
  return preferReported(reported, sumParts(provincePoints, parentOf, partsPerParent, "provinces"));
}

/** The scope a query reads: its places, years and breakdown, under the editions it may see. */
async function scopeOf(db: Database, query: SeriesQuery): Promise<Scope> {
  const editions = await getEditionsInView(db, query.edition ?? "latest");
  return { db, level: query.level, geos: query.geos ?? [], from: query.from, to: query.to, breakdown: query.breakdown ?? "", editions };
}

function requireIndicator(code: string): IndicatorDefinition {
  const indicator = findIndicator(code);
  if (!indicator) throw new AppError("BAD_REQUEST", `Unknown metric "${code}"`, { parameter: "metric" });
  return indicator;
}

/**
 * The series behind every chart: a base indicator or a derived metric for
 * the chosen geographies and years, under the vintage rule (newest published
 * edition wins; a pinned edition counts only editions up to it).
 */
export async function getSeries(db: Database, query: SeriesQuery): Promise<SeriesResult> {
  const scope = await scopeOf(db, query);
  const { editions } = scope;

  const derived = findDerivedMetric(query.metric);
  if (derived) {
    return {
      metric: derived.code,
      unit: derived.unit,
      points: await getRatioPoints(scope, derived.numerator, derived.denominator, derived.scale, {
        en: derived.formulaEn,
        zh: derived.formulaZh,
      }),
      editions,
    };
  }
  const indicator = requireIndicator(query.metric);
  return { metric: indicator.code, unit: { unit: indicator.unit }, points: await getIndicatorSeries(scope, indicator), editions };
}

/** numerator ÷ denominator for each geography and year, both summed over parts first. */
async function getRatioPoints(scope: Scope, numerator: string, denominator: string, scale: number, formula: TBilingual) {
  const [top, bottom] = await Promise.all([
    getIndicatorSeries(scope, requireIndicator(numerator)),
    getIndicatorSeries({ ...scope, breakdown: "" }, requireIndicator(denominator)),
  ]);
  return divideSeries(top, bottom, scale, formula);
}

/** A metric per national high-tech zone: the metric's total ÷ the number of zones. */
export async function getPerParkSeries(db: Database, query: SeriesQuery): Promise<SeriesResult> {
  const indicator = requireIndicator(query.metric);
  const scope = await scopeOf(db, query);
  const formula = { en: `${indicator.nameEn} ÷ national high-tech zones`, zh: `${indicator.nameZh} ÷ 国家高新区数量` };
  return {
    metric: indicator.code,
    unit: { unit: indicator.unit, suffixEn: "per zone", suffixZh: "每区" },
    points: await getRatioPoints(scope, indicator.code, "park_count", 1, formula),
    editions: scope.editions,
  };
}

/** Each geography's share of the national total of the same metric, in %. */
export async function getShareOfNationalSeries(db: Database, query: SeriesQuery): Promise<SeriesResult> {
  const indicator = requireIndicator(query.metric);
  const scope = await scopeOf(db, query);
  const [parts, national] = await Promise.all([
    getIndicatorSeries(scope, indicator),
    getIndicatorSeries({ ...scope, level: "NATION", geos: [] }, indicator),
  ]);
  return {
    metric: indicator.code,
    unit: { unit: "percent", suffixEn: "of national total", suffixZh: "占全国" },
    points: shareOfTotal(parts, national, {
      en: `${indicator.nameEn} ÷ national ${indicator.nameEn.toLowerCase()} × 100`,
      zh: `${indicator.nameZh} ÷ 全国${indicator.nameZh} × 100`,
    }),
    editions: scope.editions,
  };
}
