import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/server/db";
import { getHealth } from "@/lib/server/health";
import { readMigrationFiles } from "@/lib/server/migrate";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { getSeries } from "@/lib/server/queries/get-series";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

const MIGRATIONS = (await readMigrationFiles()).map((migration) => migration.name);
const LATEST_MIGRATION = MIGRATIONS.at(-1);

describe("health on PostgreSQL", () => {
  let db: Database;
  let url: string;
  beforeAll(async () => {
    ({ db, url } = await openTestDatabase("health"));
  });
  afterAll(async () => {
    await db.close();
    await dropTestDatabase(url);
  });

  it("reports an unmigrated database as unavailable, with what to run", async () => {
    const health = await getHealth({ kind: "postgres", url }, async () => db);
    expect(health).toEqual({
      status: "error",
      database: "postgres",
      error: { code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/npm run db:migrate/) },
    });
  });

  it("reports kind, migration and data version once prepared", async () => {
    await prepareDatabase(db);
    const health = await getHealth({ kind: "postgres", url }, async () => db);
    expect(health).toEqual({ status: "ok", database: "postgres", migration: LATEST_MIGRATION, dataVersion: 4, readModel: "resolving" });
  });

  it("starts resolving the data version for reading, and says when it is ready", async () => {
    await expect.poll(() => getHealth({ kind: "postgres", url }, async () => db)).toMatchObject({ status: "ok", readModel: "ready" });
  });
});

describe("health when PostgreSQL is unreachable", () => {
  it("says which server could not be reached and how to fix it", async () => {
    const url = "postgresql://postgres:secret@127.0.0.1:1/torch";
    const health = await getHealth({ kind: "postgres", url }, () => openDatabase({ kind: "postgres", url }));
    expect(health.status).toBe("error");
    if (health.status !== "error") return;
    expect(health.error.message).toBe(
      "Cannot reach PostgreSQL at 127.0.0.1:1/torch: is the server running? Start it, or fix DATABASE_URL (unset it to use the embedded database).",
    );
    expect(health.error.message).not.toContain("secret");
  });
});

describe("the embedded PGlite database", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "torch-pglite-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("is created, migrated and seeded on first open, and survives a restart", async () => {
    const dataDir = path.join(dir, "nested", "pglite"); // parent folders do not exist yet
    const first = await openDatabase({ kind: "embedded", dataDir });
    const prepared = await prepareDatabase(first);
    expect(prepared.migrationsApplied).toEqual(MIGRATIONS);
    expect(prepared.seeded?.written.map((e) => e.slug)).toEqual(["public-sources", "synthetic-sample", "public-sources-subnational"]);
    await first.close();

    const second = await openDatabase({ kind: "embedded", dataDir });
    try {
      const again = await prepareDatabase(second);
      expect(again).toEqual({ migrationsApplied: [], seeded: null, renamed: null });
      const health = await getHealth({ kind: "embedded", dataDir }, async () => second);
      expect(health).toEqual({ status: "ok", database: "embedded", migration: LATEST_MIGRATION, dataVersion: 4, readModel: "resolving" });
      const density = await getSeries(second, { metric: "hte_density", level: "NATION", from: 2017, to: 2017 });
      expect(density.points[0]?.value).toBeCloseTo(2.6486, 3);
    } finally {
      await second.close();
    }
  });

  it("explains a data folder that cannot be created", async () => {
    const blocker = path.join(dir, "a-file");
    await fs.writeFile(blocker, "not a folder");
    const dataDir = path.join(blocker, "pglite");
    await expect(openDatabase({ kind: "embedded", dataDir })).rejects.toThrow(
      `Cannot create the embedded database folder ${dataDir}: a file is in the way. Move it, or set DATA_DIR to another folder.`,
    );
  });
});
