import "server-only";
import { DERIVED_METRICS, INDICATORS } from "@/lib/metrics";
import type { Database } from "@/lib/server/db";
import { getDataVersion } from "@/lib/server/queries/data-version";
import { getPolicyEvents } from "@/lib/server/policy-events";
import { listPublishedEditions } from "@/lib/server/queries/editions";
import type { Catalogue, MetricInfo } from "@/lib/view-data";
import { LEVELS, type TLevel } from "@/lib/view-state";


/** Metric catalogue entries: every indicator, then the derived metrics, in display order. */
export function describeMetrics(): MetricInfo[] {
  return [
    ...INDICATORS.map((i) => ({
      code: i.code,
      nameEn: i.nameEn,
      nameZh: i.nameZh,
      descriptionEn: i.descriptionEn,
      descriptionZh: i.descriptionZh,
      formulaEn: null,
      formulaZh: null,
      unit: { unit: i.unit },
      isDerived: false,
      isAdditive: i.isAdditive,
    })),
    ...DERIVED_METRICS.map((d) => ({
      code: d.code,
      nameEn: d.nameEn,
      nameZh: d.nameZh,
      descriptionEn: `Computed from its parts: ${d.formulaEn}. Totals are summed before dividing.`,
      descriptionZh: `由分项计算：${d.formulaZh}。先汇总再相除。`,
      formulaEn: d.formulaEn,
      formulaZh: d.formulaZh,
      unit: d.unit,
      isDerived: true,
      isAdditive: false,
    })),
  ];
}

/**
 * Each indicator and level that published editions report, with its first and last year. Prisma's
 * `distinct` runs in memory (it fetched every observation: 1.6 million rows and 400 MB at a hundred times
 * the seed), and even SQL's DISTINCT and MIN/MAX scan every row; this walks the unique key instead, one
 * row per (edition, indicator, level), then one index probe per end of each span: 12 ms at that size.
 */
const PUBLISHED_SPANS = `
  WITH RECURSIVE combos AS (
    (SELECT edition_id, indicator_code, geo_level FROM observation ORDER BY edition_id, indicator_code, geo_level LIMIT 1)
    UNION ALL
    SELECT next.edition_id, next.indicator_code, next.geo_level FROM combos c CROSS JOIN LATERAL (
      SELECT o.edition_id, o.indicator_code, o.geo_level FROM observation o
      WHERE (o.edition_id, o.indicator_code, o.geo_level) > (c.edition_id, c.indicator_code, c.geo_level)
      ORDER BY o.edition_id, o.indicator_code, o.geo_level LIMIT 1
    ) next
  ), published AS (
    SELECT DISTINCT c.indicator_code, c.geo_level FROM combos c JOIN edition e ON e.id = c.edition_id
    WHERE e.status = 'PUBLISHED'
  )
  SELECT p.indicator_code AS "indicatorCode", p.geo_level AS level,
    (SELECT o.year FROM observation o JOIN edition e ON e.id = o.edition_id AND e.status = 'PUBLISHED'
     WHERE o.indicator_code = p.indicator_code AND o.geo_level = p.geo_level ORDER BY o.year LIMIT 1) AS "firstYear",
    (SELECT o.year FROM observation o JOIN edition e ON e.id = o.edition_id AND e.status = 'PUBLISHED'
     WHERE o.indicator_code = p.indicator_code AND o.geo_level = p.geo_level ORDER BY o.year DESC LIMIT 1) AS "lastYear"
  FROM published p`;

interface PublishedSpan {
  indicatorCode: string;
  level: string;
  firstYear: number;
  lastYear: number;
}

const cache = new WeakMap<Database, { version: number; catalogue: Promise<Catalogue> }>();

/**
 * What exists to be shown: metrics with published data, geographies, editions
 * and the year span. Cached per data version, which every publish changes.
 */
export async function getCatalogue(db: Database): Promise<Catalogue> {
  const dataVersion = await getDataVersion(db);
  const cached = cache.get(db);
  if (cached?.version === dataVersion) return cached.catalogue;
  // The requests arriving after a publish share one read instead of each making their own.
  const entry = { version: dataVersion, catalogue: readCatalogue(db, dataVersion) };
  if (!cached || cached.version < dataVersion) {
    cache.set(db, entry);
    entry.catalogue.catch(() => {
      if (cache.get(db) === entry) cache.delete(db);
    });
  }
  return entry.catalogue;
}

async function readCatalogue(db: Database, dataVersion: number): Promise<Catalogue> {
  const [regions, provinces, parks, editions, spans] = await Promise.all([
    db.prisma.region.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameEn: true, nameZh: true } }),
    db.prisma.province.findMany({
      orderBy: { adcode: "asc" },
      select: { adcode: true, nameEn: true, nameZh: true, nameZhShort: true, regionCode: true },
    }),
    db.prisma.park.findMany({
      orderBy: [{ provinceAdcode: "asc" }, { approvedOn: "asc" }, { slug: "asc" }],
      select: { slug: true, nameEn: true, nameZh: true, provinceAdcode: true, approvedOn: true },
    }),
    listPublishedEditions(db),
    db.query<PublishedSpan>(PUBLISHED_SPANS),
  ]);
  // A publish that committed while these ran may have changed some of them: read again at the new version.
  if ((await getDataVersion(db)) !== dataVersion) return getCatalogue(db);

  const withData = new Set(spans.map((span) => span.indicatorCode));
  const metricInfo = describeMetrics().filter((metric) => {
    const derived = DERIVED_METRICS.find((d) => d.code === metric.code);
    return derived ? withData.has(derived.numerator) && withData.has(derived.denominator) : withData.has(metric.code);
  });
  const geos: Record<TLevel, string[]> = {
    nation: ["CN"],
    region: regions.map((r) => r.code),
    province: provinces.map((p) => String(p.adcode)),
    park: parks.map((p) => p.slug),
  };
  const catalogue: Catalogue = {
    dataVersion,
    levelsWithData: LEVELS.filter((level) => spans.some((span) => span.level.toLowerCase() === level)),
    metrics: metricInfo.map((m) => m.code),
    metricInfo,
    geos,
    editions: editions.map((e) => e.slug),
    years: spans.length
      ? { min: Math.min(...spans.map((span) => span.firstYear)), max: Math.max(...spans.map((span) => span.lastYear)) }
      : { min: 1988, max: 2023 },
    regions,
    provinces: provinces.map((p) => ({ code: String(p.adcode), nameEn: p.nameEn, nameZh: p.nameZh, nameZhShort: p.nameZhShort, regionCode: p.regionCode })),
    parks: parks.map((p) => ({ code: p.slug, nameEn: p.nameEn, nameZh: p.nameZh, provinceCode: String(p.provinceAdcode), approvedOn: p.approvedOn })),
    publishedEditions: editions.map((e) => ({
      slug: e.slug,
      title: e.title,
      source: e.source,
      isSample: e.isSample,
      publishedAt: e.publishedAt?.toISOString() ?? null,
    })),
    events: getPolicyEvents(),
  };
  return catalogue;
}
