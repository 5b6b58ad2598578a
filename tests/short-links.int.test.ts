import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createShortLinkRoute } from "@/app/api/v1/short-links/route";
import { closeSharedDatabase, type Database } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { createShortLink } from "@/lib/server/short-links/create-short-link";
import { findShortLink } from "@/lib/server/short-links/find-short-link";
import { isShortCode } from "@/lib/short-code";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("short_links"));
  await prepareDatabase(db);
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await closeSharedDatabase();
  await db.close();
  await dropTestDatabase(url);
});

let address = 0;
/** Each call from its own client address unless one is given, so the rate limit only bites where a test wants it. */
function post(body: unknown, from = `192.0.2.${++address}`): Promise<Response> {
  return createShortLinkRoute(
    new Request("http://test/api/v1/short-links", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": from },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

interface TCreated {
  code: string;
  url: string;
  query: string;
}

describe("POST /api/v1/short-links", () => {
  it("stores the canonical view and answers its code and /s/ path", async () => {
    const response = await post({ query: "geo=440000,110000&level=province&metric=tax_revenue&lang=en" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as TCreated;
    expect(isShortCode(body.code)).toBe(true);
    expect(body.url).toBe(`/s/${body.code}`);
    expect(body.query).toBe("metric=tax_revenue&level=province&geo=110000,440000");
    expect(await findShortLink(db, body.code)).toBe("metric=tax_revenue&level=province&geo=110000,440000");
  });

  it("gives equal views the same code, however the query was written (legacy forms included)", async () => {
    const first = (await (
      await post({ query: "metric=park_count&level=nation&from=1995&to=2017" })
    ).json()) as TCreated;
    for (const query of [
      "to=2017&from=1995&level=nation&metric=park_count",
      "?metric=park_count&level=nation&from=1995&to=2017&scale=linear",
      "/?metric=stip_count&level=national&years=1995-2017",
    ]) {
      const again = await post({ query });
      expect(again.status, query).toBe(200);
      expect(((await again.json()) as TCreated).code, query).toBe(first.code);
    }
    const [row] = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM short_link WHERE state = $1`, [
      first.query,
    ]);
    const count = row?.count;
    expect(count).toBe(1);
  });

  it("handles concurrent requests for one new view: one row, one code", async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => post({ query: "metric=exports&view=compare&to=2015" })),
    );
    const codes = await Promise.all(responses.map(async (r) => ((await r.json()) as TCreated).code));
    expect(new Set(codes).size).toBe(1);
    expect(responses.filter((r) => r.status === 201).length).toBeLessThanOrEqual(1);
  });

  it("stores the empty query as the default view it means (\"\" alone is the home page's)", async () => {
    const body = (await (await post({ query: "" })).json()) as TCreated;
    expect(body.query).toBe("metric=high_tech_enterprises");
    expect(await findShortLink(db, body.code)).toBe("metric=high_tech_enterprises");
  });

  it("refuses a view with a parameter the page would have to fall back on: 400 naming it", async () => {
    const response = await post({ query: "metric=tax_revenue&view=pie" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "BAD_REQUEST",
        message: 'Unknown view "pie"; showing trend.',
        parameter: "view",
        allowed: ["trend", "compare", "map", "table", "coverage"],
      },
    });
    const unknownKey = (await (await post({ query: "metric=tax_revenue&colour=red" })).json()) as {
      error: { parameter: string };
    };
    expect(unknownKey.error.parameter).toBe("colour");
    expect((await post({ query: "edition=torch-1900" })).status).toBe(400);
    expect((await post({ query: "level=nation&mode=share" })).status).toBe(400);
  });

  it("refuses malformed bodies with a 400 and over-long queries with a 413", async () => {
    const notJson = await post("metric=tax_revenue");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { parameter: string } }).error.parameter).toBe("body");
    expect((await post({})).status).toBe(400);
    expect((await post({ query: 42 })).status).toBe(400);
    expect((await post({ query: "", extra: 1 })).status).toBe(400);

    const long = await post({ query: `geo=${"110000,".repeat(300)}&level=province` });
    expect(long.status).toBe(413);
    expect(await long.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", parameter: "query" } });
    expect((await post("x".repeat(10_000))).status).toBe(413);
    const [row] = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM short_link WHERE length(state) > 2000`,
    );
    const count = row?.count;
    expect(count).toBe(0);
  });

  it("limits new links per client address; asking again for an existing one is not limited", async () => {
    const from = "198.51.100.7";
    const statuses: number[] = [];
    for (let year = 1991; year < 1991 + 31; year++) statuses.push((await post({ query: `to=${year}` }, from)).status);
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    const limited = await post({ query: "to=2023&view=table" }, from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await post({ query: "to=1991" }, from)).status).toBe(200);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("createShortLink and findShortLink", () => {
  it("draws another code when the random one is taken, and gives up after a few", async () => {
    await createShortLink(db, "view=table&lang=zh", { newCode: () => "zzzzzzzzz" });
    const draws = ["zzzzzzzzz", "zzzzzzzzz", "yyyyyyyyy"];
    const other = await createShortLink(db, "view=table&lang=zh&scale=log", { newCode: () => draws.shift()! });
    expect(other).toEqual({ code: "yyyyyyyyy", state: "view=table&lang=zh&scale=log", isNew: true });
    expect(await findShortLink(db, "zzzzzzzzz")).toBe("view=table&lang=zh");
    await expect(createShortLink(db, "view=map&lang=zh", { newCode: () => "zzzzzzzzz" })).rejects.toThrow(
      /free short code/,
    );
  });

  it("answers null for unknown or malformed codes without a database error", async () => {
    expect(await findShortLink(db, "abcdefghj")).toBeNull();
    for (const bad of ["", "short", "'; DROP TABLE short_link; --", "0O1lI0O1l", "x".repeat(500)])
      expect(await findShortLink(db, bad)).toBeNull();
  });
});
