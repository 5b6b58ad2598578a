import "server-only";
import type { Database } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { seedDatabase, type SeedResult } from "@/lib/server/seed/seed-database";

export interface PrepareResult {
  migrationsApplied: string[];
  seeded: SeedResult | null;
}

/** Migrates the database and, if it holds no editions yet, loads the reference data. */
export async function prepareDatabase(db: Database): Promise<PrepareResult> {
  const { applied } = await migrate(db);
  const editions = await db.prisma.edition.count();
  const seeded = editions === 0 ? await seedDatabase(db) : null;
  return { migrationsApplied: applied, seeded };
}
