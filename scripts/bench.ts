// npm run bench — performance figures for the dashboard, printed as a table and
// written to bench/results.json. Runs against a production build on PostgreSQL
// (a fresh `<TEST_DATABASE_URL>_bench` database with the seeded data).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { chromium } from "playwright-core";
import { measureOgRender } from "./bench-og";
import { buildIfStale } from "./build-if-stale";

const PORT = 3150;
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const BUDGETS = { firstLoadKb: 200, filterChangeMs: 200, seriesP95Ms: 20, ingestCheckMs: 5000, ingestPublishMs: 3000, ingestRssMb: 400, ogRenderMs: 500 };
const INGEST_ROWS = 100_000;

interface Row {
  measure: string;
  value: number;
  unit: string;
  budget: string;
  ok: boolean | null;
}

async function createBenchDatabase(): Promise<string> {
  const url = new URL(ADMIN_URL);
  const name = `${url.pathname.slice(1) || "postgres"}_bench`;
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  url.pathname = `/${name}`;
  return url.toString();
}

function stopServer(server: ChildProcess): void {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  // Its own process group, so stopping it stops the Next.js server it starts too.
  const server = spawn("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/start.ts", "--no-build"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(PORT) },
    stdio: "ignore",
    detached: true,
  });
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stopServer(server);
  throw new Error("The server did not start");
}

/**
 * Gzipped size of every script the dashboard's HTML loads up front. `noModule`
 * scripts (Next's polyfills for old browsers) are skipped: modern browsers never fetch them.
 */
async function measureFirstLoadJs(): Promise<number> {
  const html = await (await fetch(`${BASE}/`)).text();
  const sources = [...html.matchAll(/<script[^>]+>/g)]
    .filter(([tag]) => !/\snoModule/i.test(tag))
    .flatMap(([tag]) => tag.match(/\ssrc="([^"]+)"/)?.slice(1) ?? []);
  let total = 0;
  for (const source of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(source, BASE))).arrayBuffer());
    total += gzipSync(body).length;
  }
  return total / 1024;
}

/**
 * Median time from a metric change to the chart showing the new data, in a
 * production build in headless Chromium. Timed from the test driver, so it
 * includes the driver's round trips: a slight overestimate.
 */
async function measureFilterChange(): Promise<number> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await browser.newPage();
  await page.goto(`${BASE}/?level=province`, { waitUntil: "networkidle" });
  await page.waitForSelector("html[data-hydrated]");
  // None of them the default metric, which the canonical query leaves out.
  const metrics = ["registered_firms", "tax_revenue", "exports", "revenue", "employees", "industrial_output", "net_profit"];
  const times: number[] = [];
  for (const metric of metrics) {
    const started = performance.now();
    await page.getByLabel("Metric", { exact: true }).selectOption(metric);
    // Updated = the chart area shows the new metric's data and is no longer loading.
    await page.waitForSelector(`[data-testid="chart-area"][data-state="ready"][data-query^="metric=${metric}&"]`, { timeout: 10_000 });
    times.push(performance.now() - started);
  }
  await browser.close();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

/**
 * p50/p97.5/p99 latency and req/s at 32 connections for a list of paths. Requests
 * accept gzip, as browsers, curl --compressed, Python's requests and R's httr do.
 */
async function measureLoad(paths: string[], seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url: BASE,
    connections: 32,
    duration: seconds,
    headers: { "accept-encoding": "gzip" },
    requests: paths.map((path) => ({ method: "GET", path })),
  });
  const latency = result.latency as unknown as Record<string, number>;
  return {
    p50: latency.p50 ?? 0,
    p95: latency.p97_5 ?? 0, // autocannon reports p97.5, not p95: a stricter figure
    p99: latency.p99 ?? 0,
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

/** A realistic mix of dashboard views, as the page and API clients ask for them. */
const SERIES_QUERIES = [
  "",
  "metric=registered_firms&level=province",
  "metric=tax_revenue&level=province&geo=110000,310000,440000&from=2000&to=2020",
  "metric=exports&view=compare&level=province&year=2017",
  "metric=high_tech_enterprises&mode=density&level=region",
  "metric=revenue&mode=share&level=province&view=map&year=2015",
  "metric=park_count&level=nation&from=1995&to=2017",
  "metric=employees&mode=per-park&level=region",
];

interface IngestResult {
  rows: number;
  uploadMs: number;
  diffMs: number;
  publishMs: number;
  peakRssMb: number;
}

function runBenchIngest(databaseUrl: string, args: string[]): string {
  const run = spawnSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/bench-ingest.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`The ingest benchmark failed: ${run.stderr.trim().split("\n").pop()}`);
  return run.stdout.trim().split("\n").pop() ?? "";
}

