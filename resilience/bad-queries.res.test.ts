import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppDatabase, startApp, type RunningApp } from "./support/app";
import { recordFigures } from "./support/figures";
import { malformedQueries } from "./support/malformed-queries";

// 1,000+ malformed query strings to every read route: never a 5xx, never a
// stack trace; the API answers 400 with a JSON error that says what was wrong.

const PER_ROUTE = 1000;
const CONCURRENCY = 8;

const API_ROUTES = ["/api/v1/series", "/api/v1/meta", "/api/health", "/api/v1/openapi.json", "/editions/public-sources/diff.csv"];
const PAGE_ROUTES = ["/", "/embed", "/overview", "/og", "/editions", "/editions/public-sources", "/api/docs", "/admin/sign-in", "/s/nosuchcode"];
/** Paths whose own segment is user input. */
const PATH_INPUTS = ["/s/", "/editions/", "/editions/x/diff.csv?", "/api/admin/editions/"];

let app: RunningApp;

beforeAll(async () => {
  app = await startApp({ port: 3213, databaseUrl: await createAppDatabase("bad_queries") });
});

afterAll(async () => {
  await app?.stop();
});

interface Failure {
  url: string;
  status: number;
  body: string;
}

/** Fetches every URL, CONCURRENCY at a time; returns the answers that broke the rules. */
async function fetchAll(urls: string[], check: (response: Response, body: string) => string | null): Promise<Failure[]> {
  const failures: Failure[] = [];
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const response = await fetch(url, { redirect: "manual" });
      const body = await response.text();
      const problem = response.status >= 500 ? "5xx" : check(response, body);
      if (problem) failures.push({ url, status: response.status, body: `${problem}: ${body.slice(0, 300)}` });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

const STACK_TRACE = /\n\s+at [\w.<>]+ \(|node_modules\/|webpack-internal|\.ts:\d+:\d+/;

function checkApiAnswer(response: Response, body: string): string | null {
  if (STACK_TRACE.test(body)) return "stack trace";
  if (response.status === 400) {
    const error = (JSON.parse(body) as { error?: { code?: string; message?: string } }).error;
    if (!error?.message || error.message.length < 10) return "400 without a message";
  }
  return null;
}

function checkPage(_response: Response, body: string): string | null {
  return STACK_TRACE.test(body) ? "stack trace" : null;
}

describe("malformed query strings", () => {
  for (const [index, route] of API_ROUTES.entries()) {
    it(`answers ${PER_ROUTE} of them to ${route} with 2xx or a clear 4xx`, async () => {
      const urls = malformedQueries(PER_ROUTE, 1000 + index).map((query) => `${app.url}${route}?${query}`);
      expect(await fetchAll(urls, checkApiAnswer)).toEqual([]);
      recordFigures("malformed query strings", { requests: urls.length, inputs: urls.length });
    });
  }

  // A page render costs tens of milliseconds on 2 cores: each route gets its own time allowance.
  for (const [index, route] of PAGE_ROUTES.entries()) {
    it(`renders ${PER_ROUTE} of them to ${route} without a server error or a stack trace`, { timeout: 300_000 }, async () => {
      const urls = malformedQueries(PER_ROUTE, 2000 + index).map((query) => `${app.url}${route}?${query}`);
      expect(await fetchAll(urls, checkPage)).toEqual([]);
      recordFigures("malformed query strings", { requests: urls.length, inputs: urls.length });
    });
  }

  it("answers hostile path segments with a 404 or 400, never a 5xx", async () => {
    const segments = malformedQueries(250, 3000).map((query) => encodeURIComponent(query.slice(0, 300)));
    const urls = PATH_INPUTS.flatMap((prefix) => segments.map((segment) => `${app.url}${prefix}${segment}`));
    expect(await fetchAll(urls, checkPage)).toEqual([]);
    recordFigures("malformed query strings", { requests: urls.length, inputs: urls.length });
  });

  it("still answers a well-formed request with the data after all that", async () => {
    const response = await fetch(`${app.url}/api/v1/series?metric=park_count&level=nation`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { rows: unknown[] }).rows.length).toBeGreaterThan(10);
  });
});
