import "server-only";
import type { Database } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { readParks } from "@/lib/server/seed/reference-data";
import { hasLegacyParkCodes, type ParkCodeRenames } from "@/lib/server/seed/rename-legacy-park-codes";
import { seedDatabase, seedReferenceTables, type SeedResult } from "@/lib/server/seed/seed-database";

export interface PrepareResult {
  migrationsApplied: string[];
  seeded: SeedResult | null;
  /** Zones of an existing database moved from legacy hash codes to readable ones, or null when none were left. */
  renamed: ParkCodeRenames | null;
}

/**
 * Migrates the database and, if it holds no editions yet, loads the reference
 * data. A database seeded before zones had readable codes gets its reference
 * tables refreshed once, so its zones (and the links to them) move to the new codes.
 */
export async function prepareDatabase(db: Database): Promise<PrepareResult> {
  const { applied } = await migrate(db);
  const editions = await db.prisma.edition.count();
  if (editions === 0) return { migrationsApplied: applied, seeded: await seedDatabase(db), renamed: null };
  const renamed = (await hasLegacyParkCodes(db, readParks())) ? await seedReferenceTables(db) : null;
  return { migrationsApplied: applied, seeded: null, renamed };
}
