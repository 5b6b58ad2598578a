import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/server/errors";
import type { Database, SqlConnection } from "@/lib/server/db";

// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, the way
// `prisma migrate deploy` would: one transaction per migration, recorded in
// _prisma_migrations with Prisma's columns and sha256 checksums, under
// Prisma's own advisory lock id so the two never run at once.

const PRISMA_MIGRATE_LOCK_ID = 72707369;
export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/** Reads the migration folders in name (= timestamp) order. */
export async function readMigrationFiles(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await fs.readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    }),
  );
}

async function applyOne(connection: SqlConnection, migration: MigrationFile): Promise<void> {
  await connection.exec("BEGIN");
  try {
    const id = randomUUID();
    await connection.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, migration.checksum, migration.name],
    );
    await connection.exec(migration.sql);
    await connection.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await connection.exec("COMMIT");
  } catch (error) {
    await connection.exec("ROLLBACK").catch(() => {});
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new AppError("INTERNAL", `Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}

export interface MigrateResult {
  applied: string[];
  latest: string | null;
}

/** Brings the database up to date. Safe to run concurrently: the advisory lock serialises runs. */
export async function migrate(db: Database, dir: string = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = await readMigrationFiles(dir);
  return db.withConnection(async (connection) => {
    await connection.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);
    try {
      await connection.exec(CREATE_MIGRATIONS_TABLE);
      const rows = await connection.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
      );
      const applied = new Map(
        rows.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => [row.migration_name, row]),
      );
      const newlyApplied: string[] = [];
      for (const migration of migrations) {
        const row = applied.get(migration.name);
        if (row) {
          if (row.checksum !== migration.checksum) {
            throw new AppError(
              "CONFLICT",
              `Migration ${migration.name} was edited after it was applied to this database. Restore the file, or add a new migration instead.`,
            );
          }
          continue;
        }
        await applyOne(connection, migration);
        newlyApplied.push(migration.name);
      }
      return { applied: newlyApplied, latest: migrations.at(-1)?.name ?? null };
    } finally {
      await connection.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_ID]);
    }
  });
}
