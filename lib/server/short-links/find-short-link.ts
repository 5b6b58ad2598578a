import "server-only";
import type { Database } from "@/lib/server/db";
import { isShortCode } from "@/lib/short-code";

/** The canonical view query a short code stands for, or null for an unknown or malformed code. */
export async function findShortLink(db: Database, code: string): Promise<string | null> {
  if (!isShortCode(code)) return null;
  const [row] = await db.query<{ state: string }>(`SELECT state FROM short_link WHERE code = $1`, [code]);
  return row?.state ?? null;
}
