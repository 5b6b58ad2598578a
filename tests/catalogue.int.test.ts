import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db";
import { publishEdition, retireEdition } from "@/lib/server/editions/edition-lifecycle";
import { uploadEdition } from "@/lib/server/editions/upload-edition";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { createUser } from "@/lib/server/users/create-user";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// The catalogue's indicators, levels and year span come from published editions only: a draft adds
// nothing, its publication adds its years, its retirement takes them away. Checked against plain SQL
// over every published observation (the catalogue walks the unique key instead).

let db: Database;
let url: string;
let editorId: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("catalogue"));
  await prepareDatabase(db);
  const editor = { email: "catalogue@example.org", role: "editor" as const, password: "a long enough test password" };
  editorId = (await createUser(db, editor, null)).id;
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

async function* body(text: string) {
  yield new TextEncoder().encode(text);
}

/** What the catalogue should say, by a full scan of the published observations. */
async function publishedSpans() {
  const published = `FROM observation o JOIN edition e ON e.id = o.edition_id WHERE e.status = 'PUBLISHED'`;
  const [years] = await db.query<{ min: number; max: number }>(`SELECT min(o.year) AS min, max(o.year) AS max ${published}`);
  const indicators = await db.query<{ code: string }>(`SELECT DISTINCT o.indicator_code AS code ${published} ORDER BY 1`);
  const levels = await db.query<{ level: string }>(`SELECT DISTINCT lower(o.geo_level::text) AS level ${published}`);
  return { years: { min: years!.min, max: years!.max }, indicators: indicators.map((row) => row.code), levels: levels.map((row) => row.level) };
}

async function catalogueSpans() {
  const catalogue = await getCatalogue(db);
  const reported = catalogue.metricInfo.filter((metric) => !metric.isDerived).map((metric) => metric.code);
  return { years: catalogue.years, indicators: [...reported].sort(), levels: catalogue.levelsWithData };
}

describe("the catalogue", () => {
  it("names the indicators, levels and years of published editions, a draft's only once it is published", async () => {
    const seed = await catalogueSpans();
    expect(seed.years).toEqual((await publishedSpans()).years);
    expect(seed.indicators).toEqual((await publishedSpans()).indicators);
    expect([...seed.levels].sort()).toEqual([...(await publishedSpans()).levels].sort());

    const csv = "year,level,geo,indicator,value,unit\n2026,province,460000,registered_firms,4321,家\n";
    const upload = await uploadEdition(
      db,
      { title: "A later year", source: "Test", yearbookYear: 2027, fileName: "later.csv" },
      body(csv),
      editorId,
    );
    if (upload.status !== "draft") throw new Error(JSON.stringify(upload.report.problems));
    expect((await catalogueSpans()).years).toEqual(seed.years);

    await publishEdition(db, upload.edition.id, editorId);
    expect((await catalogueSpans()).years).toEqual({ min: seed.years.min, max: 2026 });
    expect((await catalogueSpans()).years).toEqual((await publishedSpans()).years);

    await retireEdition(db, upload.edition.id, editorId);
    expect((await catalogueSpans()).years).toEqual(seed.years);
  });
});