/** Generates the file in one process and ingests it in another, so the peak RSS is the ingest's alone. */
function measureIngest(databaseUrl: string, rows: number): IngestResult {
  const file = path.join(os.tmpdir(), `torch-atlas-bench-${rows}.csv`);
  runBenchIngest(databaseUrl, ["generate", String(rows), file]);
  try {
    return JSON.parse(runBenchIngest(databaseUrl, ["ingest", file])) as IngestResult;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function main(): Promise<void> {
  buildIfStale();
  const databaseUrl = await createBenchDatabase();
  const server = await startServer(databaseUrl);
  try {
    const firstLoad = await measureFirstLoadJs();
    // A failed measurement is reported in the table (as NaN, over budget) rather than hiding the others.
    const filterChange = await measureFilterChange().catch((error: unknown) => {
      console.error(`filter-change measurement failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      return Number.NaN;
    });
    const series = await measureLoad(SERIES_QUERIES.map((query) => `/api/v1/series${query ? `?${query}` : ""}`), 15);
    const health = await measureLoad(["/api/health"], 10);
    const og = await measureOgRender(BASE);
    // Last: it publishes an edition, which changes the data the other measures read.
    const ingest = measureIngest(databaseUrl, INGEST_ROWS);
    const checkMs = ingest.uploadMs + ingest.diffMs;
    const rows: Row[] = [
      { measure: "Dashboard first-load JS (gzipped)", value: firstLoad, unit: "KB", budget: `≤ ${BUDGETS.firstLoadKb}`, ok: firstLoad <= BUDGETS.firstLoadKb },
      { measure: "Filter change → updated chart (median of 7)", value: filterChange, unit: "ms", budget: `≤ ${BUDGETS.filterChangeMs}`, ok: filterChange <= BUDGETS.filterChangeMs },
      { measure: "/api/v1/series p50 @32 conns", value: series.p50, unit: "ms", budget: "", ok: null },
      { measure: "/api/v1/series p97.5 @32 conns", value: series.p95, unit: "ms", budget: `p95 ≤ ${BUDGETS.seriesP95Ms}`, ok: series.p95 <= BUDGETS.seriesP95Ms },
      { measure: "/api/v1/series p99 @32 conns", value: series.p99, unit: "ms", budget: "", ok: null },
      { measure: "/api/v1/series throughput", value: series.rps, unit: "req/s", budget: "", ok: null },
      { measure: "/api/v1/series errors and non-2xx", value: series.errors, unit: "", budget: "0", ok: series.errors === 0 },
      { measure: "/api/health p97.5 @32 conns (the floor: one database round trip)", value: health.p95, unit: "ms", budget: "", ok: null },
      { measure: "/api/health throughput", value: health.rps, unit: "req/s", budget: "", ok: null },
      { measure: `Link-preview image /og, warm server, new view (median of ${og.runs})`, value: og.renderMs, unit: "ms", budget: `≤ ${BUDGETS.ogRenderMs}`, ok: og.renderMs <= BUDGETS.ogRenderMs },
      { measure: "Link-preview image /og, cached view (median)", value: og.cachedMs, unit: "ms", budget: "", ok: null },
      { measure: `Ingest ${ingest.rows.toLocaleString("en")} rows: validate + save draft + diff`, value: checkMs, unit: "ms", budget: `≤ ${BUDGETS.ingestCheckMs}`, ok: checkMs <= BUDGETS.ingestCheckMs },
      { measure: "Ingest: rows per second (validate + save draft + diff)", value: ingest.rows / (checkMs / 1000), unit: "rows/s", budget: "", ok: null },
      { measure: "Ingest: publish", value: ingest.publishMs, unit: "ms", budget: `≤ ${BUDGETS.ingestPublishMs}`, ok: ingest.publishMs <= BUDGETS.ingestPublishMs },
      { measure: "Ingest: peak RSS", value: ingest.peakRssMb, unit: "MB", budget: `≤ ${BUDGETS.ingestRssMb}`, ok: ingest.peakRssMb <= BUDGETS.ingestRssMb },
    ];
    console.log("\n| measure | value | budget | |\n| --- | ---: | --- | --- |");
    for (const row of rows) {
      const flag = row.ok === null ? "" : row.ok ? "ok" : "**over budget**";
      console.log(`| ${row.measure} | ${row.value.toFixed(1)} ${row.unit} | ${row.budget} | ${flag} |`);
    }
    fs.mkdirSync("bench", { recursive: true });
    fs.writeFileSync("bench/results.json", `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`);
  } finally {
    stopServer(server);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
