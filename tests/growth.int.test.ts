import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSeriesRoute } from "@/app/api/v1/series/route";
import { ZViewData } from "@/lib/api/series-response";
import { expandViewData } from "@/lib/compact-view-data";
import type { Database } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import type { CompactViewData, ViewData, ViewRow } from "@/lib/view-data";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// mode=growth through /api/v1/series on PostgreSQL with the seed: every growth rate is the
// one the absolute view's own figures give, and every figure without one is a gap with a reason.

let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("growth"));
  await prepareDatabase(db);
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

const series = (query: string) => getSeriesRoute(new Request(`http://test/api/v1/series?${query}`));

async function view(query: string): Promise<ViewData> {
  const response = await series(query);
  expect(response.status, query).toBe(200);
  return ZViewData.parse(await response.json());
}

const valueAt = (rows: readonly ViewRow[], geoCode: string, year: number) =>
  rows.find((row) => row.geoCode === geoCode && row.year === year);

describe("mode=growth in trend and table views", () => {
  it("gives each year the change on the year before of the absolute figures, the first year's against the year before it", async () => {
    const absolute = await view("metric=park_count&level=nation&from=2009&to=2017");
    const growth = await view("metric=park_count&level=nation&from=2010&to=2017&mode=growth");
    expect(growth.state.mode).toBe("growth");
    expect(growth.query).toBe("metric=park_count&level=nation&from=2010&to=2017&mode=growth");
    expect(growth.unit).toEqual({ unit: "percent", suffixEn: "change on previous year", suffixZh: "比上年增长" });
    expect(growth.metric.formulaEn).toBe("(value − value of the year before) ÷ value of the year before × 100");

    // Every year 2010–2017 is a rate or a gap, never both, never neither.
    const years = [...growth.rows.map((row) => row.year), ...growth.gaps.map((gap) => gap.year)].sort();
    expect(years).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017]);
    expect(growth.rows.length).toBeGreaterThan(0);
    for (const row of growth.rows) {
      const current = valueAt(absolute.rows, "CN", row.year)!;
      const previous = valueAt(absolute.rows, "CN", row.year - 1)!;
      expect(row.value).toBeCloseTo(((current.value - previous.value) / previous.value) * 100, 9);
      expect(row.isComputed).toBe(true);
      expect(row.note).toBe(
        `Computed: (${current.value} − ${previous.value}) ÷ ${previous.value} × 100, from the values of ${row.year} and ${row.year - 1}`,
      );
      expect(row.editions).toEqual([...new Set([...previous.editions, ...current.editions])].sort());
    }
    // 2017 against 2016: the article's 156 zones.
    const in2017 = valueAt(growth.rows, "CN", 2017)!;
    expect(valueAt(absolute.rows, "CN", 2017)!.value).toBe(156);
    expect(in2017.value).toBeCloseTo((156 / valueAt(absolute.rows, "CN", 2016)!.value - 1) * 100, 9);
    for (const gap of growth.gaps) {
      const current = valueAt(absolute.rows, "CN", gap.year);
      const previous = valueAt(absolute.rows, "CN", gap.year - 1);
      expect(current, `${gap.year}: a gap stands for a figure`).toBeDefined();
      expect(!previous || previous.isLowerBound || current!.isLowerBound || previous.value <= 0, `${gap.year}: ${gap.note}`).toBe(true);
    }
  });

  it("leaves lower bounds and the not-attributed row as gaps, with the reason, in the JSON and the CSV", async () => {
    const query = "metric=park_count&view=table&level=region&from=2016&to=2017&mode=growth";
    const absolute = await view("metric=park_count&view=table&level=region&from=2015&to=2017");
    const growth = await view(query);
    // The regions' counts after 2009 are sums of an incomplete registry: lower bounds, so no rates.
    const lowerBoundRegions = absolute.rows.filter((row) => row.isLowerBound && row.year === 2017);
    expect(lowerBoundRegions.length).toBeGreaterThan(0);
    for (const region of lowerBoundRegions) {
      expect(valueAt(growth.rows, region.geoCode, 2017)).toBeUndefined();
      expect(growth.gaps).toContainEqual(expect.objectContaining({ geoCode: region.geoCode, year: 2017, reason: "lower-bound" }));
    }
    const remainders = absolute.rows.filter((row) => row.isRemainder && row.year >= 2016);
    expect(remainders.length).toBeGreaterThan(0);
    for (const remainder of remainders) {
      expect(growth.gaps).toContainEqual(
        expect.objectContaining({ geoCode: remainder.geoCode, year: remainder.year, reason: "remainder", isRemainder: true }),
      );
    }
    // Each figure of the absolute table in 2016–2017 is a rate or a gap.
    expect(growth.rows.length + growth.gaps.length).toBe(absolute.rows.filter((row) => row.year >= 2016).length);

    const csv = await (await series(`${query}&format=csv`)).text();
    const gapLine = csv.split("\r\n").find((line) => line.startsWith(`${lowerBoundRegions[0]!.geoCode},`) && line.includes(",2017,"))!;
    expect(gapLine.split(",").slice(3, 7)).toEqual(["2017", "park_count", "", "% change on previous year"]);
    expect(gapLine).toContain("Not computed: the value for");
  });

  it("answers the same gaps in the compact shape", async () => {
    const query = "metric=park_count&view=table&level=region&from=2016&to=2017&mode=growth";
    const compact = (await (await series(`${query}&shape=compact`)).json()) as CompactViewData;
    expect(expandViewData(compact)).toEqual(await view(query));
    expect(compact.gaps.length).toBeGreaterThan(0);
  });

  it("refuses a log scale with a 400 naming the parameter", async () => {
    const response = await series("metric=park_count&level=nation&mode=growth&scale=log");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "BAD_REQUEST", parameter: "scale" });
  });
});

