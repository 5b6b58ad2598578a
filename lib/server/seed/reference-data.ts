import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { readSeedCsv } from "@/lib/server/seed/read-csv";

// The reference tables as they come from prisma/seed/data: regions, provinces
// and the partial zone registry. Pure reads, no database.

export const REGIONS = [
  { code: "eastern", nameEn: "Eastern", nameZh: "东部", sortOrder: 1 },
  { code: "central", nameEn: "Central", nameZh: "中部", sortOrder: 2 },
  { code: "western", nameEn: "Western", nameZh: "西部", sortOrder: 3 },
  { code: "northeastern", nameEn: "Northeastern", nameZh: "东北", sortOrder: 4 },
] as const;

const ZProvinceRow = z.object({
  adcode: z.coerce.number().int(),
  name_en: z.string().min(1),
  name_zh: z.string().min(1),
  name_zh_short: z.string().min(1),
  region: z.enum(["Eastern", "Central", "Western", "Northeastern"]),
});

export interface ProvinceRecord {
  adcode: number;
  slug: string;
  nameEn: string;
  nameZh: string;
  nameZhShort: string;
  regionCode: string;
}

export function readProvinces(): ProvinceRecord[] {
  return readSeedCsv("provinces_regions.csv", ZProvinceRow).map((row) => ({
    adcode: row.adcode,
    slug: row.name_en.toLowerCase().replace(/[^a-z]+/g, "-"),
    nameEn: row.name_en,
    nameZh: row.name_zh,
    nameZhShort: row.name_zh_short,
    regionCode: row.region.toLowerCase(),
  }));
}

const ZRegistryRow = z.object({
  name_zh: z.string().min(1),
  city_zh: z.string().min(1),
  province_zh: z.string().min(1),
  province_adcode: z.coerce.number().int(),
  approval_date: z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/),
  source_url: z.string(),
  source_desc: z.string(),
  confidence: z.enum(["high", "medium", "low"]),
  note: z.string(),
});

const ZCohortRow = z.object({
  city_or_zone_zh: z.string(),
  city_en: z.string(),
  province_adcode: z.coerce.number().int(),
});

export interface ParkRecord {
  /** The zone's readable code in URLs and the API ("wuhan-east-lake"), from zone_codes.csv. */
  slug: string;
  nameZh: string;
  nameEn: string;
  cityZh: string;
  cityEn: string | null;
  provinceAdcode: number;
  approvedOn: string | null;
  approvalYear: number | null;
  sourceRef: string;
  confidence: string;
  note: string | null;
}

const ZZoneCodeRow = z.object({
  name_zh: z.string().min(1),
  code: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase ASCII words joined by single hyphens")
    .refine((code) => !/^zone-[0-9a-f]{8}$/.test(code), "has the form of a legacy hash code"),
  name_en: z.string().min(1),
});

/**
 * The code zones had before zone_codes.csv: `zone-` and 8 hex digits of the
 * sha256 of the Chinese name. Links, uploads and databases from then still
 * carry it (see rename-legacy-park-codes.ts and lib/legacy-zone-codes.json).
 */
export function legacyParkSlug(nameZh: string): string {
  return `zone-${createHash("sha256").update(nameZh).digest("hex").slice(0, 8)}`;
}

export type TZoneCodeRow = z.infer<typeof ZZoneCodeRow>;

/**
 * Readable code and English name of every registry zone, by Chinese name.
 * Throws when a zone has no row, a row names no zone, or a code repeats:
 * codes are in URLs and the API, so the seed must not guess one.
 */
export function indexZoneCodes(
  rows: readonly TZoneCodeRow[],
  registryNames: readonly string[],
): Map<string, { code: string; nameEn: string }> {
  const byName = new Map<string, { code: string; nameEn: string }>();
  const problems: string[] = [];
  const seenCodes = new Set<string>();
  for (const row of rows) {
    if (byName.has(row.name_zh)) problems.push(`${row.name_zh} has two rows`);
    if (seenCodes.has(row.code)) problems.push(`code ${row.code} is used twice`);
    seenCodes.add(row.code);
    byName.set(row.name_zh, { code: row.code, nameEn: row.name_en });
  }
  const registry = new Set(registryNames);
  for (const name of registryNames) if (!byName.has(name)) problems.push(`registry zone ${name} has no code`);
  for (const name of byName.keys()) if (!registry.has(name)) problems.push(`${name} is not a registry zone`);
  if (problems.length) throw new Error(`zone_codes.csv: ${problems.join("; ")}`);
  return byName;
}

/**
 * The zone registry, with each zone's readable code and English name from
 * zone_codes.csv, and English city names for the first 53 zones where the
 * cohort list has them.
 */
export function readParks(): ParkRecord[] {
  const cohorts = readSeedCsv("zones_1988_1997_cohorts_partial.csv", ZCohortRow);
  const cityEnFor = (cityZh: string, adcode: number) => {
    const shortCity = cityZh.replace(/（.*）$/, "").replace(/市$/, "");
    return cohorts.find((c) => c.province_adcode === adcode && c.city_or_zone_zh.startsWith(shortCity))?.city_en;
  };
  const registry = readSeedCsv("zones_registry_partial.csv", ZRegistryRow);
  const codes = indexZoneCodes(
    readSeedCsv("zone_codes.csv", ZZoneCodeRow),
    registry.map((row) => row.name_zh),
  );
  return registry.map((row) => {
    const approvalYear = row.approval_date ? Number(row.approval_date.slice(0, 4)) : null;
    // The cohort list covers only the zones approved up to 1997.
    const cityEn =
      approvalYear !== null && approvalYear <= 1997 ? (cityEnFor(row.city_zh, row.province_adcode) ?? null) : null;
    const { code, nameEn } = codes.get(row.name_zh)!;
    return {
      slug: code,
      nameZh: row.name_zh,
      nameEn,
      cityZh: row.city_zh,
      cityEn,
      provinceAdcode: row.province_adcode,
      approvedOn: row.approval_date || null,
      approvalYear,
      sourceRef: `${row.source_desc} — ${row.source_url}`,
      confidence: row.confidence,
      note: row.note || null,
    };
  });
}
