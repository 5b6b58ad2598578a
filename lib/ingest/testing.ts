import { NATION_CODE } from "@/lib/ingest/aliases";
import type { IngestReference, IngestReferenceIndicator } from "@/lib/ingest/types";
import { CANONICAL_UNITS } from "@/lib/units";

// Synthetic uploads for tests and benchmarks: a long-layout CSV of any size
// with distinct keys, places written in every accepted way, units that need
// converting, and totals that add up, so a correct ingest reports no errors
// and no warnings.

const SOURCE_UNIT: Record<string, string> = {
  cny: "万元",
  usd: "千美元",
  people: "人",
  count: "个",
  percent: "%",
};

/** Canonical value per source unit step, matching SOURCE_UNIT. */
const UNIT_FACTOR: Record<string, number> = { cny: 1e4, usd: 1e3, people: 1, count: 1, percent: 1 };

function figure(indicatorIndex: number, year: number, placeIndex: number): number {
  // A small deterministic hash: different enough per key, integers so sums are exact.
  return ((indicatorIndex * 7919 + year * 104729 + placeIndex * 1299709) % 9973) + 1;
}

export interface GeneratedCsvFacts {
  /** Rows of data (the header not counted). */
  rows: number;
  /** Canonical value of the first data row's figure, as a spot check. */
  firstValue: number;
  firstKey: string;
}

export interface GenerateOptions {
  /**
   * Leave out the optional columns (level, note, source_ref): about 45 bytes a
   * row instead of 57, so a million rows fit the 50 MB upload limit. Places are
   * still written every accepted way, and each says its level itself.
   */
  compact?: boolean;
}

/**
 * A long-layout CSV with `rows` data rows, every one a distinct key within the
 * reference (province, region, national and zone rows for every indicator and
 * year). Throws RangeError when the reference has fewer keys than `rows`.
 */
export function generateLongCsv(rows: number, reference: IngestReference, options: GenerateOptions = {}): Buffer {
  return generateLongCsvWithFacts(rows, reference, options).csv;
}

export function generateLongCsvWithFacts(
  rows: number,
  reference: IngestReference,
  { compact = false }: GenerateOptions = {},
): { csv: Buffer; facts: GeneratedCsvFacts } {
  const years: number[] = [];
  for (let y = reference.yearRange.min; y <= reference.yearRange.max; y++) years.push(y);
  const perGroup = reference.provinces.length + reference.regions.length + 1 + reference.parks.length;
  const capacity = perGroup * years.length * reference.indicators.length;
  if (rows > capacity)
    throw new RangeError(`The reference has only ${capacity} distinct keys, fewer than the ${rows} rows asked for.`);

  const lines: string[] = [compact ? "year,geo,indicator,value,unit" : "year,level,geo,indicator,value,unit,note,source_ref"];
  const first: { facts: GeneratedCsvFacts | null } = { facts: null };
  const push = (
    year: number,
    level: string,
    geo: string,
    indicator: IngestReferenceIndicator,
    amount: number,
    key: string,
  ) => {
    const dimension = CANONICAL_UNITS[indicator.unit].dimension;
    lines.push(
      compact
        ? `${year},${geo},${indicator.code},${amount},${SOURCE_UNIT[dimension]}`
        : `${year},${level},${geo},${indicator.code},${amount},${SOURCE_UNIT[dimension]},,generated`,
    );
    first.facts ??= { rows, firstValue: amount * UNIT_FACTOR[dimension]!, firstKey: key };
  };

  outer: for (const [i, indicator] of reference.indicators.entries()) {
    for (const year of years) {
      // Provinces first, then the totals that sum them, then zones: a file cut
      // short anywhere still has totals that add up.
      const provinceValues = reference.provinces.map((_, p) => figure(i, year, p));
      for (const [p, province] of reference.provinces.entries()) {
        if (lines.length > rows) break outer;
        const geo = p % 3 === 0 ? String(province.adcode) : p % 3 === 1 ? province.nameZh : province.nameEn;
        push(
          year,
          p % 2 ? "province" : "省份",
          geo,
          indicator,
          provinceValues[p]!,
          `${indicator.code}|${year}|PROVINCE|${province.adcode}|`,
        );
      }
      const isShare = indicator.unit === "percent";
      for (const region of reference.regions) {
        if (lines.length > rows) break outer;
        const sum = reference.provinces.reduce(
          (s, p, k) => (p.regionCode === region.code ? s + provinceValues[k]! : s),
          0,
        );
        push(
          year,
          "region",
          region.code,
          indicator,
          isShare ? figure(i, year, 900) : sum,
          `${indicator.code}|${year}|REGION|${region.code}|`,
        );
      }
      if (lines.length > rows) break outer;
      const total = provinceValues.reduce((s, v) => s + v, 0);
      push(
        year,
        "national",
        year % 2 ? NATION_CODE : "全国",
        indicator,
        isShare ? figure(i, year, 901) : total,
        `${indicator.code}|${year}|NATION|CN|`,
      );
      for (const park of reference.parks) {
        if (lines.length > rows) break outer;
        push(year, "zone", park.slug, indicator, figure(i, year, 1000), `${indicator.code}|${year}|PARK|${park.slug}|`);
      }
    }
  }
  if (!first.facts) throw new RangeError("Ask for at least one row.");
  return { csv: Buffer.from(`${lines.join("\n")}\n`, "utf8"), facts: first.facts };
}
