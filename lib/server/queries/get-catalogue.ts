import "server-only";
import { DERIVED_METRICS, INDICATORS } from "@/lib/metrics";
import type { Database } from "@/lib/server/db";
import { getDataVersion } from "@/lib/server/queries/data-version";
import { getPolicyEvents } from "@/lib/server/policy-events";
import { listPublishedEditions } from "@/lib/server/queries/editions";
import type { Catalogue, MetricInfo } from "@/lib/view-data";
import type { TLevel } from "@/lib/view-state";


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
  const [regions, provinces, parks, editions, indicatorsWithData, years, levels] = await Promise.all([
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
    db.prisma.observation.findMany({
      where: { edition: { status: "PUBLISHED" } },
      distinct: ["indicatorCode"],
      select: { indicatorCode: true },
    }),
    db.prisma.observation.aggregate({ where: { edition: { status: "PUBLISHED" } }, _min: { year: true }, _max: { year: true } }),
    db.prisma.observation.findMany({
      where: { edition: { status: "PUBLISHED" } },
      distinct: ["geoLevel"],
      select: { geoLevel: true },
    }),
  ]);
  // A publish that committed while these ran may have changed some of them: read again at the new version.
  if ((await getDataVersion(db)) !== dataVersion) return getCatalogue(db);

  const withData = new Set(indicatorsWithData.map((row) => row.indicatorCode));
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
    levelsWithData: levels.map((row) => row.geoLevel.toLowerCase() as TLevel),
    metrics: metricInfo.map((m) => m.code),
    metricInfo,
    geos,
    editions: editions.map((e) => e.slug),
    years: { min: years._min.year ?? 1988, max: years._max.year ?? 2023 },
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
