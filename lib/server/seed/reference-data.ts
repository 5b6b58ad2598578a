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
  slug: string;
  nameZh: string;
  nameEn: string | null;
  cityZh: string;
  cityEn: string | null;
  provinceAdcode: number;
  approvedOn: string | null;
  approvalYear: number | null;
  sourceRef: string;
  confidence: string;
  note: string | null;
}

/** A stable ASCII slug for a zone: its Chinese name carries no romanisation in the sources. */
function slugForPark(nameZh: string): string {
  return `zone-${createHash("sha256").update(nameZh).digest("hex").slice(0, 8)}`;
}

/** The zone registry, with English city names for the first 53 zones where the cohort list has them. */
export function readParks(): ParkRecord[] {
  const cohorts = readSeedCsv("zones_1988_1997_cohorts_partial.csv", ZCohortRow);
  const cityEnFor = (cityZh: string, adcode: number) => {
    const shortCity = cityZh.replace(/（.*）$/, "").replace(/市$/, "");
    return cohorts.find((c) => c.province_adcode === adcode && c.city_or_zone_zh.startsWith(shortCity))?.city_en;
  };
  return readSeedCsv("zones_registry_partial.csv", ZRegistryRow).map((row) => {
    const approvalYear = row.approval_date ? Number(row.approval_date.slice(0, 4)) : null;
    // The cohort list covers only the zones approved up to 1997.
    const cityEn =
      approvalYear !== null && approvalYear <= 1997 ? (cityEnFor(row.city_zh, row.province_adcode) ?? null) : null;
    return {
      slug: slugForPark(row.name_zh),
      nameZh: row.name_zh,
      nameEn: cityEn ? `${cityEn} National High-tech Zone` : null,
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
