import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getOg } from "@/app/og/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as getHealth } from "@/app/api/health/route";
import { GET as getMeta } from "@/app/api/v1/meta/route";
import { COVERAGE_COLORS, SAMPLE_COLOR } from "@/components/charts/palette";
import type { Database } from "@/lib/server/db";
import { viewMetadata } from "@/lib/server/og/view-metadata";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { URL_KEYS } from "@/lib/view-state";
import type { OpenApiDocument } from "@/lib/api/openapi";
import { decodePng, hasPngSignature, pngSize } from "./support/png";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

let db: Database;
let url: string;
/**
 * The renderer must never go to the network (Satori would fetch fonts for characters it
 * lacks). It does fetch its own WebAssembly from a data: URL, which is no network.
 */
const realFetch = globalThis.fetch;
const networkCalls: string[] = [];
const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
  const target = input instanceof Request ? input.url : String(input);
  if (target.startsWith("data:")) return realFetch(input, init);
  networkCalls.push(target.slice(0, 200));
  return Promise.reject(new Error("no network in link-preview rendering"));
});

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("og"));
  await prepareDatabase(db);
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  fetchSpy.mockRestore();
  await db.close();
  await dropTestDatabase(url);
});

const og = (query: string, headers: Record<string, string> = {}) => getOg(new Request(`http://test/og?${query}`, { headers }));

async function png(response: Response): Promise<Uint8Array> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/png");
  return new Uint8Array(await response.arrayBuffer());
}

function hex(rgb: [number, number, number]): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

describe("GET /og", () => {
  it("draws a 1200×630 PNG of a view in Chinese, from the shipped fonts only", async () => {
    const bytes = await png(await og("metric=registered_firms&view=compare&level=province&geo=110000,440000,650000&year=2017&lang=zh"));
    expect(hasPngSignature(bytes)).toBe(true);
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    expect(networkCalls).toEqual([]);
  }, 60_000);

  it("labels sample data: the synthetic-sample band runs across the top", async () => {
    const image = decodePng(await png(await og("level=province&edition=synthetic-sample&from=2000&to=2020")));
    expect({ width: image.width, height: image.height }).toEqual({ width: 1200, height: 630 });
    expect(hex(image.rgb(8, 8))).toBe(SAMPLE_COLOR);
    expect(hex(image.rgb(1190, 20))).toBe(SAMPLE_COLOR);
    // A view of sourced national figures only has no band.
    const sourced = decodePng(await png(await og("metric=registered_firms&level=nation&from=2017&to=2017&view=table")));
    expect(hex(sourced.rgb(8, 8))).toBe("#ffffff");
    expect(networkCalls).toEqual([]);
  }, 60_000);

  it("sends ETag and Cache-Control, answers 304, and renders a view once per data version", async () => {
    const query = "metric=tax_revenue&level=region&view=map&year=2015";
    const first = await og(query);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"v\d+-/);
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=60/);
    // Same view, other key order, a data-version cache buster: same ETag.
    expect((await og(`year=2015&view=map&level=region&metric=tax_revenue&v=1`, { "if-none-match": etag })).status).toBe(304);
    const started = performance.now();
    const again = await png(await og(query));
    expect(performance.now() - started).toBeLessThan(200);
    expect(again).toEqual(await png(first));
  }, 60_000);

  it("draws the coverage view as a summary of its cells, coloured by status, in Chinese too", async () => {
    const image = decodePng(await png(await og("metric=park_count&level=province&view=coverage&lang=zh")));
    expect({ width: image.width, height: image.height }).toEqual({ width: 1200, height: 630 });
    // The split bar: the reported part in the reported colour, somewhere in the card's middle band.
    let found = false;
    for (let y = 150; y < 500 && !found; y += 2) {
      for (let x = 40; x < 1160 && !found; x += 4) found = hex(image.rgb(x, y)) === COVERAGE_COLORS.reported.fill.toLowerCase();
    }
    expect(found).toBe(true);
    expect(networkCalls).toEqual([]);
    const metadata = await viewMetadata("metric=park_count&level=province&view=coverage", { origin: "http://x" });
    expect(metadata.title).toBe("Coverage: National high-tech zones — All provinces, 1991–2023 | Torch Atlas");
    expect(metadata.description).toMatch(/^Cells: Reported [\d,]+ · Computed \d+ · Partial \d+ · Sample \d+ · Missing [\d,]+\. Unit: zones\./);
  }, 60_000);

  it("answers bad parameters with a 400 naming the parameter, like the API", async () => {
    const response = await og("view=pie");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST", parameter: "view", allowed: ["trend", "compare", "map", "table", "coverage"] } });
    expect(await (await og("colour=red")).json()).toMatchObject({ error: { parameter: "colour" } });
    expect(await (await og("v=abc")).json()).toMatchObject({ error: { parameter: "v" } });
  });
});

