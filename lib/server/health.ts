import "server-only";
import { getDatabaseConfig, type TDatabaseConfig } from "@/lib/env";
import { getDatabase, redactUrl, type Database, type TDatabaseKind } from "@/lib/server/db";
import { AppError, describeDatabaseError, isDatabaseUnavailable } from "@/lib/server/errors";
import { getAppliedMigration } from "@/lib/server/queries/applied-migration";
import { readDataVersion } from "@/lib/server/queries/data-version";
import { readModelState } from "@/lib/server/queries/read-model";

export type THealth =
  | {
      status: "ok";
      database: TDatabaseKind;
      migration: string;
      dataVersion: number;
      /** Whether this instance has resolved the data version for reading yet (it serves either way, slower before). */
      readModel: "ready" | "resolving";
    }
  | { status: "error"; database: TDatabaseKind; error: { code: string; message: string } };

const UNDEFINED_TABLE = "42P01";

function isMissingTable(error: unknown): boolean {
  const text = JSON.stringify(error, Object.getOwnPropertyNames(error ?? {})) ?? "";
  return text.includes(UNDEFINED_TABLE) || /does not exist/.test(text);
}

/** Database kind, applied migration, data version and the read model's state; never throws. */
export async function getHealth(
  config: TDatabaseConfig = getDatabaseConfig(),
  open: () => Promise<Database> = getDatabase,
): Promise<THealth> {
  const where = config.kind === "postgres" ? redactUrl(config.url) : config.dataDir;
  try {
    const db = await open();
    // From the database, not from memory: the check is that the database answers, with what it stores.
    const [migration, dataVersion] = await Promise.all([getAppliedMigration(db), readDataVersion(db)]);
    if (!migration) throw new AppError("DATABASE_UNAVAILABLE", "The database has no migrations applied: run npm run db:migrate.");
    return { status: "ok", database: db.kind, migration, dataVersion, readModel: await readModelState(db) };
  } catch (error) {
    const message =
      error instanceof AppError
        ? error.message
        : isDatabaseUnavailable(error)
          ? describeDatabaseError(error, where)
          : isMissingTable(error)
            ? "The database is not migrated: run npm run db:migrate."
            : "The database did not answer the health check.";
    const isExpected = error instanceof AppError || isDatabaseUnavailable(error) || isMissingTable(error);
    if (!isExpected) console.error(error);
    return { status: "error", database: config.kind, error: { code: "DATABASE_UNAVAILABLE", message } };
  }
}
