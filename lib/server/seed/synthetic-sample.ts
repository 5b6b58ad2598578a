import "server-only";
import type { TIndicatorCode } from "@/lib/metrics";
import type { SeedObservation } from "@/lib/server/seed/public-sources";
import type { ProvinceRecord } from "@/lib/server/seed/reference-data";

// The "Synthetic sample" edition: invented but plausible province- and
// region-level series so every view has something to show before real
// yearbook tables are uploaded. Deterministic (seeded PRNG); provinces sum to
// the sourced national totals where those exist. Flagged isSample.

export const SAMPLE_YEARS = { from: 1991, to: 2023 } as const;

/** The indicators the sample covers: every additive one with a national story to tell. */
export const SAMPLE_INDICATORS = [
  "registered_firms",
  "enterprises_surveyed",
  "high_tech_enterprises",
  "new_firms",
  "employees",
  "revenue",
  "industrial_output",
  "industrial_value_added",
  "zone_gdp",
  "net_profit",
  "tax_revenue",
  "exports",
  "rd_expenditure",
] as const satisfies readonly TIndicatorCode[];

/** A national value in some year, used to pin the invented curve to real totals. */
export interface Anchor {
  indicatorCode: TIndicatorCode;
  year: number;
  value: number;
}

/** Mulberry32: a tiny, well-known seeded PRNG, so the sample is the same on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rough 2017 national level of each indicator, used only where no sourced anchor exists at all. */
const FALLBACK_2017: Record<(typeof SAMPLE_INDICATORS)[number], number> = {
  registered_firms: 1.85e6,
  enterprises_surveyed: 1.0e5,
  high_tech_enterprises: 4.9e4,
  new_firms: 3.86e5,
  employees: 1.9e7,
  revenue: 3.2e13,
  industrial_output: 2.0e13,
  industrial_value_added: 5.0e12,
  zone_gdp: 9.5e12,
  net_profit: 2.1e12,
  tax_revenue: 1.7e12,
  exports: 4.8e11,
  rd_expenditure: 6.5e11,
};

/** Growth per year of the invented curve: fast early, slow 1995–2005, fast again after 2006. */
function growthRate(year: number): number {
  if (year <= 1995) return 0.3;
  if (year <= 2006) return 0.12;
  if (year <= 2015) return 0.16;
  return 0.09;
}

/**
 * A national series for every sample year that passes exactly through the
 * anchors: an invented growth curve, corrected between anchors by
 * log-linear interpolation of anchor ÷ curve, and held constant beyond them.
 */
export function nationalCurve(anchors: readonly Anchor[], fallback2017: number): Map<number, number> {
  const curve = new Map<number, number>();
  let level = 1;
  for (let year = SAMPLE_YEARS.from; year <= SAMPLE_YEARS.to; year++) {
    curve.set(year, level);
    level *= 1 + growthRate(year + 1);
  }
  const points = anchors.length
    ? [...anchors]
        .sort((a, b) => a.year - b.year)
        .map((a) => ({ year: a.year, logRatio: Math.log(a.value / curve.get(a.year)!) }))
    : [{ year: 2017, logRatio: Math.log(fallback2017 / curve.get(2017)!) }];
  const correction = (year: number) => {
    const first = points[0]!;
    const last = points.at(-1)!;
    if (year <= first.year) return first.logRatio;
    if (year >= last.year) return last.logRatio;
    const right = points.findIndex((p) => p.year >= year);
    const a = points[right - 1]!;
    const b = points[right]!;
    return a.logRatio + ((b.logRatio - a.logRatio) * (year - a.year)) / (b.year - a.year);
  };
  const national = new Map<number, number>();
  for (const [year, value] of curve) national.set(year, value * Math.exp(correction(year)));
  return national;
}

