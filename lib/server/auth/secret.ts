import "server-only";
import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/server/db";

const SECRET_NAME = "better_auth_secret";

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET when set,
 * otherwise one generated on first use and kept in the database, so sessions
 * survive restarts and every instance on the same database agrees on it.
 */
export async function getAuthSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  // Two instances starting at once both try to insert; the first one wins and both read it back.
  await db.query(`INSERT INTO "app_secret" ("name", "value") VALUES ($1, $2) ON CONFLICT ("name") DO NOTHING`, [
    SECRET_NAME,
    randomBytes(32).toString("base64url"),
  ]);
  const [row] = await db.query<{ value: string }>(`SELECT "value" FROM "app_secret" WHERE "name" = $1`, [SECRET_NAME]);
  if (!row) throw new Error("The generated auth secret was not stored");
  return row.value;
}
