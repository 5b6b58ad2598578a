import "server-only";
import { z } from "zod";
import { findIndicator, type TIndicatorCode } from "@/lib/metrics";
import { readSeedCsv } from "@/lib/server/seed/read-csv";
import type { ParkRecord, ProvinceRecord } from "@/lib/server/seed/reference-data";
import { joinNotes } from "@/lib/server/seed/notes";
import type { SeedObservation } from "@/lib/server/seed/public-sources";
import type { ProvinceCount } from "@/lib/server/seed/zone-counts";
import { toCanonical } from "@/lib/units";

// The real figures below the national level (subnational_figures_sourced.csv):
// each row loads as an indicator only where its scope is the indicator's —
// national zones only, a full year. Rows of another scope (national and
// provincial zones together, half a year, a zone merged with its district)
// stay out, each with its reason; nothing is mixed in.

export const SUBNATIONAL_FILE = "subnational_figures_sourced.csv";

const ZSubnationalRow = z.object({
  year: z.coerce.number().int(),
  geo_level: z.enum(["region", "province", "zone"]),
  geo_name_zh: z.string().min(1),
  indicator_and_scope: z.string().min(1),
  value: z.string().min(1),
  unit_as_printed: z.string(),
  source_url: z.string(),
  confidence: z.enum(["high", "medium", "low"]),
});
type TSubnationalRow = z.infer<typeof ZSubnationalRow>;

type TMapping = { code: TIndicatorCode; breakdown?: string; note?: string } | { out: string };

const OUT_MIXED = { out: "covers national and provincial zones together" };
const OUT_HALF_YEAR = { out: "covers part of a year" };
const OUT_MERGED = { out: "covers the zone together with the district it is merged with" };
const OUT_NO_INDICATOR = { out: "no indicator of that definition in the app" };

/** Each (level, indicator as printed) of the file → what it loads as, or why it stays out. */
const MAPPINGS: Record<string, TMapping> = {
  "region|国家高新区数量": { code: "park_count" },
  "region|营业收入": { out: "the unit is not visible in the source excerpt" },
  "region|科技活动人员占全部国家高新区比重": OUT_NO_INDICATOR,
  "province|国家高新区数量": { code: "park_count" },
  "province|年末从业人员": { code: "employees" },
  "province|R&D人员": OUT_NO_INDICATOR,
  "province|R&D人员全时当量": OUT_NO_INDICATOR,
  "province|R&D人员占从业人员比重": OUT_NO_INDICATOR,
  "zone|营业收入": { code: "revenue" },
  "zone|营业总收入": { code: "revenue", note: "printed as 营业总收入, the earlier name of 营业收入" },
  "zone|企业总收入": { code: "revenue", note: "printed as 企业总收入 (total revenue of the zone's firms)" },
  "zone|经营总收入": { code: "revenue", note: "printed as 经营总收入 (total revenue of the zone's firms)" },
  "zone|营业收入 (火炬纳统企业)": { code: "revenue", note: "enterprises in the Torch survey" },
  "zone|上缴税费(实际,火炬纳统企业)": {
    code: "tax_revenue",
    note: "taxes actually paid, enterprises in the Torch survey",
  },
  "zone|工业总产值": { code: "industrial_output" },
  "zone|工业总产值/产值 (火炬纳统企业)": { code: "industrial_output", note: "enterprises in the Torch survey" },
  "zone|园区生产总值": { code: "zone_gdp" },
  "zone|园区生产总值(预计)": { code: "zone_gdp", breakdown: "preliminary", note: "a preliminary estimate (预计)" },
  "zone|高新技术企业数": { code: "high_tech_enterprises" },
  "zone|国家高新技术企业数": { code: "high_tech_enterprises" },
  "zone|国家级高新技术企业数": { code: "high_tech_enterprises" },
  "zone|注册企业数": { code: "registered_firms" },
  "zone|企业数": {
    code: "registered_firms",
    note: "printed as 企业数 (firms); at tens of thousands, the zone's registered firms",
  },
  "zone|入区企业数": { code: "registered_firms", note: "printed as 入区企业数 (firms in the zone)" },
  "province|企业数 (SCOPE: 6个高新区)": { out: "covers 4 national and 2 autonomous-region zones together" },
  "zone|规上企业总收入": { out: "covers firms above the statistical size threshold only" },
  "zone|规模工业总产值": { out: "covers industrial firms above the statistical size threshold only" },
  "zone|入统高新技术企业数(上半年)": OUT_HALF_YEAR,
  "zone|园区生产总值 (SCOPE: 高新区+新市区 区政合一)": OUT_MERGED,
  "zone|园区生产总值 (SCOPE: 高新区与滨江区合一)": OUT_MERGED,
};

