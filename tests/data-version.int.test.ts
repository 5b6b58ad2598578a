import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/server/db";
import { publishEdition } from "@/lib/server/editions/edition-lifecycle";
import { migrate } from "@/lib/server/migrate";
import { LISTENER_APPLICATION_NAME } from "@/lib/server/postgres-listener";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { changePublishedData, getDataVersion, readDataVersion } from "@/lib/server/queries/data-version";
import { seedReferenceTables } from "@/lib/server/seed/seed-database";
import { createUser } from "@/lib/server/users/create-user";
import { dropTestDatabase, openTestDatabase, TEST_DATABASE_URL } from "./support/test-database";
import { uploadCsvDraft } from "./support/upload";
import { viewOf } from "./support/view";

// The data version lives in each process's memory, kept current by the NOTIFY
// every bump sends on commit. Two Databases on one PostgreSQL database stand
// for two instances of the app: one publishes, the other must see it within a
// second, without reading data_version while it listens, and from the
// database while its listening connection is gone.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** Counts the queries of data_version made through `db` (the read path's only way to it). */
function countVersionReads(db: Database): { count: number } {
  const reads = { count: 0 };
  const query = db.query;
  db.query = <T>(sql: string, params?: unknown[]) => {
    if (sql.includes("data_version")) reads.count++;
    return query<T>(sql, params);
  };
  return reads;
}

/** How many reads of data_version `work` made. */
async function versionReadsDuring(reads: { count: number }, work: () => Promise<unknown>): Promise<number> {
  const before = reads.count;
  await work();
  return reads.count - before;
}

/** True once `db` answers the version from memory. */
async function isInMemory(db: Database, reads: { count: number }): Promise<boolean> {
  return (await versionReadsDuring(reads, () => getDataVersion(db))) === 0;
}

const HEADER = "year,level,geo,indicator,value,unit,note,source_ref";
let uploads = 0;

/** Uploads a one-figure draft and publishes it; resolves once the publish has committed. */
async function publishOne(db: Database, actorId: string): Promise<void> {
  const n = ++uploads;
  const csv = [HEADER, `2024,province,460000,registered_firms,${1000 + n},家,,table ${n}`].join("\n");
  const meta = { title: `Data version test ${n}`, source: "Test yearbook", yearbookYear: 2025, fileName: "test.csv" };
  const draft = await uploadCsvDraft(db, meta, csv, actorId);
  await publishEdition(db, draft.id, actorId);
}

