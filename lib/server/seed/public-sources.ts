import "server-only";
import { z } from "zod";
import { findIndicator, type TIndicatorCode } from "@/lib/metrics";
import type { NewObservation } from "@/lib/server/queries/insert-observations";
import { joinNotes } from "@/lib/server/seed/notes";
import { readSeedCsv } from "@/lib/server/seed/read-csv";
import type { ParkRecord, ProvinceRecord } from "@/lib/server/seed/reference-data";
import { formatValue } from "@/lib/format";
import { toCanonical, type TCanonicalUnit } from "@/lib/units";
import {
  countZonesByProvince,
  deriveNationalZoneCounts,
  REGISTRY_COMPLETE_THROUGH,
  type DatedCount,
  type ProvinceCount,
  type YearEndCount,
} from "@/lib/server/seed/zone-counts";

// The "Public sources" edition: every sourced national figure in
// prisma/seed/data, converted to canonical units, each keeping its source and
// confidence; a national zone count for every year; and province zone counts
// from the partial registry.

/** An observation the seed writes: a new observation whose indicator is one of the catalogue's. */
export interface SeedObservation extends NewObservation {
  indicatorCode: TIndicatorCode;
}

/** Source indicator names (Chinese, as printed) → indicator and breakdown. */
const INDICATOR_BY_SOURCE_NAME: Record<string, { code: TIndicatorCode; breakdown?: string; note?: string }> = {
  企业数: { code: "enterprises_surveyed" },
  上报统计的企业: { code: "enterprises_surveyed" },
  纳入统计企业: { code: "enterprises_surveyed" },
  年末从业人员数: { code: "employees" },
  从业人员数: { code: "employees" },
  工业总产值: { code: "industrial_output" },
  总产值: { code: "industrial_output" },
  工业增加值: { code: "industrial_value_added" },
  营业总收入: { code: "revenue" },
  总收入: { code: "revenue" },
  营业收入: { code: "revenue" },
  "营业收入(预计)": { code: "revenue", breakdown: "preliminary" },
  实现利润: { code: "net_profit" },
  净利润: { code: "net_profit" },
  "利润(初步)": { code: "net_profit", breakdown: "preliminary" },
  上缴税额: { code: "tax_revenue" },
  上交税额: { code: "tax_revenue" },
  上缴税费: { code: "tax_revenue" },
  企业实际上缴税费: { code: "tax_revenue" },
  出口创汇额: { code: "exports" },
  出口总额: { code: "exports" },
  增加值: { code: "zone_gdp", note: "reported as 增加值 (value added) before zone GDP was published" },
  园区生产总值: { code: "zone_gdp" },
  生产总值: { code: "zone_gdp" },
  "生产总值(前三季度)": { code: "zone_gdp", breakdown: "q1_q3" },
  企业研发支出: { code: "rd_expenditure" },
  新注册企业: { code: "new_firms" },
  高新技术企业占全国比重: { code: "hte_share_national" },
  高技术产业企业数: { code: "enterprises_surveyed", breakdown: "high_tech_industries" },
  高技术产业从业人员: { code: "employees", breakdown: "high_tech_industries" },
  高技术产业营业收入: { code: "revenue", breakdown: "high_tech_industries" },
  高技术产业工业总产值: { code: "industrial_output", breakdown: "high_tech_industries" },
  高技术产业净利润: { code: "net_profit", breakdown: "high_tech_industries" },
  高技术产业上缴税费: { code: "tax_revenue", breakdown: "high_tech_industries" },
  高技术产业出口总额: { code: "exports_cny", breakdown: "high_tech_industries" },
};

const ARTICLE_INDICATORS: Record<string, { code: TIndicatorCode; breakdown?: string }> = {
  registered_firms: { code: "registered_firms" },
  high_tech_enterprises: { code: "high_tech_enterprises" },
  tax_revenue: { code: "tax_revenue" },
  exports: { code: "exports" },
  exports_share_of_china: { code: "exports_share_national" },
  soe_share_of_firms: { code: "firm_ownership_share", breakdown: "state_owned" },
};

const ZAggregateRow = z.object({
  year: z.coerce.number().int(),
  indicator_zh: z.string(),
  indicator_en: z.string(),
  value: z.string(),
  unit: z.string(),
  zones_basis: z.string(),
  source_url: z.string(),
  source_desc: z.string(),
  confidence: z.enum(["high", "medium", "low", "unparseable"]),
  note: z.string(),
});

