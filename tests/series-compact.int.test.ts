import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSeriesRoute } from "@/app/api/v1/series/route";
import { ZCompactViewData, ZViewData } from "@/lib/api/series-response";
import { expandViewData } from "@/lib/compact-view-data";
import type { Database } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import type { CompactViewData, ViewData } from "@/lib/view-data";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// /api/v1/series?shape=compact on PostgreSQL with the seed: the same figures as the
// default shape, each source and note named once.

let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("series_compact"));
  await prepareDatabase(db);
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

const series = (query: string, headers: Record<string, string> = {}) =>
  getSeriesRoute(new Request(`http://test/api/v1/series?${query}`, { headers }));

async function bothShapes(query: string): Promise<{ full: ViewData; compact: CompactViewData; fullText: string; compactText: string }> {
  const [fullResponse, compactResponse] = await Promise.all([series(query), series(`${query}&shape=compact`)]);
  expect([fullResponse.status, compactResponse.status]).toEqual([200, 200]);
  const [fullText, compactText] = await Promise.all([fullResponse.text(), compactResponse.text()]);
  return { full: JSON.parse(fullText) as ViewData, compact: JSON.parse(compactText) as CompactViewData, fullText, compactText };
}

function expectDistinct(items: unknown[]): void {
  expect(new Set(items.map((item) => JSON.stringify(item))).size).toBe(items.length);
}

describe("GET /api/v1/series?shape=compact", () => {
  it("answers every province over every year with each source and note once, and the same figures as the default shape", async () => {
    const { full, compact, fullText, compactText } = await bothShapes("level=province&from=1988&to=2025");
    expect(full.rows.length).toBeGreaterThan(900);
    expect(ZViewData.parse(full)).toStrictEqual(full);
    expect(ZCompactViewData.parse(compact)).toStrictEqual(compact);

    for (const row of compact.rows) {
      expect(compact.sources[row.source], `source ${row.source}`).toBeDefined();
      if (row.note !== null) expect(compact.rowNotes[row.note], `note ${row.note}`).toBeDefined();
    }
    expectDistinct(compact.sources);
    expectDistinct(compact.rowNotes);
    expect(compact.sources.length).toBeLessThan(compact.rows.length / 10);

    expect(expandViewData(compact)).toStrictEqual(full);
    expect(compactText.length).toBeLessThan(fullText.length * 0.75);
  });

  it("compacts the table's extra metrics against the same lists", async () => {
    const { full, compact } = await bothShapes("metric=registered_firms&also=park_count,tax_revenue&view=table&level=nation&from=2010&to=2020");
    expect(full.extra).toHaveLength(2);
    expect(full.extra.every((table) => table.rows.length > 0)).toBe(true);
    for (const row of compact.extra.flatMap((table) => table.rows)) expect(compact.sources[row.source]).toBeDefined();
    expect(expandViewData(compact)).toStrictEqual(full);
  });

  it("keeps the default shape as it was: rows name their own source, no sources list", async () => {
    const body = (await (await series("metric=registered_firms&level=nation&from=2017&to=2017")).json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty("sources");
    expect(body).not.toHaveProperty("rowNotes");
    expect((body.rows as Record<string, unknown>[])[0]).toEqual(expect.objectContaining({ source: expect.any(String), confidence: expect.any(String) }));
  });

  it("gives each shape its own ETag, and 304 only for the shape the client has", async () => {
    const query = "metric=park_count&level=nation";
    const [full, compact, fullAgain] = await Promise.all([series(query), series(`${query}&shape=compact`), series(`${query}&shape=full`)]);
    const [fullTag, compactTag] = [full.headers.get("etag")!, compact.headers.get("etag")!];
    expect(compactTag).toMatch(/^"v\d+-/);
    expect(compactTag).not.toBe(fullTag);
    expect(fullAgain.headers.get("etag")).toBe(fullTag);
    expect((await series(`shape=compact&${query}`, { "if-none-match": compactTag })).status).toBe(304);
    const crossed = await series(`${query}&shape=compact`, { "if-none-match": fullTag });
    expect(crossed.status).toBe(200);
    expect(await crossed.json()).toHaveProperty("sources");
  });

  it("leaves the CSV as it is", async () => {
    const query = "metric=registered_firms&level=region&from=2010&to=2012&format=csv";
    const [csv, compactCsv] = await Promise.all([series(query), series(`${query}&shape=compact`)]);
    expect(compactCsv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(compactCsv.headers.get("etag")).toBe(csv.headers.get("etag"));
    expect(await compactCsv.text()).toBe(await csv.text());
  });

  it("answers an unknown shape with a 400 naming the parameter and the shapes", async () => {
    const response = await series("metric=park_count&shape=bogus");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "BAD_REQUEST", message: 'shape must be full or compact, not "bogus"', parameter: "shape", allowed: ["full", "compact"] },
    });
    const format = await series("format=xml");
    expect(await format.json()).toEqual({
      error: { code: "BAD_REQUEST", message: 'format must be json or csv, not "xml"', parameter: "format", allowed: ["json", "csv"] },
    });
  });
});