describe("the data version on PostgreSQL, across instances", () => {
  let first: Database;
  let second: Database;
  let url: string;
  let editorId: string;
  let secondReads: { count: number };
  const databaseName = () => new URL(url).pathname.slice(1);

  const listeners = async () =>
    (
      await first.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
        [LISTENER_APPLICATION_NAME],
      )
    )[0]!.n;

  async function allowConnections(isAllowed: boolean): Promise<void> {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${databaseName()}" ALLOW_CONNECTIONS ${isAllowed}`);
    } finally {
      await admin.end();
    }
  }

  beforeAll(async () => {
    ({ db: first, url } = await openTestDatabase("data_version"));
    await prepareDatabase(first);
    second = await openDatabase({ kind: "postgres", url });
    secondReads = countVersionReads(second);
    editorId = (await createUser(first, { email: "version-test@example.org", role: "editor", password: "a long enough test password" }, null)).id;
    await Promise.all([getDataVersion(first), getDataVersion(second)]);
    await waitFor("the second instance to listen", () => isInMemory(second, secondReads), 5_000);
  });

  afterAll(async () => {
    await allowConnections(true);
    await Promise.all([first?.close(), second?.close()]);
    await dropTestDatabase(url);
  });

  it("keeps one listening connection per instance, named, apart from the pool", async () => {
    expect(await listeners()).toBe(2);
  });

  it("shows a publish through one instance on the other within a second, without reading data_version", async () => {
    const before = await getDataVersion(second);
    // A series request reads no data_version either.
    expect(await versionReadsDuring(secondReads, () => viewOf(second, { metric: "registered_firms", level: "province" }))).toBe(0);

    await publishOne(first, editorId);
    expect(await getDataVersion(first)).toBe(before + 1);
    const reads = await versionReadsDuring(secondReads, async () => {
      const elapsed = await waitFor("the second instance to see the publish", async () => (await getDataVersion(second)) === before + 1, 1_000);
      expect(elapsed).toBeLessThan(1_000);
    });
    expect(reads).toBe(0);
    expect(await readDataVersion(second)).toBe(before + 1);
  });

  it("notifies nothing for a change that rolls back", async () => {
    const before = await getDataVersion(second);
    const change = changePublishedData(first, async (_tx, bump) => {
      await bump();
      throw new Error("rolled back on purpose");
    });
    await expect(change).rejects.toThrow("rolled back on purpose");
    await sleep(200);
    expect(await getDataVersion(first)).toBe(before);
    expect(await getDataVersion(second)).toBe(before);
    expect(await readDataVersion(first)).toBe(before);
  });

  it("reads the version from the database while the listener is gone, and from memory once it is back", async () => {
    // The pools keep the connections they have; only new ones (the listeners' reconnects) are refused.
    await Promise.all([first, second].flatMap((db) => [1, 2, 3].map(() => db.query("SELECT pg_sleep(0.02)"))));
    await allowConnections(false);
    try {
      const [terminated] = await first.query<{ count: number }>(
        `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS count FROM pg_stat_activity
         WHERE application_name = $1 AND datname = current_database()`,
        [LISTENER_APPLICATION_NAME],
      );
      expect(terminated?.count).toBe(2);
      await waitFor("the second instance to notice", async () => !(await isInMemory(second, secondReads)), 2_000);

      const before = await getDataVersion(second);
      await publishOne(first, editorId);
      // At once, with no notification to wait for: the next request reads it.
      expect(await versionReadsDuring(secondReads, async () => expect(await getDataVersion(second)).toBe(before + 1))).toBe(1);
      expect(await getDataVersion(first)).toBe(before + 1);
    } finally {
      await allowConnections(true);
    }

    await waitFor("the second instance to listen again", () => isInMemory(second, secondReads), 8_000);
    expect(await listeners()).toBe(2);
    const before = await getDataVersion(second);
    await publishOne(first, editorId);
    const reads = await versionReadsDuring(secondReads, () =>
      waitFor("the second instance to see the publish", async () => (await getDataVersion(second)) === before + 1, 1_000),
    );
    expect(reads).toBe(0);
  });

  it("ends the listening connection on close, also one still opening", async () => {
    const third = await openDatabase({ kind: "postgres", url });
    await getDataVersion(third);
    await waitFor("a third listener", async () => (await listeners()) === 3, 5_000);
    await third.close();
    await waitFor("the third listener to end", async () => (await listeners()) === 2, 5_000);

    const fourth = await openDatabase({ kind: "postgres", url });
    fourth.listen("data_version", { onNotify() {}, onListening() {}, onLost() {} });
    await fourth.close();
    await sleep(500);
    expect(await listeners()).toBe(2);
  });
});

describe("the data version on the embedded PGlite", () => {
  let dir: string;
  let db: Database;
  let editorId: string;
  let reads: { count: number };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "torch-version-"));
    db = await openDatabase({ kind: "embedded", dataDir: path.join(dir, "pglite") });
    await migrate(db);
    await seedReferenceTables(db);
    reads = countVersionReads(db);
    editorId = (await createUser(db, { email: "version-test@example.org", role: "editor", password: "a long enough test password" }, null)).id;
    await getDataVersion(db);
    await waitFor("the embedded database to listen", () => isInMemory(db, reads), 5_000);
  });

  afterAll(async () => {
    await db?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("sees a publish at once, from memory", async () => {
    const before = await getDataVersion(db);
    await publishOne(db, editorId);
    expect(await versionReadsDuring(reads, async () => expect(await getDataVersion(db)).toBe(before + 1))).toBe(0);
    expect(await readDataVersion(db)).toBe(before + 1);
  });

  it("follows a notified bump made outside the app's own transactions", async () => {
    const before = await getDataVersion(db);
    await db.transaction((connection) =>
      connection.exec(
        `WITH bumped AS (UPDATE data_version SET version = version + 1 WHERE id = 1 RETURNING version)
         SELECT pg_notify('data_version', version::text) FROM bumped`,
      ),
    );
    expect(await versionReadsDuring(reads, async () => expect(await getDataVersion(db)).toBe(before + 1))).toBe(0);
  });
});
