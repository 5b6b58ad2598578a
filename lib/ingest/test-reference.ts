import { catalogueIngestIndicators } from "@/lib/ingest/reference";
import type { IngestReference } from "@/lib/ingest/types";
import { readCities } from "@/lib/server/seed/read-cities";
import { readParks, readProvinces, REGIONS } from "@/lib/server/seed/reference-data";

// For tests only: the reference the app's seed would put in the database
// (31 provinces, 4 regions, the partial zone registry, the metric catalogue).

let cached: IngestReference | null = null;

export function seedIngestReference(): IngestReference {
  cached ??= {
    provinces: readProvinces().map(({ adcode, nameEn, nameZh, nameZhShort, regionCode }) => ({
      adcode,
      nameEn,
      nameZh,
      nameZhShort,
      regionCode,
    })),
    regions: REGIONS.map(({ code, nameEn, nameZh }) => ({ code, nameEn, nameZh })),
    parks: readParks().map(({ slug, nameZh, nameEn, cityEn, provinceAdcode }) => ({ slug, nameZh, nameEn, cityEn, provinceAdcode })),
    indicators: catalogueIngestIndicators(),
    cities: readCities(),
    yearRange: { min: 1988, max: 2025 },
  };
  return cached;
}
