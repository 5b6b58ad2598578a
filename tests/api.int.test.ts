import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMeta } from "@/app/api/v1/meta/route";
import { GET as getSeriesRoute } from "@/app/api/v1/series/route";
import type { Database } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import type { ViewData } from "@/lib/view-data";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("api"));
  await prepareDatabase(db);
  // A figure whose note a spreadsheet would run as a formula.
  await db.prisma.edition.create({
    data: {
      slug: "formula-test",
      title: "formula test",
      source: "=HYPERLINK(\"http://evil\")",
      status: "PUBLISHED",
      publishedAt: new Date("2030-01-01"),
      observations: {
        create: [{ indicatorCode: "tax_revenue", geoLevel: "PROVINCE", geoCode: "460000", year: 2030, value: 5, note: "=1+1", sourceRef: "@SUM(A1)" }],
      },
    },
  });
  await db.prisma.dataVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

const series = (query: string, headers: Record<string, string> = {}) =>
  getSeriesRoute(new Request(`http://test/api/v1/series?${query}`, { headers }));

describe("GET /api/v1/series", () => {
  it("answers the same view as the page, with units, editions and sources", async () => {
    const response = await series("metric=registered_firms&level=nation&from=2017&to=2017");
    expect(response.status).toBe(200);
    const body = (await response.json()) as ViewData;
    expect(body.query).toBe("metric=registered_firms&level=nation&from=2017&to=2017");
    expect(body.unit).toEqual({ unit: "firms" });
    expect(body.rows).toEqual([
      expect.objectContaining({ geoCode: "CN", year: 2017, value: 1_850_000, editions: ["public-sources"], isSample: false }),
    ]);
    expect(body.editions.map((e) => e.slug)).toEqual(["public-sources"]);
  });

  it("computes modes: share of national sums to 100% over the regions", async () => {
    const body = (await (await series("metric=registered_firms&level=region&mode=share&from=2010&to=2010")).json()) as ViewData;
    expect(body.unit).toEqual({ unit: "percent", suffixEn: "of national total", suffixZh: "占全国" });
    expect(body.rows).toHaveLength(4);
    expect(body.rows.reduce((sum, row) => sum + row.value, 0)).toBeCloseTo(100, 6);
  });

  it("sends ETag and Cache-Control, and 304 when the client has the data", async () => {
    const first = await series("metric=park_count&level=nation");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"v\d+-/);
    expect(first.headers.get("cache-control")).toMatch(/public, max-age=60/);
    const again = await series("level=nation&metric=park_count", { "if-none-match": etag });
    expect(again.status).toBe(304);
  });

  it("answers bad parameters with a 400 naming the parameter and the allowed values", async () => {
    const response = await series("view=pie");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "BAD_REQUEST", message: 'Unknown view "pie"; showing trend.', parameter: "view", allowed: ["trend", "compare", "map", "table", "coverage"] },
    });
    const unknown = await series("colour=red");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatchObject({ message: 'Unknown parameter "colour"', parameter: "colour" });
    expect((await series("format=xml")).status).toBe(400);
    const tooLong = await series(`geo=${"1".repeat(2_001)}`);
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error).toMatchObject({ parameter: "geo", message: "geo is longer than 2000 characters" });
    const backwards = await series("metric=registered_firms&level=nation&from=2019&to=2010");
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).error).toMatchObject({ parameter: "from", message: "from (2019) was after to (2010); swapped them." });
  });

  it("never answers 5xx to malformed input", async () => {
    for (const query of ["metric=%00", "geo=,,,", "from=-1&to=1e9", "year=NaN", "edition=../../etc", "lang=fr&scale=", "level=park&mode=share", "%ZZ=1"]) {
      const response = await series(query);
      expect(response.status, query).toBeLessThan(500);
    }
  });

  it("exports CSV with the table's rows and neutralises formula cells", async () => {
    const response = await series("metric=tax_revenue&level=province&geo=460000&from=2030&to=2030&format=csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, line] = (await response.text()).trim().split("\r\n");
    expect(header).toBe("geo_code,geography,geography_zh,year,metric,value,unit,editions,synthetic_sample,computed,confidence,source,note,lower_bound,remainder,note_zh");
    expect(line).toBe("460000,Hainan,海南,2030,tax_revenue,5,yuan,formula-test,false,false,,'@SUM(A1),'=1+1,false,false,");
  });
});

describe("GET /api/v1/meta", () => {
  it("lists metrics with units and descriptions, geographies, editions and years", async () => {
    const response = await getMeta(new Request("http://test/api/v1/meta"));
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBeTruthy();
    const body = await response.json();
    expect(body.provinces).toHaveLength(31);
    expect(body.regions).toHaveLength(4);
    expect(body.parks).toHaveLength(127);
    expect(body.metrics.find((m: { code: string }) => m.code === "hte_density")).toMatchObject({
      unit: { unit: "percent", suffixEn: "of registered firms" },
      formulaEn: "high-tech enterprises ÷ registered firms × 100",
    });
    expect(body.editions.map((e: { slug: string }) => e.slug)).toEqual(["public-sources", "synthetic-sample", "public-sources-subnational", "formula-test"]);
    expect(body.years).toEqual({ min: 1988, max: 2030 });
  });
});
