import "server-only";
import type { Database } from "@/lib/server/db";

/** The newest migration recorded as applied, or null on an empty database. */
export async function getAppliedMigration(db: Database): Promise<string | null> {
  const rows = await db.prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations"
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
    ORDER BY migration_name DESC LIMIT 1`;
  return rows[0]?.migration_name ?? null;
}
