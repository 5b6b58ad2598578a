// npm run bench — performance figures for the app, printed as markdown tables
// and written to bench/results.json (docs/PERFORMANCE.md explains them). Runs the
// production build on PostgreSQL: a fresh `<TEST_DATABASE_URL db>_bench` database
// with the seed, copies of it grown to 10× and 100× its observations, and one
// with the 100× zones for the ingest measures.
import { openDatabase } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { buildIfStale } from "./build-if-stale";
import {
  addSyntheticZones,
  maintenanceUrl,
  countObservations,
  createDatabase,
  databaseName,
  growDatabase,
  type SyntheticDataFacts,
} from "./bench-data";
import { explainHeaviestViews, type ExplainedStatement } from "./bench-explain";
import { measureIngest, UPLOAD_LIMIT_BYTES, type IngestResult } from "./bench-ingest-sizes";
import {
  cursorOver,
  measureLoad,
  percentile,
  summarize,
  timeSequentially,
  type LoadResult,
  type LoadSample,
} from "./bench-load";
import { describeMachine } from "./bench-machine";
import { measureOgRender, type OgRenderTimes } from "./bench-og";
import {
  measureDashboardLoad,
  measureFilterChange,
  measureFirstLoadJs,
  type DashboardLoad,
  type FilterChange,
} from "./bench-pages";
import { generateSeriesQueries, seriesPath, type MetaCatalogue } from "./bench-queries";
import { printGrid, printTable, row, rowAtLeast, writeResults, type Row } from "./bench-report";
import { BASE, startServer, type BenchServer } from "./bench-server";

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const BUDGETS = {
  firstLoadKb: 150,
  filterChangeMs: 100,
  largestPaintMs: 500,
  /** Series against /api/health, the floor, in the same run, at every size: throughput share and p95 ratio. */
  throughputShare: 0.8,
  p95OverHealth: 1.5,
  /** One distinct view at a time, p95, by data size (× the seed's observations). */
  sequentialP95Ms: { 100: 5 } as Record<number, number>,
  ogRenderMs: 500,
  /** Uploads end to end (validate, draft, diff, publish), by rows; peak RSS of the ingest process. */
  ingest: { 100_000: { totalMs: 3000 }, 1_000_000: { totalMs: 20_000, peakRssMb: 400 } } as Record<
    number,
    { totalMs: number; peakRssMb?: number }
  >,
  /** The whole run, not counting a build of changed sources. */
  benchSeconds: 600,
};
const SIZES = [1, 10, 100];
const INGEST_ROWS = [10_000, 100_000, 1_000_000];
const LOAD = { connections: 32, seriesSeconds: 20, healthSeconds: 12, slices: 4, warmupSeconds: 3 };
/** More distinct views than a fast machine answers in the series run, so none is asked twice. */
const QUERIES = { seed: 20_260_601, measured: 40_000, sequential: 150, warmup: 500 };
const ROUTES = ["/", "/embed", "/overview", "/editions", "/editions/:newest", "/api/docs", "/admin/sign-in"];

interface SizedDatabase {
  factor: number;
  url: string;
  /** The grown databases also say how they were built. */
  facts: { observations: number } & Partial<SyntheticDataFacts>;
}

interface ApiResult {
  factor: number;
  observations: number;
  series: LoadResult;
  health: LoadResult;
  /** From the server's start until its read model was ready (it is measured after). */
  warmInMs: number;
  /** One request at a time, on queries the server had not seen. */
  sequential: { p50: number; p95: number; slowest: { path: string; ms: number } };
  explain: ExplainedStatement[];
}

interface PageResults {
  firstLoadKb: Record<string, number>;
  dashboard: DashboardLoad | null;
  filterChange: FilterChange | null;
  og: OgRenderTimes;
}

