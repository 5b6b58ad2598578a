import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSeriesRoute } from "@/app/api/v1/series/route";
import { POST as createShortLinkRoute } from "@/app/api/v1/short-links/route";
import { closeSharedDatabase, type Database } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { findShortLink } from "@/lib/server/short-links/find-short-link";
import { sortTableRows, tableOrderOf, TABLE_SORTS } from "@/lib/table-sort";
import type { ViewData } from "@/lib/view-data";
import { rankZones } from "@/lib/zone-ranking";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";
import { viewOf } from "./support/view";

// The table's sort through the API, short links and the page's read, on the reference data:
// zones' revenue in 2020, where Zhongguancun stands head and shoulders above the rest.

let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("table_sort"));
  await prepareDatabase(db);
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await closeSharedDatabase();
  await db.close();
  await dropTestDatabase(url);
});

const ZONE_REVENUE_2020 = "metric=revenue&view=table&level=park&from=2020&to=2020";
const series = (query: string) => getSeriesRoute(new Request(`http://test/api/v1/series?${query}`));

describe("GET /api/v1/series with sort", () => {
  it("takes every sort into the view it answers, the canonical query carrying it unless it is the view's default", async () => {
    for (const sort of TABLE_SORTS) {
      const response = await series(`${ZONE_REVENUE_2020}&sort=${sort}`);
      expect(response.status, sort).toBe(200);
      const body = (await response.json()) as ViewData;
      expect(body.state.sort).toBe(sort);
      expect(body.query).toBe(sort === "place" ? ZONE_REVENUE_2020 : `${ZONE_REVENUE_2020}&sort=${sort}`);
    }
    const compare = (await (await series("metric=revenue&view=compare&level=park&year=2020&to=2020&sort=value-desc")).json()) as ViewData;
    expect(compare.query).toBe("metric=revenue&view=compare&level=park&to=2020");
  });

  it("gives each sort its own ETag, and the same rows", async () => {
    const [byPlace, byValue] = await Promise.all([series(ZONE_REVENUE_2020), series(`${ZONE_REVENUE_2020}&sort=value-desc`)]);
    expect(byPlace.headers.get("etag")).not.toBe(byValue.headers.get("etag"));
    const rows = async (response: Response) => ((await response.json()) as ViewData).rows;
    expect(await rows(byValue)).toEqual(await rows(byPlace));
  });

  it("answers an unknown sort with a 400 naming the parameter and the sorts allowed", async () => {
    const response = await series(`${ZONE_REVENUE_2020}&sort=sideways`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "BAD_REQUEST", message: 'Unknown sort "sideways"; showing place.', parameter: "sort", allowed: [...TABLE_SORTS] },
    });
  });
});

describe("a short link", () => {
  it("stores the sort in the canonical view", async () => {
    const response = await createShortLinkRoute(
      new Request("http://test/api/v1/short-links", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.77" },
        body: JSON.stringify({ query: `sort=value-desc&to=2020&from=2020&level=park&view=table&metric=revenue` }),
      }),
    );
    expect(response.status).toBe(201);
    const { code, query } = (await response.json()) as { code: string; query: string };
    expect(query).toBe(`${ZONE_REVENUE_2020}&sort=value-desc`);
    expect(await findShortLink(db, code)).toBe(`${ZONE_REVENUE_2020}&sort=value-desc`);
  });
});

describe("the zone ranking on the reference data", () => {
  it("ranks Zhongguancun first, then Shenzhen, and leaves the zones without a 2020 figure unranked", async () => {
    const data = await viewOf(db, new URLSearchParams(`${ZONE_REVENUE_2020}&sort=value-desc`));
    const sorted = sortTableRows(data.rows, tableOrderOf(data.state.sort), (row) => row.geoNameEn);
    const zones = (await getCatalogue(db)).geos.park;
    const { rankOf, unranked } = rankZones(data.rows, zones);
    expect(sorted.map((row) => [rankOf(row), row.geoCode])).toEqual([
      [1, "zhongguancun"],
      [2, "shenzhen"],
    ]);
    // Head and shoulders: more than three times the next zone.
    expect(sorted[0]!.value).toBeGreaterThan(3 * sorted[1]!.value);
    expect(sorted.every((row) => row.source)).toBe(true);
    expect(unranked).toEqual([{ year: 2020, count: zones.length - 2, of: zones.length }]);
  });
});