const ZZoneCountRow = z.object({
  as_of: z.string().regex(/^\d{4}/),
  national_zone_count: z.coerce.number().int().positive(),
  statement_paraphrased: z.string(),
  source_url: z.string(),
  source_desc: z.string(),
  confidence: z.enum(["high", "medium", "low"]),
  note: z.string(),
});

const ZArticleRow = z.object({
  year: z.coerce.number().int(),
  geo_level: z.literal("national"),
  geo_code: z.literal("CN"),
  indicator: z.string(),
  value: z.coerce.number(),
  unit: z.string(),
  source: z.string(),
  note: z.string(),
});

/**
 * Reads a printed figure. Qualifiers (">50", "~40") and one known misprint
 * ("27446-3") are kept in the note rather than silently dropped.
 */
export function parseSourceValue(raw: string): { value: number; qualifier: string | null } | null {
  const text = raw.trim();
  if (text === "") return null;
  const qualified = /^(>|~)\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (qualified?.[2]) {
    return { value: Number(qualified[2]), qualifier: qualified[1] === ">" ? "more than" : "about" };
  }
  const misprint = /^(\d+)-(\d)$/.exec(text);
  if (misprint) return { value: Number(`${misprint[1]}.${misprint[2]}`), qualifier: `printed as "${text}"` };
  const value = Number(text);
  return Number.isFinite(value) ? { value, qualifier: null } : null;
}

/** "亿元 (sic; almost certainly 万亿元)" → the unit the source meant, with the misprint noted. */
function readUnit(raw: string): { unit: string; note: string | null } {
  const sic = /^(.+?)\s*\(sic; almost certainly (.+)\)$/.exec(raw);
  if (sic?.[1] && sic[2]) return { unit: sic[2], note: `source prints the unit as ${sic[1]}; read as ${sic[2]}` };
  return { unit: raw, note: null };
}

const CONFIDENCE_RANK: Record<string, number> = { high: 3, medium: 2, low: 1 };
const significantDigits = (value: number) =>
  String(value)
    .replace(/^0\.0*|\.|e.*$/g, "")
    .replace(/0+$/, "").length;

/**
 * Several sources can report the same figure. Keep the most confident one
 * (then the most precise) and name the others in its note.
 */
