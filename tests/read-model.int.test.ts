import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { changePublishedData, getDataVersion } from "@/lib/server/queries/data-version";
import { keepReadModelWarm, readModelState } from "@/lib/server/queries/read-model";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// The warm-up of an instance's read model: the server begins it at start and
// again whenever the data version changes — here a publish by another instance,
// heard by NOTIFY — before any view asks; /api/health reports it.

let db: Database;
let other: Database;
let url: string;
/** The data versions at which observations were read through `db`. */
const versionsRead = new Set<number>();

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("read_model"));
  await prepareDatabase(db);
  other = await openDatabase({ kind: "postgres", url });
  const readAtVersion = db.readAtVersion;
  db.readAtVersion = <T>(version: number, sql: string, params?: unknown[]) => {
    if (/FROM observation\b/.test(sql)) versionsRead.add(version);
    return readAtVersion<T>(version, sql, params);
  };
});

afterAll(async () => {
  await other?.close();
  await db?.close();
  await dropTestDatabase(url);
});

describe("the read model's warm-up", () => {
  it("runs at start and again after another instance publishes, before any view asks", async () => {
    const first = await getDataVersion(db);
    keepReadModelWarm(db);
    await expect.poll(() => versionsRead.has(first)).toBe(true);
    await expect.poll(() => readModelState(db)).toBe("ready");

    await changePublishedData(other, (_tx, bump) => bump());
    const next = await getDataVersion(other);
    expect(next).toBe(first + 1);
    await expect.poll(() => versionsRead.has(next), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => readModelState(db), { timeout: 10_000 }).toBe("ready");
    expect(await getDataVersion(db)).toBe(next);
  });
});
