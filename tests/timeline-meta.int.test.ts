import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMeta } from "@/app/api/v1/meta/route";
import { GET as getSeries } from "@/app/api/v1/series/route";
import type { PolicyEvent } from "@/lib/policy-events";
import type { Database } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import type { SeriesBreak } from "@/lib/series-breaks";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("timeline"));
  await prepareDatabase(db);
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

interface MetaBody {
  metrics: { code: string; breaks: SeriesBreak[] }[];
  events: PolicyEvent[];
}

const meta = async () => (await (await getMeta(new Request("http://test/api/v1/meta"))).json()) as MetaBody;

describe("GET /api/v1/meta: the policy timeline and breaks in series", () => {
  it("lists the events in date order, each with a line in both languages and its source", async () => {
    const { events } = await meta();
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    expect(events.find((e) => e.date === "1992-11-09")).toMatchObject({
      year: 1992,
      labelEn: "Second batch",
      titleZh: expect.stringContaining("国函〔1992〕169号"),
      source: "State Council document 国函〔1992〕169号",
      sourceUrl: "http://m.yestaryl.com/law/1/28274.html",
      confidence: "high",
    });
    for (const event of events) {
      expect(event.titleEn && event.titleZh && event.source).toBeTruthy();
    }
  });

  it("gives every metric its breaks: year, what changed in both languages, source", async () => {
    const { metrics } = await meta();
    const breaksOf = (code: string) => metrics.find((m) => m.code === code)?.breaks;
    expect(breaksOf("park_count")).toEqual([]);
    expect(breaksOf("exports")?.map((b) => b.year)).toEqual([2011, 2015, 2020]);
    expect(breaksOf("tax_revenue")?.[1]).toMatchObject({
      year: 2017,
      lastYearBefore: 2013,
      changeZh: "上缴税额改为上缴税费",
      source: expect.stringContaining("企业实际上缴税费"),
      sourceUrl: expect.stringMatching(/^http/),
    });
    expect(breaksOf("revenue")?.find((b) => b.places !== null)).toMatchObject({ year: 2015, places: ["CN", "eastern", "320000"] });
    for (const metric of metrics) expect(Array.isArray(metric.breaks)).toBe(true);
  });

  it("takes events=off in views, which the canonical query keeps", async () => {
    const response = await getSeries(new Request("http://test/api/v1/series?metric=revenue&level=nation&events=off"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { query: string; state: { events: string } };
    expect(body.state.events).toBe("off");
    expect(body.query).toBe("metric=revenue&level=nation&events=off");
    const bad = await getSeries(new Request("http://test/api/v1/series?metric=revenue&events=maybe"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { parameter: string } }).error.parameter).toBe("events");
  });
});
