import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSeriesRoute } from "@/app/api/v1/series/route";
import { COVERAGE_STATUSES } from "@/lib/coverage";
import { closeSharedDatabase, type Database } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { viewOf } from "./support/view";
import type { ViewData } from "@/lib/view-data";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// The coverage view (view=coverage) on the seeded database, through the series API.

let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("coverage"));
  await prepareDatabase(db);
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await closeSharedDatabase();
  await db.close();
  await dropTestDatabase(url);
});

const series = (query: string) => getSeriesRoute(new Request(`http://test/api/v1/series?${query}`));
const json = async (query: string) => {
  const response = await series(query);
  expect(response.status, query).toBe(200);
  return (await response.json()) as ViewData;
};
const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

describe("GET /api/v1/series?view=coverage", () => {
  it("national zone counts: a sourced count in every year, none invented, none a partial sum", async () => {
    const body = await json("metric=park_count&level=nation&view=coverage&from=1991&to=2023");
    expect(body.state.view).toBe("coverage");
    expect(body.query).toBe("metric=park_count&view=coverage&level=nation");
    const coverage = body.coverage!;
    expect(coverage.years).toEqual(Array.from({ length: 33 }, (_, i) => 1991 + i));
    expect(coverage.places.map((p) => [p.code, p.nameEn, p.nameZh])).toEqual([["CN", "China (national)", "全国"]]);
    const statusIn = new Map(coverage.years.map((year, i) => [year, coverage.places[0]!.statuses[i]!]));

    // Every year has a figure, none invented.
    expect(coverage.counts.missing).toBe(0);
    expect(coverage.counts.sample).toBe(0);
    // Reported exactly in the years an edition printed a national count (the same view's rows say which).
    const printed = body.rows.filter((row) => !row.isComputed && !row.isLowerBound && !row.isSample).map((row) => row.year);
    expect(printed.length).toBeGreaterThan(10);
    for (const year of printed) expect(statusIn.get(year), String(year)).toBe("reported");
    expect(coverage.counts.reported).toBe(printed.length);
    for (const year of [1992, 2017, 2023]) expect(statusIn.get(year), String(year)).toBe("reported");
    expect(coverage.counts).toMatchObject({ reported: 33, computed: 0, partial: 0 });
    expect(total(coverage.counts)).toBe(33);
  });

  it("has a cell for every province and year, in catalogue order, and respects the geo selection", async () => {
    const all = (await json("metric=park_count&level=province&view=coverage")).coverage!;
    expect(all.places).toHaveLength(31);
    expect(all.places[0]).toMatchObject({ code: "110000", nameEn: "Beijing", nameZh: "北京" });
    expect(all.places.every((place) => place.statuses.length === all.years.length)).toBe(true);
    expect(total(all.counts)).toBe(31 * all.years.length);
    expect(Object.keys(all.counts)).toEqual([...COVERAGE_STATUSES]);

    const two = (await json("metric=park_count&level=province&geo=440000,110000&view=coverage&from=2000&to=2005")).coverage!;
    expect(two.places.map((p) => p.code)).toEqual(["110000", "440000"]);
    expect(two.places.map((p) => p.statuses)).toEqual([Array(6).fill("reported"), Array(6).fill("reported")]);
    expect(two.counts).toEqual({ reported: 12, computed: 0, partial: 0, sample: 0, missing: 0 });
  });

  it("marks the synthetic sample as sample and regions summed from provinces as computed", async () => {
    const sample = (await json("metric=tax_revenue&level=province&geo=110000&view=coverage&from=2010&to=2012")).coverage!;
    expect(sample.places[0]!.statuses).toEqual(["sample", "sample", "sample"]);
    const regions = (await json("metric=park_count&level=region&view=coverage&from=2000&to=2009")).coverage!;
    expect(regions.counts).toEqual({ reported: 0, computed: 40, partial: 0, sample: 0, missing: 0 });
  });

  it("is null in the other views, and the page's data has the same matrix", async () => {
    expect((await json("metric=park_count&level=nation")).coverage).toBeNull();
    const fromPage = await viewOf(db, { metric: "park_count", level: "nation", view: "coverage" });
    expect(fromPage.coverage).toEqual((await json("metric=park_count&level=nation&view=coverage")).coverage);
  });

  it("exports one CSV line per cell with its status", async () => {
    const response = await series("metric=park_count&level=province&geo=110000,440000&view=coverage&from=2008&to=2010&format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("geo_code,geography,geography_zh,year,status");
    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines[1]).toBe("110000,Beijing,北京,2008,reported");
    expect(lines.slice(1).every((line) => /^(110000|440000),[^,]+,[^,]+,20(08|09|10),(reported|computed|partial|sample|missing)$/.test(line))).toBe(true);
  });

  it("answers bad input with a 400 naming the parameter, as before", async () => {
    const response = await series("view=coverag");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ parameter: "view", allowed: ["trend", "compare", "map", "table", "coverage"] });
    const mode = await series("view=coverage&level=nation&mode=share");
    expect(mode.status).toBe(400);
    expect((await mode.json()).error).toMatchObject({ parameter: "mode" });
  });
});