export function keepBestPerKey(
  candidates: SeedObservation[],
  unitOf: (code: TIndicatorCode) => TCanonicalUnit,
): SeedObservation[] {
  const groups = new Map<string, SeedObservation[]>();
  for (const candidate of candidates) {
    const key = `${candidate.indicatorCode}|${candidate.year}|${candidate.geoLevel}|${candidate.geoCode}|${candidate.breakdown}`;
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  return [...groups.values()].map((group) => {
    const ranked = [...group].sort(
      (a, b) =>
        (CONFIDENCE_RANK[b.confidence ?? ""] ?? 0) - (CONFIDENCE_RANK[a.confidence ?? ""] ?? 0) ||
        significantDigits(b.value) - significantDigits(a.value),
    );
    const [best, ...others] = ranked as [SeedObservation, ...SeedObservation[]];
    if (others.length === 0) return best;
    const alsoReported = others
      .map((o) => `${formatValue(o.value, unitOf(o.indicatorCode))} (${o.confidence} confidence: ${o.sourceRef})`)
      .join("; ");
    return { ...best, note: joinNotes(best.note, `also reported: ${alsoReported}`) };
  });
}

function readNationalAggregates(): SeedObservation[] {
  const observations: SeedObservation[] = [];
  for (const row of readSeedCsv("national_aggregates_sourced.csv", ZAggregateRow)) {
    const parsed = parseSourceValue(row.value);
    if (!parsed || row.confidence === "unparseable") continue; // blank in the source: a gap, not a zero
    const mapping = INDICATOR_BY_SOURCE_NAME[row.indicator_zh];
    if (!mapping) throw new Error(`national_aggregates_sourced.csv: no indicator for "${row.indicator_zh}"`);
    const indicator = findIndicator(mapping.code)!;
    const unit = readUnit(row.unit);
    observations.push({
      indicatorCode: mapping.code,
      year: row.year,
      geoLevel: "NATION",
      geoCode: "CN",
      breakdown: mapping.breakdown ?? "",
      value: toCanonical(parsed.value, unit.unit, indicator.unit),
      note: joinNotes(
        `${row.indicator_zh} (${row.indicator_en}): ${row.value} ${row.unit}`,
        parsed.qualifier && `source says ${parsed.qualifier} ${parsed.value}`,
        unit.note,
        mapping.note,
        row.zones_basis && `basis: ${row.zones_basis} zones`,
        row.note,
      ),
      sourceRef: `${row.source_desc} — ${row.source_url}`,
      confidence: row.confidence,
    });
  }
  return observations;
}

const ZYearEndRow = z.object({
  year: z.coerce.number().int(),
  count_state_council: z.coerce.number().int().positive(),
  count_incl_suzhou_sip: z.string(),
  source_url: z.string(),
  source_desc: z.string(),
  confidence: z.enum(["high", "medium", "low"]),
  note: z.string(),
});

/** National zone counts for every year of the registry's span, each saying its basis (lib/server/seed/zone-counts.ts). */
function readZoneCounts(parks: readonly ParkRecord[]): SeedObservation[] {
  const byDate: DatedCount[] = readSeedCsv("zone_counts_by_date_sourced.csv", ZZoneCountRow).map((row) => ({
    asOf: row.as_of,
    value: row.national_zone_count,
    statement: row.statement_paraphrased,
    sourceRef: `${row.source_desc} — ${row.source_url}`,
    confidence: row.confidence,
    note: row.note || null,
  }));
  const yearEnd: YearEndCount[] = readSeedCsv("zone_counts_year_end_sourced.csv", ZYearEndRow).map((row) => ({
    year: row.year,
    stateCouncil: row.count_state_council,
    inclSuzhou: row.count_incl_suzhou_sip ? Number(row.count_incl_suzhou_sip) : null,
    sourceRef: `${row.source_desc} — ${row.source_url}`,
    confidence: row.confidence,
    note: row.note || null,
  }));
  const lastDated = Math.max(...byDate.map((row) => Number(row.asOf.slice(0, 4))));
  return deriveNationalZoneCounts({ yearEnd, byDate, parks, from: REGISTRY_YEARS.from, to: lastDated }).map(
    (count) => ({
      indicatorCode: "park_count",
      year: count.year,
      geoLevel: "NATION",
      geoCode: "CN",
      breakdown: "",
      value: count.value,
      isLowerBound: count.isLowerBound,
      note: count.note,
      sourceRef: count.sourceRef,
      confidence: count.confidence,
    }),
  );
}

function readArticleFigures(): SeedObservation[] {
  return readSeedCsv("article_figures_2017.csv", ZArticleRow).map((row) => {
    const mapping = ARTICLE_INDICATORS[row.indicator];
    if (!mapping) throw new Error(`article_figures_2017.csv: no indicator for "${row.indicator}"`);
    const indicator = findIndicator(mapping.code)!;
    return {
      indicatorCode: mapping.code,
      year: row.year,
      geoLevel: "NATION",
      geoCode: "CN",
      breakdown: mapping.breakdown ?? "",
      value: toCanonical(row.value, row.unit, indicator.unit),
      note: `article: "${row.note}"`,
      sourceRef: row.source,
      confidence: "medium",
    };
  });
}

export const REGISTRY_YEARS = { from: 1988, to: 2023 } as const;

/**
 * Zones per province per year from the partial registry: complete up to 2009,
 * lower bounds after (lib/server/seed/zone-counts.ts). Years a source counts
 * for a province are that source's (the subnational edition).
 */
function readProvinceZoneCounts(
  parks: readonly ParkRecord[],
  provinces: readonly ProvinceRecord[],
  sourced: readonly ProvinceCount[],
): SeedObservation[] {
  const adcodes = provinces.map((p) => p.adcode);
  return countZonesByProvince({ parks, adcodes, sourced, ...REGISTRY_YEARS }).map((count) => ({
    indicatorCode: "park_count",
    year: count.year,
    geoLevel: "PROVINCE",
    geoCode: String(count.adcode),
    breakdown: "",
    value: count.value,
    isLowerBound: count.isLowerBound,
    note: count.note,
    sourceRef: "Zone registry (zones_registry_partial.csv), compiled from public sources named per zone",
    confidence: count.year <= REGISTRY_COMPLETE_THROUGH ? "medium" : "low",
  }));
}

/**
 * The "Public sources" edition: every sourced national figure, a zone count
 * for every year, and the registry's zone counts per province (apart from the
 * province-years a source counts, which the subnational edition holds).
 */
export function buildPublicSourcesObservations(
  parks: readonly ParkRecord[],
  provinces: readonly ProvinceRecord[],
  sourcedProvinceCounts: readonly ProvinceCount[],
): SeedObservation[] {
  const unitOf = (code: TIndicatorCode) => findIndicator(code)!.unit;
  const national = keepBestPerKey([...readNationalAggregates(), ...readArticleFigures()], unitOf);
  return [...national, ...readZoneCounts(parks), ...readProvinceZoneCounts(parks, provinces, sourcedProvinceCounts)];
}