describe("viewMetadata", () => {
  it("titles and describes the view and points og:image and twitter:image at /og for exactly this view", async () => {
    const metadata = await viewMetadata("to=2017&level=province&geo=440000,110000&metric=tax_revenue", { origin: "https://atlas.example.org" });
    expect(metadata.title).toBe("Taxes paid — Beijing, Guangdong, 1991–2017 | Torch Atlas");
    expect(metadata.description).toMatch(/^SYNTHETIC SAMPLE — not official statistics\. Unit: yuan\. Edition: Synthetic sample: .+\. Source: /);
    const image = (metadata.openGraph?.images as { url: string; width: number; height: number }[])[0]!;
    expect(image).toMatchObject({ width: 1200, height: 630 });
    expect(image.url).toMatch(/^https:\/\/atlas\.example\.org\/og\?metric=tax_revenue&level=province&geo=110000,440000&to=2017&v=\d+$/);
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", images: [{ url: image.url }] });
    expect(metadata.alternates?.canonical).toBe("https://atlas.example.org/?metric=tax_revenue&level=province&geo=110000,440000&to=2017");
    const response = await og(new URL(image.url).search.slice(1));
    expect(hasPngSignature(await png(response))).toBe(true);
  }, 60_000);

  it("has no sample label for sourced figures, and speaks Chinese for lang=zh", async () => {
    const sourced = await viewMetadata("metric=registered_firms&level=nation&from=2017&to=2017", { origin: "http://x" });
    expect(sourced.description).toMatch(/^Unit: firms\. Edition: Public sources: national figures and zone registry\. Source: National totals from MOST/);
    expect(sourced.description).not.toMatch(/SYNTHETIC/);
    const zh = await viewMetadata("lang=zh&level=province&geo=110000", { origin: "http://x" });
    expect(zh.title).toBe("高新技术企业数 — 北京，1991–2023年 | 火炬图谱");
    expect(zh.openGraph).toMatchObject({ locale: "zh_CN" });
  });
});

describe("the API around it", () => {
  it("serves an OpenAPI document with every view parameter and the live editions", async () => {
    const response = await getOpenApi(new Request("http://127.0.0.1:3000/api/v1/openapi.json", { headers: { host: "127.0.0.1:3000" } }));
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenApiDocument;
    expect(document.servers[0]!.url).toBe("http://127.0.0.1:3000");
    const names = document.paths["/api/v1/series"]!.get.parameters.map((p) => p.name);
    for (const key of URL_KEYS) expect(names).toContain(key);
    const edition = document.paths["/api/v1/series"]!.get.parameters.find((p) => p.name === "edition")!;
    expect(edition.schema.enum).toEqual(["latest", "public-sources", "synthetic-sample", "public-sources-subnational"]);
  });

  it("meta refuses parameters it does not take; health ignores them", async () => {
    const meta = await getMeta(new Request("http://test/api/v1/meta?lang=zh"));
    expect(meta.status).toBe(400);
    expect(await meta.json()).toEqual({ error: { code: "BAD_REQUEST", message: '/api/v1/meta takes no parameters, not "lang"', parameter: "lang", allowed: [] } });
    expect((await getMeta(new Request("http://test/api/v1/meta"))).status).toBe(200);
    expect((await getHealth()).status).toBe(200);
  });
});
