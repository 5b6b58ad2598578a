import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDiffCsv } from "@/app/editions/[slug]/diff.csv/route";
import type { Database } from "@/lib/server/db";
import { publishEdition, retireEdition } from "@/lib/server/editions/edition-lifecycle";
import { getEditionChanges, listReaderEditions } from "@/lib/server/editions/reader-editions";
import { uploadEdition } from "@/lib/server/editions/upload-edition";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { createUser } from "@/lib/server/users/create-user";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

let db: Database;
let url: string;
let editorId: string;
const slugs: Record<"first" | "second" | "draft" | "retired", string> = { first: "", second: "", draft: "", retired: "" };

const HEADER = "year,level,geo,indicator,value,unit,note,source_ref";

async function* bytes(text: string): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode(text);
}

/** Uploads a tiny long-layout CSV as an editor would; publishes it unless asked not to. */
async function upload(title: string, rows: string[], publish = true): Promise<string> {
  const outcome = await uploadEdition(db, { title, source: `Test yearbook: ${title}`, yearbookYear: 2025, fileName: "test.csv" }, bytes([HEADER, ...rows].join("\n")), editorId);
  if (outcome.status !== "draft") throw new Error(`upload refused: ${JSON.stringify(outcome.report.problems)}`);
  if (publish) await publishEdition(db, outcome.edition.id, editorId);
  return outcome.edition.slug;
}

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("reader_editions"));
  await prepareDatabase(db);
  process.env.DATABASE_URL = url;
  editorId = (await createUser(db, { email: "editions-test@example.org", role: "editor", password: "a long enough test password" }, null)).id;
  // 2024 at province level: no seed edition reports it (the sample stops in 2023), so the hand-computed case is exact.
  slugs.first = await upload("Torch Yearbook 2025 test", [
    "2024,province,460000,registered_firms,1000,家,,table 1",
    "2024,province,640000,registered_firms,500,家,,table 1",
    "2024,province,650000,registered_firms,700,家,,table 1",
    "2024,province,460000,high_tech_enterprises,80,家,,table 2",
  ]);
  slugs.second = await upload("Torch Yearbook 2025 test corrected", [
    "2024,province,460000,registered_firms,1250,家,,table 1", // revised +25%
    "2024,province,650000,registered_firms,700,家,,table 1", // unchanged; Ningxia (640000) dropped
    "2024,province,460000,high_tech_enterprises,50,家,,table 2", // revised −37.5%
    "2024,province,640000,high_tech_enterprises,30,家,,table 2", // added
  ]);
  slugs.draft = await upload("Torch Yearbook draft test", ["2024,province,460000,registered_firms,9999,家,,table 1"], false);
  slugs.retired = await upload("Torch Yearbook retired test", ["2024,province,110000,employees,12,人,,table 9"]);
  const retired = await db.prisma.edition.findUniqueOrThrow({ where: { slug: slugs.retired }, select: { id: true } });
  await retireEdition(db, retired.id, editorId);
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

describe("/editions", () => {
  it("lists published editions newest first with counts, the sample flagged, and retired ones apart; never drafts", async () => {
    const { published, retired } = await listReaderEditions(db);
    expect(published.map((e) => e.slug)).toEqual([slugs.second, slugs.first, "public-sources-subnational", "synthetic-sample", "public-sources"]);
    expect(published.find((e) => e.slug === slugs.second)).toMatchObject({ figures: 4, indicators: 2, years: { min: 2024, max: 2024 }, isSample: false });
    expect(published.find((e) => e.slug === "synthetic-sample")!.isSample).toBe(true);
    expect(retired.map((e) => e.slug)).toEqual([slugs.retired]);
    expect([...published, ...retired].some((e) => e.slug === slugs.draft)).toBe(false);
  });
});

