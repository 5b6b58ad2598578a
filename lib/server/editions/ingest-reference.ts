import "server-only";
import { catalogueIngestIndicators, type IngestReference } from "@/lib/ingest";
import type { Database } from "@/lib/server/db";
import { readCities } from "@/lib/server/seed/read-cities";

/** The first year the Torch Program reports (the first zone, Beijing, was approved in 1988). */
const FIRST_DATA_YEAR = 1988;

/** What an upload is checked against: the database's geography and parks, and the known indicators. */
export async function getIngestReference(db: Database): Promise<IngestReference> {
  const [regions, provinces, parks] = await Promise.all([
    db.prisma.region.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameEn: true, nameZh: true } }),
    db.prisma.province.findMany({
      orderBy: { adcode: "asc" },
      select: { adcode: true, nameEn: true, nameZh: true, nameZhShort: true, regionCode: true },
    }),
    db.prisma.park.findMany({ select: { slug: true, nameZh: true, nameEn: true, cityEn: true, provinceAdcode: true } }),
  ]);
  return {
    regions,
    provinces,
    parks,
    indicators: catalogueIngestIndicators(),
    cities: readCities(),
    yearRange: { min: FIRST_DATA_YEAR, max: new Date().getFullYear() },
  };
}
