import "server-only";
import type { Database } from "@/lib/server/db";

export interface Geography {
  regions: { code: string; nameEn: string; nameZh: string }[];
  provinces: { adcode: number; slug: string; nameEn: string; nameZh: string; regionCode: string }[];
}

const cache = new WeakMap<Database, Promise<Geography>>();

/** Regions and provinces: reference data, read once per database connection. */
export function getGeography(db: Database): Promise<Geography> {
  let geography = cache.get(db);
  if (!geography) {
    geography = readGeography(db);
    geography.catch(() => cache.delete(db));
    cache.set(db, geography);
  }
  return geography;
}

async function readGeography(db: Database): Promise<Geography> {
  const [regions, provinces] = await Promise.all([
    db.prisma.region.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, nameEn: true, nameZh: true } }),
    db.prisma.province.findMany({
      orderBy: { adcode: "asc" },
      select: { adcode: true, slug: true, nameEn: true, nameZh: true, regionCode: true },
    }),
  ]);
  return { regions, provinces };
}
