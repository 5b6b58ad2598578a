// npm run bench:cluster — one instance against two behind nginx, on this
// machine (docs/PERFORMANCE.md, "Beyond one machine"). The production build on
// a fresh `<TEST_DATABASE_URL db>_bench_cluster` database with the seed: the same
// distinct series views at 32 connections, straight to one instance, through
// nginx to one, and through nginx to two; then a few repeated views, which
// nginx's one-second cache answers, and the health check, the floor.
import { openDatabase } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { createDatabase, databaseName } from "./bench-data";
import { cursorOver, measureLoad, summarize, type LoadResult } from "./bench-load";
import { generateSeriesQueries, seriesPath, type MetaCatalogue } from "./bench-queries";
import { printGrid } from "./bench-report";
import { runCli } from "./cli";
import { startCluster } from "./start-cluster";

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const NGINX_PORT = Number(process.env.BENCH_PORT || 3150) + 10;
const FIRST_APP_PORT = NGINX_PORT + 1;
const CONNECTIONS = 32;
const SECONDS = { warmup: 5, distinct: 15, repeated: 10, health: 5 };
/** Distinct views, none asked twice in the whole run (a seeded draw, as npm run bench makes). */
const QUERIES = { count: 60_000, seed: 20261203 };
/** A dashboard's popular views: after its first request each is in every cache. */
const REPEATED = ["", "metric=revenue&level=nation", "metric=revenue&view=map&year=2020", "metric=park_count&view=compare&to=2017"].map(
  (query) => seriesPath(query),
);

interface Measured {
  setup: string;
  distinct: LoadResult;
  repeated: LoadResult;
  health: LoadResult;
}

async function measure(setup: string, base: string, nextDistinct: () => string): Promise<Measured> {
  console.log(`… ${setup}`);
  await measureLoad(base, nextDistinct, SECONDS.warmup, CONNECTIONS);
  const distinct = summarize([await measureLoad(base, nextDistinct, SECONDS.distinct, CONNECTIONS)]);
  const repeatedCursor = cursorOver(REPEATED);
  const repeated = summarize([await measureLoad(base, repeatedCursor.next, SECONDS.repeated, CONNECTIONS)]);
  const health = summarize([await measureLoad(base, () => "/api/health", SECONDS.health, CONNECTIONS)]);
  return { setup, distinct, repeated, health };
}

runCli(async () => {
  const url = await createDatabase(ADMIN_URL, `${databaseName(ADMIN_URL)}_bench_cluster`);
  const db = await openDatabase({ kind: "postgres", url });
  await prepareDatabase(db).finally(() => db.close());
  const quiet = { onOutput: () => {} };

  const results: Measured[] = [];
  let distinct: { next: () => string } | undefined;
  for (const instances of [1, 2]) {
    const cluster = await startCluster({ instances, port: NGINX_PORT, firstAppPort: FIRST_APP_PORT, databaseUrl: url, ...quiet });
    try {
      if (!distinct) {
        const meta = (await (await fetch(`${cluster.url}/api/v1/meta`)).json()) as MetaCatalogue;
        distinct = cursorOver(generateSeriesQueries(meta, QUERIES.count, QUERIES.seed).map(seriesPath));
      }
      if (instances === 1) results.push(await measure("one instance, no nginx", cluster.instances[0]!.url, distinct.next));
      results.push(await measure(`${instances === 1 ? "one instance" : "two instances"} behind nginx`, cluster.url, distinct.next));
    } finally {
      await cluster.stop();
    }
  }

  console.log(`\nSeries API at ${CONNECTIONS} connections on ${databaseName(url)} (seed), req/s and p95 in ms:`);
  printGrid(
    ["setup", "distinct views req/s", "p50", "p95", "p99", "repeated views req/s", "p95", "p99", "health req/s", "p95", "p99", "errors"],
    results.map(({ setup, distinct: d, repeated: r, health: h }) => [
      setup,
      d.rps, d.p50, d.p95, d.p99,
      r.rps, r.p95, r.p99,
      h.rps, h.p95, h.p99,
      d.errors + r.errors + h.errors,
    ]),
  );
});