function mappingFor(row: TSubnationalRow): TMapping {
  const mapping = MAPPINGS[`${row.geo_level}|${row.indicator_and_scope}`];
  if (mapping) return mapping;
  if (/SCOPE: .*(provincial|autonomous-region level)/.test(row.indicator_and_scope)) return OUT_MIXED;
  if (/上半年|1-2月/.test(row.indicator_and_scope)) return OUT_HALF_YEAR;
  throw new Error(`${SUBNATIONAL_FILE}: decide how "${row.indicator_and_scope}" (${row.geo_level}) loads, in MAPPINGS`);
}

/** The file's zone names → the registry's (name_zh). */
const ZONE_NAMES: Record<string, string> = {
  中关村: "北京市新技术产业开发试验区（今中关村科技园区）",
  张江高新区: "上海高新技术产业开发区（1991批）",
  武汉东湖高新区: "武汉高新技术产业开发区（1991批）",
  襄阳高新区: "襄樊高新技术产业开发区（1992批）",
};

function findZone(name: string, parks: readonly ParkRecord[]): ParkRecord | undefined {
  const registryName = ZONE_NAMES[name];
  if (registryName) return parks.find((p) => p.nameZh === registryName);
  const city = name.replace(/\(.*\)$/, "").replace(/高新区$/, "");
  const matches = parks.filter((p) => p.nameZh.startsWith(`${city}高新技术产业开发区`));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Reads "1.27" / ">2400" and what the printed unit adds: a lower bound ("超过", "突破", "多", "余") or "about". */
export function readSubnationalValue(
  value: string,
  unitAsPrinted: string,
): { value: number; unit: string; isLowerBound: boolean; qualifier: string | null } {
  const unit = /^(万亿元|亿元|万元|万余家|万家|家|个|人|trillion yuan|percent|%)/.exec(unitAsPrinted)?.[1] ?? "个";
  const isLowerBound = value.startsWith(">") || /超过|突破|多\)|余/.test(unitAsPrinted);
  const number = Number(value.replace(/^>/, ""));
  if (!Number.isFinite(number)) throw new Error(`${SUBNATIONAL_FILE}: "${value}" is not a number`);
  const qualifier = isLowerBound ? "more than" : /约/.test(unitAsPrinted) ? "about" : null;
  return { value: number, unit: unit === "万余家" ? "万家" : unit, isLowerBound, qualifier };
}

export interface SubnationalFigure {
  indicatorCode: TIndicatorCode;
  year: number;
  geoLevel: "REGION" | "PROVINCE" | "PARK";
  geoCode: string;
  breakdown: string;
  value: number;
  isLowerBound: boolean;
  note: string | null;
  sourceRef: string;
  confidence: string;
}

export interface SubnationalReading {
  figures: SubnationalFigure[];
  /** Zone counts by province (State-Council zones), for the registry's checks. */
  provinceCounts: ProvinceCount[];
  /** Rows that stay out, with the reason. */
  left: { row: TSubnationalRow; reason: string }[];
}

const REGION_NAMES: Record<string, string> = {
  西部地区: "western",
  东部地区: "eastern",
  中部地区: "central",
  东北地区: "northeastern",
};