describe("/editions/<slug>: what an edition changed", () => {
  it("matches the hand-computed case: added, revised (old → new, %), dropped, unchanged", async () => {
    const result = await getEditionChanges(db, slugs.second);
    expect(result.totals).toEqual({ added: 1, revised: 2, dropped: 1, unchanged: 1 });
    expect(result.comparedWith.map((e) => e.slug)).toEqual(["public-sources", "synthetic-sample", "public-sources-subnational", slugs.first]);
    expect(result.changes.map((c) => [c.kind, c.indicatorCode, c.geoCode, c.geoNameEn, c.year, c.old, c.new, c.pctChange, c.unit])).toEqual([
      ["added", "high_tech_enterprises", "640000", "Ningxia", 2024, null, 30, null, "firms"],
      ["revised", "high_tech_enterprises", "460000", "Hainan", 2024, 80, 50, -37.5, "firms"],
      ["revised", "registered_firms", "460000", "Hainan", 2024, 1000, 1250, 25, "firms"],
      ["dropped", "registered_firms", "640000", "Ningxia", 2024, 500, null, null, "firms"],
    ]);
  });

  it("the first upload added everything it reported", async () => {
    const result = await getEditionChanges(db, slugs.first);
    expect(result.totals).toEqual({ added: 4, revised: 0, dropped: 0, unchanged: 0 });
  });

  it("filters by indicator and by geography, and offers only what the changes contain", async () => {
    const byIndicator = await getEditionChanges(db, slugs.second, { indicator: "registered_firms" });
    expect(byIndicator.changes.map((c) => [c.kind, c.geoCode])).toEqual([["revised", "460000"], ["dropped", "640000"]]);
    const byGeo = await getEditionChanges(db, slugs.second, { geo: "640000" });
    expect(byGeo.changes.map((c) => [c.kind, c.indicatorCode])).toEqual([["added", "high_tech_enterprises"], ["dropped", "registered_firms"]]);
    expect(byGeo.totals.revised).toBe(2);
    expect(byGeo.indicators.map((i) => i.code)).toEqual(["registered_firms", "high_tech_enterprises"]);
    expect(byGeo.geos.map((g) => g.code)).toEqual(["460000", "640000"]);
  });

  it("is there for retired editions, not for drafts or unknown slugs", async () => {
    expect((await getEditionChanges(db, slugs.retired)).edition.status).toBe("RETIRED");
    await expect(getEditionChanges(db, slugs.draft)).rejects.toThrow(/No published edition/);
    await expect(getEditionChanges(db, "no-such-edition")).rejects.toThrow(/No published edition/);
  });
});

describe("GET /editions/<slug>/diff.csv", () => {
  const csv = (slug: string, query = "") =>
    getDiffCsv(new Request(`http://test/editions/${slug}/diff.csv${query ? `?${query}` : ""}`), { params: Promise.resolve({ slug }) });

  it("downloads the changes with the documented columns, unit and % change", async () => {
    const response = await csv(slugs.second);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="torch-atlas-${slugs.second}-changes.csv"`);
    expect(response.headers.get("etag")).toMatch(/^"v\d+-/);
    expect((await response.text()).split("\r\n")).toEqual([
      "change,indicator,year,level,geo_code,geo_name,old,new,unit,pct_change",
      "added,high_tech_enterprises,2024,province,640000,Ningxia,,30,firms,",
      "revised,high_tech_enterprises,2024,province,460000,Hainan,80,50,firms,-37.5",
      "revised,registered_firms,2024,province,460000,Hainan,1000,1250,firms,25",
      "dropped,registered_firms,2024,province,640000,Ningxia,500,,firms,",
      "",
    ]);
  });

  it("applies the filter, answers 304 to a current ETag", async () => {
    const response = await csv(slugs.second, "indicator=high_tech_enterprises&geo=460000");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines).toEqual(["change,indicator,year,level,geo_code,geo_name,old,new,unit,pct_change", "revised,high_tech_enterprises,2024,province,460000,Hainan,80,50,firms,-37.5"]);
    const again = await getDiffCsv(
      new Request(`http://test/editions/${slugs.second}/diff.csv?indicator=high_tech_enterprises&geo=460000`, { headers: { "if-none-match": response.headers.get("etag")! } }),
      { params: Promise.resolve({ slug: slugs.second }) },
    );
    expect(again.status).toBe(304);
  });

  it("answers 404 for drafts and unknown slugs, 400 for a bad filter", async () => {
    expect((await csv(slugs.draft)).status).toBe(404);
    expect(await (await csv("no-such-edition")).json()).toEqual({ error: { code: "NOT_FOUND", message: 'No published edition "no-such-edition"' } });
    const bad = await csv(slugs.second, "indicator=gdp");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "BAD_REQUEST", parameter: "indicator", allowed: expect.arrayContaining(["registered_firms"]) } });
    expect(await (await csv(slugs.second, "geo=atlantis")).json()).toMatchObject({ error: { parameter: "geo" } });
    expect(await (await csv(slugs.second, "format=xlsx")).json()).toMatchObject({ error: { parameter: "format", allowed: ["indicator", "geo"] } });
  });
});
