import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/server/db";
import { LISTENER_APPLICATION_NAME } from "@/lib/server/postgres-listener";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { changePublishedData, getDataVersion } from "@/lib/server/queries/data-version";
import { createTestDatabase, dropTestDatabase, TEST_DATABASE_URL } from "./support/test-database";

// A streaming replica takes too long to make for a unit test, so a copy of the
// primary's database plays one: its data_version is set by hand, and one
// observation differs, so a read shows which of the two answered it.

const CLOSED_PORT_URL = "postgresql://postgres@127.0.0.1:1/nowhere";

let primaryUrl: string;
let copyUrl: string;
let copy: pg.Client;
const opened: Database[] = [];
/** The observation whose value differs between the primary and the copy. */
let observationId: string;
let primaryValue: number;
const COPY_VALUE = -12345;

const databaseName = (url: string) => new URL(url).pathname.slice(1);

async function open(replicaUrls: string[]): Promise<Database> {
  const db = await openDatabase({ kind: "postgres", url: primaryUrl, replicaUrls });
  opened.push(db);
  return db;
}

/** The differing observation's value as `db`'s read path sees it at `version`. */
async function readValue(db: Database, version: number): Promise<number> {
  const [row] = await db.readAtVersion<{ value: number }>(version, `SELECT value FROM observation WHERE id = $1`, [observationId]);
  return row!.value;
}

async function connectToCopy(): Promise<void> {
  copy = new pg.Client({ connectionString: copyUrl });
  // Cut off on purpose when the copy plays a replica that is down.
  copy.on("error", () => {});
  await copy.connect();
}

async function setCopyVersion(version: number): Promise<void> {
  await copy.query(`UPDATE data_version SET version = $1 WHERE id = 1`, [version]);
}

/** Reads `times` times, a few ms apart: every value seen. */
async function valuesOver(db: Database, version: number, times = 20): Promise<Set<number>> {
  const seen = new Set<number>();
  for (let i = 0; i < times; i++) {
    seen.add(await readValue(db, version));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return seen;
}

beforeAll(async () => {
  primaryUrl = await createTestDatabase("replicas_primary");
  const setup = await openDatabase({ kind: "postgres", url: primaryUrl });
  try {
    await prepareDatabase(setup);
    const [row] = await setup.query<{ id: string; value: number }>(`SELECT id::text, value FROM observation ORDER BY id LIMIT 1`);
    ({ id: observationId, value: primaryValue } = row!);
  } finally {
    await setup.close();
  }
  copyUrl = await createTestDatabase("replicas_copy", primaryUrl);
  await connectToCopy();
  await copy.query(`UPDATE observation SET value = $1 WHERE id = $2`, [COPY_VALUE, observationId]);
});

afterAll(async () => {
  await Promise.all(opened.map((db) => db.close()));
  await copy.end();
  await dropTestDatabase(copyUrl);
  await dropTestDatabase(primaryUrl);
});

describe("reads with a read replica", () => {
  it("read from the primary while the replica is behind the version served, from the replica once it has it", async () => {
    const db = await open([copyUrl]);
    const version = await getDataVersion(db);
    await setCopyVersion(version - 1);
    expect(await valuesOver(db, version)).toEqual(new Set([primaryValue]));

    await setCopyVersion(version);
    await expect.poll(() => readValue(db, version), { timeout: 2_000, interval: 10 }).toBe(COPY_VALUE);
    expect(await valuesOver(db, version)).toEqual(new Set([COPY_VALUE]));

    // A publish moves the version on: the replica is left out until it has caught up with it.
    await changePublishedData(db, (_tx, bump) => bump());
    const next = await getDataVersion(db);
    expect(next).toBe(version + 1);
    expect(await valuesOver(db, next)).toEqual(new Set([primaryValue]));
    await setCopyVersion(next);
    await expect.poll(() => readValue(db, next), { timeout: 2_000, interval: 10 }).toBe(COPY_VALUE);
  });

  it("still reads, from the primary, when the replica cannot be reached", async () => {
    const db = await open([CLOSED_PORT_URL]);
    const version = await getDataVersion(db);
    expect(await valuesOver(db, version)).toEqual(new Set([primaryValue]));
  });

  it("skips a replica that is down and uses the others; takes it back once it answers again", async () => {
    const db = await open([CLOSED_PORT_URL, copyUrl]);
    const version = await getDataVersion(db);
    await setCopyVersion(version);
    await expect.poll(() => readValue(db, version), { timeout: 2_000, interval: 10 }).toBe(COPY_VALUE);
    expect(await valuesOver(db, version)).toEqual(new Set([COPY_VALUE]));

    // The copy goes down: its connections are cut and no new one is let in.
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${databaseName(copyUrl)}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
        databaseName(copyUrl),
      ]);
      expect(await valuesOver(db, version)).toEqual(new Set([primaryValue]));
      await admin.query(`ALTER DATABASE "${databaseName(copyUrl)}" ALLOW_CONNECTIONS true`);
    } finally {
      await admin.end();
    }
    await expect.poll(() => readValue(db, version), { timeout: 5_000, interval: 20 }).toBe(COPY_VALUE);
    await connectToCopy();
  });

  it("keeps Prisma, plain queries, transactions and the version listener on the primary", async () => {
    const db = await open([copyUrl]);
    const version = await getDataVersion(db);
    await setCopyVersion(version);
    await expect.poll(() => readValue(db, version), { timeout: 2_000, interval: 10 }).toBe(COPY_VALUE);

    const valueIn = (rows: { value: number }[]) => rows[0]!.value;
    const select = `SELECT value FROM observation WHERE id = ${Number(observationId)}`;
    expect(valueIn(await db.query<{ value: number }>(select))).toBe(primaryValue);
    expect(valueIn(await db.transaction((connection) => connection.query<{ value: number }>(select)))).toBe(primaryValue);
    expect(valueIn(await db.withConnection((connection) => connection.query<{ value: number }>(select)))).toBe(primaryValue);
    expect(valueIn(await db.prisma.$queryRawUnsafe<{ value: number }[]>(select))).toBe(primaryValue);

    const listeners = await db.query<{ datname: string }>(
      `SELECT datname FROM pg_stat_activity WHERE application_name = $1 AND datname = ANY($2::text[])`,
      [LISTENER_APPLICATION_NAME, [databaseName(primaryUrl), databaseName(copyUrl)]],
    );
    expect(listeners.length).toBeGreaterThan(0);
    expect(new Set(listeners.map((row) => row.datname))).toEqual(new Set([databaseName(primaryUrl)]));
  });
});
