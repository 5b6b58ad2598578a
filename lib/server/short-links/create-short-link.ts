import "server-only";
import type { Database } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { generateShortCode } from "@/lib/short-code";

export interface ShortLink {
  code: string;
  /** The canonical view query it stands for (without "?"). */
  state: string;
  /** False when the state already had a code. */
  isNew: boolean;
}

/** Attempts at a fresh code before giving up; with 56^9 codes a second one is already a rarity. */
const MAX_ATTEMPTS = 5;

/** The code already stored for a canonical view query, or null. */
export async function findCodeForState(db: Database, state: string): Promise<string | null> {
  const [row] = await db.query<{ code: string }>(`SELECT code FROM short_link WHERE state = $1`, [state]);
  return row?.code ?? null;
}

/**
 * The short code of a canonical view query: the existing one, or a new random
 * one. Two requests racing for the same state both get the one that won the
 * insert (the state is unique: ON CONFLICT DO NOTHING, then read it back); a
 * new code that happens to be taken is drawn again. `beforeCreate` runs only
 * when a new row is about to be written (the rate limit counts new links only).
 */
export async function createShortLink(
  db: Database,
  state: string,
  {
    beforeCreate = async () => {},
    newCode = generateShortCode,
  }: { beforeCreate?: () => Promise<void>; newCode?: () => string } = {},
): Promise<ShortLink> {
  const existing = await findCodeForState(db, state);
  if (existing) return { code: existing, state, isNew: false };
  await beforeCreate();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const code = newCode();
    const [inserted] = await db.query<{ code: string }>(
      `INSERT INTO short_link (code, state) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING code`,
      [code, state],
    );
    if (inserted) return { code: inserted.code, state, isNew: true };
    // Either another request stored this state first, or the code is taken: the state tells which.
    const winner = await findCodeForState(db, state);
    if (winner) return { code: winner, state, isNew: false };
  }
  throw new AppError("INTERNAL", "Could not find a free short code; try again.");
}
