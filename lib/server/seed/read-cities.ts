import "server-only";
import { z } from "zod";
import { readSeedCsv } from "@/lib/server/seed/read-csv";

// The city → province table (prisma/seed/data/cities.csv): a zone new to the
// registry takes its province from the city its name starts with.

const ZCityRow = z.object({
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  province_adcode: z.coerce.number().int().min(110000).max(659999),
});

export interface CityRecord {
  nameZh: string;
  nameEn: string;
  provinceAdcode: number;
}

let cached: CityRecord[] | null = null;

/** Every city of cities.csv, read once per process. */
export function readCities(): CityRecord[] {
  cached ??= readSeedCsv("cities.csv", ZCityRow).map((row) => ({
    nameZh: row.name_zh,
    nameEn: row.name_en,
    provinceAdcode: row.province_adcode,
  }));
  return cached;
}