describe("mode=growth in compare and map views", () => {
  it("gives each place its compound annual growth rate from `from` to `year`, from the absolute figures of both years", async () => {
    const [first, last, growth] = await Promise.all([
      view("metric=registered_firms&view=compare&level=region&to=2010&edition=synthetic-sample"),
      view("metric=registered_firms&view=compare&level=region&to=2017&edition=synthetic-sample"),
      view("metric=registered_firms&view=compare&level=region&from=2010&to=2017&mode=growth&edition=synthetic-sample"),
    ]);
    expect(growth.unit).toEqual({ unit: "percent", suffixEn: "a year, CAGR 2010–2017", suffixZh: "2010–2017年年均复合增长" });
    expect(growth.metric.formulaEn).toBe("((value in 2017 ÷ value in 2010)^(1 ÷ 7) − 1) × 100");
    // The eastern region's totals take in Suzhou Industrial Park from 2015 (a break in series): no rate across it.
    expect(growth.gaps.filter((gap) => gap.geoCode === "eastern").map((gap) => [gap.reason, gap.years])).toEqual([["break", [2015]]]);
    const places = last.rows.filter((row) => !row.isRemainder && !row.isLowerBound && row.geoCode !== "eastern");
    expect(places.length).toBe(3);
    for (const end of places) {
      const start = valueAt(first.rows, end.geoCode, 2010)!;
      const rate = valueAt(growth.rows, end.geoCode, 2017)!;
      expect(rate.value, end.geoCode).toBeCloseTo(((end.value / start.value) ** (1 / 7) - 1) * 100, 9);
      expect(start.value * (1 + rate.value / 100) ** 7).toBeCloseTo(end.value, 3);
      expect(rate.isSample).toBe(true);
    }
  });

  it("on the map, a rate for each province from its figures, a gap where the first year is zero, missing or a lower bound", async () => {
    // The registry's province counts are exact up to 2009.
    const [first, last, map] = await Promise.all([
      view("metric=park_count&view=map&to=2000"),
      view("metric=park_count&view=map&to=2009"),
      view("metric=park_count&view=map&from=2000&to=2009&mode=growth"),
    ]);
    expect(map.level).toBe("province");
    expect(map.unit.suffixEn).toBe("a year, CAGR 2000–2009");
    expect(map.rows.length).toBeGreaterThan(10);
    const reasons = new Set<string>();
    for (const end of last.rows) {
      const start = valueAt(first.rows, end.geoCode, 2000);
      const rate = valueAt(map.rows, end.geoCode, 2009);
      const gap = map.gaps.find((g) => g.geoCode === end.geoCode);
      expect(Boolean(rate) !== Boolean(gap), end.geoCode).toBe(true);
      if (rate) expect(rate.value, end.geoCode).toBeCloseTo(((end.value / start!.value) ** (1 / 9) - 1) * 100, 9);
      else reasons.add(gap!.reason);
      if (start && start.value === 0) expect(gap?.reason).toBe("not-positive");
    }
    expect(reasons.size).toBeGreaterThan(0);

    const noSpan = await view("metric=park_count&view=compare&level=nation&from=2017&to=2017&mode=growth");
    expect(noSpan.rows).toEqual([]);
    expect(noSpan.gaps).toEqual([expect.objectContaining({ geoCode: "CN", year: 2017, reason: "no-span", years: [2017, 2017] })]);
  });
});