/** A failed browser measure is reported (as "failed", over budget) rather than hiding the others. */
async function orNull<T>(what: string, measure: () => Promise<T>): Promise<T | null> {
  try {
    return await measure();
  } catch (error) {
    console.error(`${what} failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return null;
  }
}

async function createDatabases(): Promise<{ sizes: SizedDatabase[]; ingestUrl: string }> {
  const base = `${databaseName(ADMIN_URL)}_bench`;
  const seedUrl = await createDatabase(ADMIN_URL, base);
  const db = await openDatabase({ kind: "postgres", url: seedUrl });
  await prepareDatabase(db).finally(() => db.close());
  const sizes: SizedDatabase[] = [
    { factor: 1, url: seedUrl, facts: { observations: await countObservations(seedUrl) } },
  ];
  for (const factor of SIZES.filter((f) => f > 1)) {
    const url = await createDatabase(ADMIN_URL, `${base}_${factor}x`, base);
    console.log(`… Growing a copy of the seed to ${factor}× its observations`);
    sizes.push({ factor, url, facts: await growDatabase(url, factor) });
  }
  const ingestUrl = await createDatabase(ADMIN_URL, `${base}_ingest`, base);
  await addSyntheticZones(ingestUrl, 100);
  return { sizes, ingestUrl };
}

async function measurePages(): Promise<PageResults> {
  const meta = (await (await fetch(`${BASE}/api/v1/meta`)).json()) as MetaCatalogue;
  const newest = meta.editions.at(-1)!.slug;
  const firstLoadKb: Record<string, number> = {};
  for (const route of ROUTES) firstLoadKb[route] = await measureFirstLoadJs(BASE, route.replace(":newest", newest));
  return {
    firstLoadKb,
    dashboard: await orNull("The dashboard load measurement", () => measureDashboardLoad(BASE)),
    filterChange: await orNull("The filter-change measurement", () => measureFilterChange(BASE)),
    og: await measureOgRender(BASE),
  };
}

async function measureApi(size: SizedDatabase, warmInMs: number): Promise<ApiResult> {
  const meta = (await (await fetch(`${BASE}/api/v1/meta`)).json()) as MetaCatalogue;
  const paths = generateSeriesQueries(meta, QUERIES.measured + QUERIES.sequential + QUERIES.warmup, QUERIES.seed).map(
    seriesPath,
  );
  const sequentialPaths = paths.slice(QUERIES.measured, QUERIES.measured + QUERIES.sequential);
  const warmup = cursorOver(paths.slice(QUERIES.measured + QUERIES.sequential));
  await measureLoad(BASE, warmup.next, LOAD.warmupSeconds, LOAD.connections);
  const times = await timeSequentially(BASE, sequentialPaths);
  const slowest = times.indexOf(Math.max(...times));
  const sorted = [...times].sort((a, b) => a - b);
  // Alternating slices, so background load on the machine weighs on both alike.
  const series = cursorOver(paths.slice(0, QUERIES.measured));
  const seriesSamples: LoadSample[] = [];
  const healthSamples: LoadSample[] = [];
  for (let slice = 0; slice < LOAD.slices; slice++) {
    seriesSamples.push(await measureLoad(BASE, series.next, LOAD.seriesSeconds / LOAD.slices, LOAD.connections));
    healthSamples.push(
      await measureLoad(BASE, () => "/api/health", LOAD.healthSeconds / LOAD.slices, LOAD.connections),
    );
  }
  if (series.taken() > QUERIES.measured)
    console.warn(`The series run went through all ${QUERIES.measured} views: later ones were asked again`);
  return {
    factor: size.factor,
    observations: size.facts.observations,
    series: summarize(seriesSamples),
    health: summarize(healthSamples),
    warmInMs,
    sequential: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      slowest: { path: sequentialPaths[slowest]!, ms: times[slowest]! },
    },
    explain: await explainHeaviestViews(size.url),
  };
}

async function withServer<T>(url: string, work: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await startServer(url);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

const sizeLabel = (factor: number) => (factor === 1 ? "seed" : `${factor}×`);

function apiRows(api: ApiResult): Row[] {
  const label = `${sizeLabel(api.factor)}, ${api.observations.toLocaleString("en")} obs.`;
  return [
    row(`/api/v1/series p50 @${LOAD.connections} (${label})`, api.series.p50, "ms"),
    row(`/api/v1/series p95 @${LOAD.connections} (${label})`, api.series.p95, "ms"),
    row(`/api/v1/series p95 ÷ /api/health's (${label})`, api.series.p95 / api.health.p95, "×", BUDGETS.p95OverHealth),
    row(`/api/v1/series p99 @${LOAD.connections} (${label})`, api.series.p99, "ms"),
    row(`/api/v1/series throughput (${label})`, api.series.rps, "req/s"),
    rowAtLeast(
      `/api/v1/series throughput ÷ /api/health's (${label})`,
      (100 * api.series.rps) / api.health.rps,
      "%",
      100 * BUDGETS.throughputShare,
    ),
    row(`/api/v1/series errors and non-2xx (${label})`, api.series.errors, "", 0),
    row(`/api/v1/series mean response, gzipped (${label})`, api.series.meanKb, "KB"),
    row(`/api/v1/series one at a time, p95 (${label})`, api.sequential.p95, "ms", BUDGETS.sequentialP95Ms[api.factor]),
    row(`Server start until its read model is ready (${label})`, api.warmInMs, "ms"),
    row(`/api/health p95 @${LOAD.connections} (${label})`, api.health.p95, "ms"),
    row(`/api/health throughput (${label})`, api.health.rps, "req/s"),
  ];
}

function pageRows(pages: PageResults): Row[] {
  const dashboard = pages.dashboard;
  const routeRows = Object.entries(pages.firstLoadKb).map(([route, kb]) =>
    row(`First-load JS (gzipped) ${route}`, kb, "KB", route === "/" ? BUDGETS.firstLoadKb : undefined),
  );
  return [
    ...routeRows,
    row(`Dashboard: HTML first byte (median of ${dashboard?.runs ?? 0} loads)`, dashboard?.ttfbMs ?? Number.NaN, "ms"),
    row("Dashboard: first contentful paint (median)", dashboard?.fcpMs ?? Number.NaN, "ms"),
    row("Dashboard: first chart painted (median)", dashboard?.firstChartMs ?? Number.NaN, "ms"),
    row("Dashboard: largest contentful paint (median)", dashboard?.lcpMs ?? Number.NaN, "ms", BUDGETS.largestPaintMs),
    row("Dashboard: interactive chart painted (median)", dashboard?.interactiveChartMs ?? Number.NaN, "ms"),
    row(
      `Filter change → updated chart (median of ${pages.filterChange?.runs ?? 0})`,
      pages.filterChange?.medianMs ?? Number.NaN,
      "ms",
      BUDGETS.filterChangeMs,
    ),
    row("Filter change → its data received (median)", pages.filterChange?.responseMedianMs ?? Number.NaN, "ms"),
    row(
      `Link-preview image /og, warm server, new view (median of ${pages.og.runs})`,
      pages.og.renderMs,
      "ms",
      BUDGETS.ogRenderMs,
    ),
    row("Link-preview image /og, cached view (median)", pages.og.cachedMs, "ms"),
  ];
}

function ingestRows(ingest: IngestResult): Row[] {
  const budget = BUDGETS.ingest[ingest.rows];
  const checkMs = ingest.uploadMs + ingest.diffMs;
  const totalMs = checkMs + ingest.publishMs;
  const rows = ingest.rows.toLocaleString("en");
  const file = `${(ingest.bytes / 1024 ** 2).toFixed(1)} MB of the ${(UPLOAD_LIMIT_BYTES / 1024 ** 2).toFixed(0)} MB limit`;
  return [
    row(`Ingest ${rows} rows (${file}): validate + draft + diff + publish`, totalMs, "ms", budget?.totalMs),
    row(`Ingest ${rows}: rows per second, end to end`, ingest.rows / (totalMs / 1000), "rows/s"),
    row(`Ingest ${rows}: validate + save draft + diff`, checkMs, "ms"),
    row(`Ingest ${rows}: publish`, ingest.publishMs, "ms"),
    row(
      `Ingest ${rows}: peak RSS (of which ${ingest.baselineRssMb.toFixed(0)} MB before reading)`,
      ingest.peakRssMb,
      "MB",
      budget?.peakRssMb,
    ),
  ];
}

async function main(): Promise<void> {
  const started = performance.now();
  buildIfStale();
  const buildSeconds = (performance.now() - started) / 1000;
  const machine = await describeMachine(maintenanceUrl(ADMIN_URL));
  console.log(
    `… ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB, Node ${machine.node}, PostgreSQL ${machine.postgres}, load ${machine.loadAverage.toFixed(2)}`,
  );
  const { sizes, ingestUrl } = await createDatabases();

  const apis: ApiResult[] = [];
  let pages: PageResults | null = null;
  for (const size of sizes) {
    console.log(
      `… Measuring at ${sizeLabel(size.factor)} (${size.facts.observations.toLocaleString("en")} observations)`,
    );
    await withServer(size.url, async (server) => {
      if (size.factor === 1) pages = await measurePages();
      apis.push(await measureApi(size, server.warmInMs));
    });
  }
  const ingests: IngestResult[] = [];
  for (const rows of INGEST_ROWS) {
    console.log(`… Ingesting ${rows.toLocaleString("en")} rows`);
    ingests.push(await measureIngest(ADMIN_URL, ingestUrl, rows));
  }
  const elapsedSeconds = (performance.now() - started) / 1000;

  const rows = [
    ...pageRows(pages!),
    ...apis.flatMap(apiRows),
    ...ingests.flatMap(ingestRows),
    row(
      `Bench wall time, without the ${buildSeconds.toFixed(0)} s build`,
      elapsedSeconds - buildSeconds,
      "s",
      BUDGETS.benchSeconds,
    ),
  ];
  printTable(rows);
  printGrid(
    [
      "data",
      "observations",
      "series req/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "one at a time p50 / p95 ms",
      "mean KB",
      "health req/s",
      "health p95 ms",
    ],
    apis.map((a) => [
      sizeLabel(a.factor),
      a.observations,
      a.series.rps,
      a.series.p50,
      a.series.p95,
      a.series.p99,
      `${a.sequential.p50.toFixed(1)} / ${a.sequential.p95.toFixed(1)}`,
      a.series.meanKb,
      a.health.rps,
      a.health.p95,
    ]),
  );
  console.log(
    `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, ${machine.os}, Node ${machine.node}, PostgreSQL ${machine.postgres}`,
  );
  console.log(
    `Elapsed: ${(elapsedSeconds / 60).toFixed(1)} min (build ${buildSeconds.toFixed(0)} s); load average ${machine.loadAverage.toFixed(2)} at the start`,
  );
  writeResults({
    at: new Date().toISOString(),
    elapsedSeconds,
    buildSeconds,
    machine,
    load: LOAD,
    queries: QUERIES,
    sizes: sizes.map(({ factor, facts }) => ({ factor, ...facts })),
    api: apis,
    pages,
    ingest: ingests,
    rows,
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