/** Reads the file: every row loads under an indicator of its scope, or is left out with its reason. */
export function readSubnationalFigures(
  parks: readonly ParkRecord[],
  provinces: readonly ProvinceRecord[],
): SubnationalReading {
  const reading: SubnationalReading = { figures: [], provinceCounts: [], left: [] };
  for (const row of readSeedCsv(SUBNATIONAL_FILE, ZSubnationalRow)) {
    const mapping = mappingFor(row);
    if ("out" in mapping) {
      reading.left.push({ row, reason: mapping.out });
      continue;
    }
    const geo = placeOf(row, parks, provinces);
    if ("out" in geo) {
      reading.left.push({ row, reason: geo.out });
      continue;
    }
    const read = readSubnationalValue(row.value, row.unit_as_printed);
    const indicator = findIndicator(mapping.code)!;
    // The Torch statistics count Suzhou Industrial Park with Jiangsu's zones; the series counts State-Council zones.
    const withSuzhou = mapping.code === "park_count" && row.unit_as_printed.includes("苏州工业园区");
    const value = toCanonical(read.value, read.unit, indicator.unit) - (withSuzhou ? 1 : 0);
    reading.figures.push({
      indicatorCode: mapping.code,
      year: row.year,
      geoLevel: geo.level,
      geoCode: geo.code,
      breakdown: mapping.breakdown ?? "",
      value,
      isLowerBound: read.isLowerBound,
      note: joinNotes(
        `${row.geo_name_zh} ${row.indicator_and_scope}: ${row.value} ${row.unit_as_printed}`.trim(),
        read.qualifier && `source says ${read.qualifier} ${read.value} ${read.unit}`,
        withSuzhou && `the source counts ${read.value} including Suzhou Industrial Park; ${value} State-Council zones`,
        mapping.note,
      ),
      sourceRef: row.source_url,
      confidence: row.confidence,
    });
    if (mapping.code === "park_count" && geo.level === "PROVINCE") {
      reading.provinceCounts.push({ adcode: Number(geo.code), year: row.year, value });
    }
  }
  return reading;
}

function placeOf(
  row: TSubnationalRow,
  parks: readonly ParkRecord[],
  provinces: readonly ProvinceRecord[],
): { level: SubnationalFigure["geoLevel"]; code: string } | { out: string } {
  if (row.geo_level === "region") {
    const code = REGION_NAMES[row.geo_name_zh];
    return code ? { level: "REGION", code } : { out: `"${row.geo_name_zh}" is not one of the four regions as a whole` };
  }
  if (row.geo_level === "province") {
    const province = provinces.find((p) => p.nameZhShort === row.geo_name_zh || p.nameZh === row.geo_name_zh);
    if (!province) throw new Error(`${SUBNATIONAL_FILE}: no province "${row.geo_name_zh}"`);
    return { level: "PROVINCE", code: String(province.adcode) };
  }
  const zone = findZone(row.geo_name_zh, parks);
  return zone ? { level: "PARK", code: zone.slug } : { out: `${row.geo_name_zh} is not in the zone registry` };
}

/**
 * The subnational edition's observations: the figures as read, each province
 * zone count checked against the registry (a source's count bounds the
 * registry's; where the registry is short, the note says by how much).
 */
export function buildSubnationalObservations(
  reading: SubnationalReading,
  parks: readonly ParkRecord[],
): SeedObservation[] {
  return reading.figures.map((figure) => {
    if (figure.indicatorCode !== "park_count" || figure.geoLevel !== "PROVINCE") return figure;
    const registry = parks.filter(
      (p) => String(p.provinceAdcode) === figure.geoCode && p.approvalYear !== null && p.approvalYear <= figure.year,
    ).length;
    const check =
      registry < figure.value
        ? `the zone registry dates only ${registry} of them by ${figure.year}: ${figure.value - registry} not in the registry`
        : registry === figure.value
          ? `the zone registry dates ${registry === 1 ? "it" : `all ${registry}`} by ${figure.year}`
          : `the zone registry dates ${registry} by ${figure.year}, more than this source counts`;
    return { ...figure, note: joinNotes(figure.note, check) };
  });
}
