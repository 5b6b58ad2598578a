import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { WindowRateLimit } from "@/lib/server/rate-limit";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// The public-write limit counts in the database, so two instances (two
// Database handles here) count together; time passing is simulated by moving
// the window's start back.

describe.each([
  ["PostgreSQL", "postgres"],
  ["PGlite", "embedded"],
] as const)("WindowRateLimit on %s", (_name, kind) => {
  let db: Database;
  let other: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (kind === "postgres") {
      const opened = await openTestDatabase("rate_limit");
      db = opened.db;
      other = await openDatabase({ kind: "postgres", url: opened.url });
      cleanup = async () => {
        await other.close();
        await dropTestDatabase(opened.url);
      };
    } else {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "torch-rate-limit-"));
      db = await openDatabase({ kind: "embedded", dataDir: path.join(dir, "pglite") });
      other = db; // one process holds an embedded database
      cleanup = () => fs.rm(dir, { recursive: true, force: true });
    }
    await migrate(db);
  }, 60_000);

  afterAll(async () => {
    await db.close();
    await cleanup();
  });

  const ageWindows = (seconds: number) =>
    db.query(`UPDATE request_window SET window_start = window_start - $1 * interval '1 second'`, [seconds]);

  it("allows `limit` events per address and window across instances, then 429 with the wait; a new window starts afresh", async () => {
    const limit = new WindowRateLimit("things", 3, 60_000);
    await limit.hit(db, "a", "things");
    await limit.hit(other, "a", "things");
    await limit.hit(db, "a", "things");
    await expect(limit.hit(other, "a", "things")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      status: 429,
      details: { retryAfter: 60 },
    });
    await limit.hit(db, "b", "things"); // another address is counted apart
    await new WindowRateLimit("other-action", 1, 60_000).hit(db, "a", "things"); // and another action
    await ageWindows(45);
    await expect(limit.hit(db, "a", "things")).rejects.toThrow(/Wait 15 seconds/);
    await ageWindows(15);
    await expect(limit.hit(db, "a", "things")).resolves.toBeUndefined();
    const [row] = await db.query<{ count: number }>(`SELECT count FROM request_window WHERE key = 'things|a'`);
    expect(row?.count).toBe(1);
  });
});

