import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/server/db";
import { publishEdition, retireEdition } from "@/lib/server/editions/edition-lifecycle";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { createUser } from "@/lib/server/users/create-user";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";
import { uploadCsvDraft } from "./support/upload";

// The catalogue's indicators, levels and year span come from published editions only: a draft adds
// nothing, its publication adds its years, its retirement takes them away. Checked against plain SQL
// over every published observation (the catalogue walks the unique key instead), on PostgreSQL and on
// the embedded PGlite database.

/** What the catalogue should say, by a full scan of the published observations. */
async function publishedSpans(db: Database) {
  const published = `FROM observation o JOIN edition e ON e.id = o.edition_id WHERE e.status = 'PUBLISHED'`;
  const [years] = await db.query<{ min: number; max: number }>(`SELECT min(o.year) AS min, max(o.year) AS max ${published}`);
  const indicators = await db.query<{ code: string }>(`SELECT DISTINCT o.indicator_code AS code ${published} ORDER BY 1`);
  const levels = await db.query<{ level: string }>(`SELECT DISTINCT lower(o.geo_level::text) AS level ${published} ORDER BY 1`);
  return { years: { min: years!.min, max: years!.max }, indicators: indicators.map((row) => row.code), levels: levels.map((row) => row.level) };
}

async function catalogueSpans(db: Database) {
  const catalogue = await getCatalogue(db);
  const reported = catalogue.metricInfo.filter((metric) => !metric.isDerived).map((metric) => metric.code);
  return { years: catalogue.years, indicators: [...reported].sort(), levels: [...catalogue.levelsWithData].sort() };
}

async function checkCatalogue(db: Database): Promise<void> {
  await prepareDatabase(db);
  const editor = { email: "catalogue@example.org", role: "editor" as const, password: "a long enough test password" };
  const editorId = (await createUser(db, editor, null)).id;
  const seed = await catalogueSpans(db);
  expect(seed).toEqual(await publishedSpans(db));

  const csv = "year,level,geo,indicator,value,unit\n2026,province,460000,registered_firms,4321,家\n";
  const draft = await uploadCsvDraft(db, { title: "A later year", source: "Test", yearbookYear: 2027, fileName: "later.csv" }, csv, editorId);
  expect((await catalogueSpans(db)).years).toEqual(seed.years);

  await publishEdition(db, draft.id, editorId);
  expect((await catalogueSpans(db)).years).toEqual({ min: seed.years.min, max: 2026 });
  expect(await catalogueSpans(db)).toEqual(await publishedSpans(db));

  await retireEdition(db, draft.id, editorId);
  expect(await catalogueSpans(db)).toEqual(seed);
}

describe("the catalogue", () => {
  it("names the indicators, levels and years of published editions, a draft's only once it is published", async () => {
    const { db, url } = await openTestDatabase("catalogue");
    try {
      await checkCatalogue(db);
    } finally {
      await db.close();
      await dropTestDatabase(url);
    }
  });

  it("does the same on the embedded PGlite database", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torch-catalogue-pglite-"));
    const db = await openDatabase({ kind: "embedded", dataDir: path.join(dir, "pglite") });
    try {
      await checkCatalogue(db);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
