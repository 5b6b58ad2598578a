import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// Observation's references to its edition and indicator are kept by
// statement-level triggers, not foreign keys (migration
// 20261215000000_observation_reference_triggers): the same rules, checked here
// one by one on both databases.

describe.each([
  ["PostgreSQL", "postgres"],
  ["PGlite", "embedded"],
] as const)("observation's references on %s", (_name, kind) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let editionId: number;

  const sql = (text: string, params: unknown[] = []) => db.withConnection((c) => c.query<Record<string, unknown>>(text, params));
  const insert = (edition: number, indicator: string, year: number) =>
    sql(
      `INSERT INTO observation (edition_id, indicator_code, year, geo_level, geo_code, value) VALUES ($1, $2, $3, 'NATION', 'CN', 1)`,
      [edition, indicator, year],
    );
  const countFor = async (edition: number) => Number((await sql(`SELECT count(*) AS n FROM observation WHERE edition_id = $1`, [edition]))[0]!.n);

  beforeAll(async () => {
    if (kind === "postgres") {
      const opened = await openTestDatabase("observation_references");
      db = opened.db;
      cleanup = () => dropTestDatabase(opened.url);
    } else {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "torch-references-"));
      db = await openDatabase({ kind: "embedded", dataDir: path.join(dir, "pglite") });
      cleanup = () => fs.rm(dir, { recursive: true, force: true });
    }
    await migrate(db);
    await sql(
      `INSERT INTO indicator (code, name_en, name_zh, unit, description_en, description_zh, is_additive, sort_order)
       VALUES ('firms', 'Firms', '企业数', 'count', '', '', true, 1), ('spare', 'Spare', '备用', 'count', '', '', true, 2)`,
    );
    editionId = Number((await sql(`INSERT INTO edition (slug, title, source) VALUES ('e1', 'E1', 'test') RETURNING id`))[0]!.id);
  }, 60_000);

  afterAll(async () => {
    await db.close();
    await cleanup();
  });

  it("takes observations of an edition and an indicator that exist", async () => {
    await insert(editionId, "firms", 2001);
    expect(await countFor(editionId)).toBe(1);
  });

  it("refuses an observation of an edition or an indicator that doesn't exist, as a foreign key would", async () => {
    await expect(insert(editionId + 1000, "firms", 2002)).rejects.toMatchObject({
      code: "23503",
      message: expect.stringContaining("observation_edition_id_fkey"),
    });
    await expect(insert(editionId, "no_such_indicator", 2002)).rejects.toMatchObject({
      code: "23503",
      message: expect.stringContaining("observation_indicator_code_fkey"),
    });
    await expect(sql(`UPDATE observation SET indicator_code = 'nope' WHERE edition_id = $1`, [editionId])).rejects.toMatchObject({ code: "23503" });
    expect(await countFor(editionId)).toBe(1);
  });

  it("refuses a many-row statement with one bad row, whole", async () => {
    await expect(
      sql(
        `INSERT INTO observation (edition_id, indicator_code, year, geo_level, geo_code, value)
         SELECT $1, CASE WHEN y = 2010 THEN 'nope' ELSE 'firms' END, y, 'NATION', 'CN', 1 FROM generate_series(2003, 2012) y`,
        [editionId],
      ),
    ).rejects.toMatchObject({ code: "23503" });
    expect(await countFor(editionId)).toBe(1);
  });

  it("keeps an indicator in use from being deleted, and passes a new code on", async () => {
    await expect(sql(`DELETE FROM indicator WHERE code = 'firms'`)).rejects.toMatchObject({ code: "23503" });
    await sql(`DELETE FROM indicator WHERE code = 'spare'`);
    await sql(`UPDATE indicator SET code = 'firms_renamed' WHERE code = 'firms'`);
    expect(await sql(`SELECT DISTINCT indicator_code FROM observation`)).toEqual([{ indicator_code: "firms_renamed" }]);
    await sql(`UPDATE indicator SET code = 'firms' WHERE code = 'firms_renamed'`);
  });

  it("deletes an edition's observations with it, and passes a new id on", async () => {
    const other = Number((await sql(`INSERT INTO edition (slug, title, source) VALUES ('e2', 'E2', 'test') RETURNING id`))[0]!.id);
    await insert(other, "firms", 2001);
    await sql(`UPDATE edition SET id = $1 WHERE id = $2`, [other + 500, other]);
    expect([await countFor(other), await countFor(other + 500)]).toEqual([0, 1]);
    await sql(`DELETE FROM edition WHERE id = $1`, [other + 500]);
    expect(await countFor(other + 500)).toBe(0);
    expect(await countFor(editionId)).toBe(1);
  });
});