const REGION_WEIGHT: Record<string, number> = { eastern: 1.7, central: 0.8, western: 0.65, northeastern: 0.6 };
/** The famous clusters: Zhongguancun (Beijing), Shenzhen (Guangdong), Jiangsu, Shanghai, and the inland hubs. */
const PROVINCE_WEIGHT: Record<number, number> = {
  110000: 3,
  440000: 2,
  320000: 1.8,
  310000: 1.5,
  330000: 1.3,
  370000: 1.2,
  420000: 1.3,
  510000: 1.3,
  610000: 1.2,
};
/** Exports concentrate on the coast even more than the rest. */
const EXPORT_REGION_WEIGHT: Record<string, number> = { eastern: 2.6, central: 0.6, western: 0.5, northeastern: 0.5 };
const COUNT_INDICATORS = new Set<string>([
  "registered_firms",
  "enterprises_surveyed",
  "high_tech_enterprises",
  "new_firms",
  "employees",
]);

const SAMPLE_NOTE = "SYNTHETIC SAMPLE: generated for demonstration, not official statistics";
const SAMPLE_SOURCE =
  "Torch Atlas synthetic sample (seeded generator; national totals pinned to public sources where known)";

/**
 * Builds the sample. `zonesByProvinceYear` gives how many zones a province had
 * (from the registry); a province has zeros until it has a zone.
 */
export function buildSyntheticObservations(
  provinces: readonly ProvinceRecord[],
  zonesByProvinceYear: (adcode: number, year: number) => number,
  anchors: readonly Anchor[],
): SeedObservation[] {
  const random = createRandom(20190101);
  // One fixed character per province, plus one per province and indicator, both log-normal-ish.
  const provinceCharacter = new Map(provinces.map((p) => [p.adcode, Math.exp((random() - 0.5) * 0.8)]));
  const observations: SeedObservation[] = [];

  for (const indicatorCode of SAMPLE_INDICATORS) {
    const national = nationalCurve(
      anchors.filter((a) => a.indicatorCode === indicatorCode),
      FALLBACK_2017[indicatorCode],
    );
    const indicatorCharacter = new Map(provinces.map((p) => [p.adcode, Math.exp((random() - 0.5) * 0.5)]));
    const regionWeight = indicatorCode === "exports" ? EXPORT_REGION_WEIGHT : REGION_WEIGHT;

    for (let year = SAMPLE_YEARS.from; year <= SAMPLE_YEARS.to; year++) {
      const weights = provinces
        .map((province) => {
          const zones = zonesByProvinceYear(province.adcode, year);
          if (zones === 0) return { province, weight: 0 };
          const wobble = 1 + 0.06 * Math.sin(year * 0.7 + province.adcode / 10_000);
          const weight =
            zones ** 0.8 *
            (regionWeight[province.regionCode] ?? 1) *
            (PROVINCE_WEIGHT[province.adcode] ?? 1) *
            provinceCharacter.get(province.adcode)! *
            indicatorCharacter.get(province.adcode)! *
            wobble;
          return { province, weight };
        });
      const totalWeight = weights.reduce((sum, entry) => sum + entry.weight, 0);
      const nationalValue = national.get(year)!;
      const regionTotals = new Map<string, number>();

      for (const { province, weight } of weights) {
        // A province without a zone has nothing in zones: a zero, so the provinces' sum is complete.
        const raw = (nationalValue * weight) / totalWeight;
        const value = weight === 0 ? 0 : COUNT_INDICATORS.has(indicatorCode) ? Math.max(1, Math.round(raw)) : Number(raw.toPrecision(6));
        regionTotals.set(province.regionCode, (regionTotals.get(province.regionCode) ?? 0) + value);
        observations.push(sampleObservation(indicatorCode, year, "PROVINCE", String(province.adcode), value));
      }
      for (const [regionCode, value] of regionTotals) {
        observations.push(sampleObservation(indicatorCode, year, "REGION", regionCode, Number(value.toPrecision(12))));
      }
    }
  }
  return observations;
}

function sampleObservation(
  indicatorCode: TIndicatorCode,
  year: number,
  geoLevel: "PROVINCE" | "REGION",
  geoCode: string,
  value: number,
): SeedObservation {
  return {
    indicatorCode,
    year,
    geoLevel,
    geoCode,
    breakdown: "",
    value,
    note: SAMPLE_NOTE,
    sourceRef: SAMPLE_SOURCE,
    confidence: "synthetic",
  };
}
