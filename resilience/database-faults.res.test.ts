import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropTestDatabase } from "@/tests/support/test-database";
import { changeEdition, editionAction, uploadDraft } from "./support/admin-api";
import { createAppDatabase, signIn, startApp, USERS, type RunningApp } from "./support/app";
import { editionChangingEveryFigure, figuresNotChanged, type ExtraFigure } from "./support/changed-edition";
import { startDbProxy, type DbProxy, type TCutMode } from "./support/db-proxy";
import { recordFigures } from "./support/figures";
import { runLoad, type TAnswer } from "./support/load";
import { differingPaths, READ_PATHS, takeSnapshot, type Snapshot } from "./support/views";
import { sleep, waitFor } from "./support/wait";

// The database failing under a running server: connections cut while reads
// run (the app must say so clearly and come back by itself), and the server
// killed while a publish is half-way through its transaction (nothing may change).

const PROXIED_PORT = 3202;
const KILLED_PORT = 3203;
const PROXY_PORT = 3208;
/** Longer than the pool's 5 s connection timeout: a read slower than this is hanging. */
const ANSWER_WITHIN_MS = 10_000;
const RECOVER_WITHIN_MS = 5_000;

let databaseUrl: string;
let proxy: DbProxy | undefined;
const apps: RunningApp[] = [];

async function start(port: number, url: string): Promise<RunningApp> {
  const app = await startApp({ port, databaseUrl: url });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  databaseUrl = await createAppDatabase("faults");
});

afterAll(async () => {
  for (const app of apps) await app.stop();
  await proxy?.close();
  if (databaseUrl) await dropTestDatabase(databaseUrl);
});

async function get(app: RunningApp, path: string) {
  const started = Date.now();
  const response = await fetch(app.url + path, { signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
  return { status: response.status, headers: response.headers, body: await response.text(), ms: Date.now() - started };
}

const DASHBOARD_DOWN = "The database is unavailable right now";

/** A 503 body that says the database is unavailable: the API's error, or the health check's reason. */
function isClearUnavailable(path: string, body: string): boolean {
  if (path === "/api/health") {
    const health = JSON.parse(body) as { status?: string; error?: { code?: string; message?: string } };
    return health.status === "error" && health.error?.code === "DATABASE_UNAVAILABLE" && /^Cannot reach PostgreSQL/.test(health.error.message ?? "");
  }
  const { error } = JSON.parse(body) as { error?: { code?: string; message?: string } };
  return error?.code === "DATABASE_UNAVAILABLE" && /database is unavailable/i.test(error.message ?? "");
}

/** What a reader must get while the database is away: a 503 saying so, never cached, never a stack trace. */
async function expectUnavailable(app: RunningApp): Promise<number> {
  // A view nobody read yet, and ones already cached: neither may be served without the database.
  const paths = [...READ_PATHS.slice(0, 3), "/api/v1/series?metric=net_profit&view=map&year=2015", "/api/v1/meta"];
  for (const path of paths) {
    const answer = await get(app, path);
    expect(answer.status, `${path}: ${answer.body}`).toBe(503);
    expect(answer.headers.get("content-type"), path).toMatch(/^application\/json/);
    expect(answer.headers.get("cache-control"), path).toBe("no-store");
    expect(JSON.parse(answer.body), path).toEqual({
      error: { code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/database is unavailable/i) },
    });
  }
  const health = await get(app, "/api/health");
  expect(health.status).toBe(503);
  expect(isClearUnavailable("/api/health", health.body), health.body).toBe(true);
  const pages = [
    ["/", DASHBOARD_DOWN],
    ["/embed?metric=revenue&level=nation", "the data is unavailable right now"],
  ] as const;
  for (const [path, message] of pages) {
    const page = await get(app, path);
    expect([200, 503], `${path}: ${page.body.slice(0, 300)}`).toContain(page.status);
    expect(page.headers.get("content-type"), path).toMatch(/^text\/html/);
    expect(page.body, path).toContain(message);
    expect(page.body, path).not.toMatch(/\bat \S+ \(|node_modules|ECONNREFUSED|Connection terminated|Internal Server Error/);
  }
  return paths.length + 1 + pages.length;
}

/** Background reads during the outages: each one answered in time, with 200 or a clear 503. */
class BackgroundReads {
  readonly problems: string[] = [];
  readonly answers: { startedAt: number; endedAt: number; ok: boolean }[] = [];

  add(answer: TAnswer): void {
    const endedAt = answer.startedAt + answer.ms;
    if ("error" in answer) return this.problem(answer, answer.error);
    const { path, status, body } = answer;
    if (path === "/") {
      // The dashboard, or its message when the database is away: never an error page.
      const rendered = body.includes('data-testid="chart-area"');
      this.answers.push({ startedAt: answer.startedAt, endedAt, ok: status === 200 && rendered });
      if (status !== 200 || !(rendered || body.includes(DASHBOARD_DOWN))) this.problem(answer, `${status} ${body.slice(0, 200)}`);
      return;
    }
    this.answers.push({ startedAt: answer.startedAt, endedAt, ok: status === 200 });
    if (status === 200) return;
    if (status !== 503 || !isClearUnavailable(path, body)) this.problem(answer, `${status} ${body.slice(0, 200)}`);
  }

  /** Failures outside the outages: started after the app was back, or ended before the database went. */
  failedOutside(outages: { from: number; to: number }[]): number {
    return this.answers.filter((a) => !a.ok && outages.every((o) => a.endedAt < o.from || a.startedAt > o.to)).length;
  }

  private problem(answer: TAnswer, what: string): void {
    if (this.problems.length < 10) this.problems.push(`${answer.path} after ${Math.round(answer.ms)} ms: ${what}`);
  }
}

describe("the database going away under a running server", () => {
  it("answers 503 with a clear error while it is away, and recovers by itself when it is back", async () => {
    proxy = await startDbProxy(databaseUrl, PROXY_PORT);
    const app = await start(PROXIED_PORT, proxy.url);
    const before = await takeSnapshot(app);

    const stop = new AbortController();
    const background = new BackgroundReads();
    const reading = runLoad({
      baseUrl: app.url,
      workers: 8,
      durationMs: 120_000,
      stop: stop.signal,
      pick: (n) => [...READ_PATHS, "/api/health", "/"][n % (READ_PATHS.length + 2)]!,
      onAnswer: (answer) => background.add(answer),
      timeoutMs: ANSWER_WITHIN_MS,
    });

    const outages: { from: number; to: number }[] = [];
    let probes = 0;
    let dataLost = 0;
    const modes: TCutMode[] = ["refuse", "reset", "refuse"];
    try {
      for (const mode of modes) {
        await sleep(1_500);
        const from = Date.now();
        await proxy.cut(mode);
        await sleep(300);
        probes += await expectUnavailable(app);

        await proxy.restore();
        const restored = Date.now();
        await waitFor("the reads to answer 200 again", async () => (await get(app, READ_PATHS[0]!)).status === 200, RECOVER_WITHIN_MS);
        console.log(`database outage (${mode}): reads answered 200 again ${Date.now() - restored} ms after it came back`);
        outages.push({ from, to: Date.now() });

        // Back as it was: every body equal to the one before the outage.
        const after = await takeSnapshot(app);
        dataLost += differingPaths(before, after).length;
        expect(differingPaths(before, after), `after the ${mode} outage`).toEqual([]);
      }
      await sleep(1_500);
    } finally {
      stop.abort();
    }
    const { requests } = await reading;
    // Served: the background reads, the probes during the outages and a snapshot before and after each.
    recordFigures("database outage", { requests: requests + probes + (modes.length + 1) * READ_PATHS.length, faults: modes.length, dataLost });

    expect(background.problems).toEqual([]);
    expect(background.failedOutside(outages), "reads failing while the database was up").toBe(0);
    // The background reads did meet the outages and the recoveries.
    expect(background.answers.filter((a) => !a.ok).length).toBeGreaterThan(0);
    expect(background.answers.filter((a) => a.ok && a.startedAt > outages.at(-1)!.to).length).toBeGreaterThan(0);
  });
});

describe("the server killed mid-publish", () => {
  // The publish transaction takes the editions lock, marks the edition
  // PUBLISHED and then bumps data_version: holding data_version's row from
  // here stops it between the two, when a crash would do the most harm.
  it("leaves the published data, the data version and the draft as they were; the draft publishes after a restart", async () => {
    const applicationName = "torch-resilience-killed";
    const appUrl = new URL(databaseUrl);
    appUrl.searchParams.set("application_name", applicationName);
    let app = await start(KILLED_PORT, appUrl.toString());
    const cookie = await signIn(app, USERS.admin, "10.9.0.2");
    const before = await takeSnapshot(app);

    // The draft changes every figure read here, and adds the year after the last one published (as a new yearbook does).
    const { years } = JSON.parse(before.bodies.get("/api/v1/meta")!) as { years: { max: number } };
    const newYear: ExtraFigure[] =
      years.max < new Date().getFullYear()
        ? [{ metric: "revenue", level: "nation", geo: "CN", year: years.max + 1, value: 42, unit: "亿元" }]
        : [];
    const draft = await uploadDraft(app, cookie, editionChangingEveryFigure(before, { extra: newYear }), "Killed mid-publish");

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const locker = new pg.Client({ connectionString: databaseUrl });
    await locker.connect();
    try {
      const backends = () =>
        db.query<{ pid: number; wait_event_type: string | null; query: string }>(
          "SELECT pid, wait_event_type, query FROM pg_stat_activity WHERE application_name = $1",
          [applicationName],
        );
      await locker.query("BEGIN");
      await locker.query("SELECT version FROM data_version WHERE id = 1 FOR UPDATE");
      const publishing = editionAction(app, cookie, draft.id, "publish").then(
        (response) => `answered ${response.status}`,
        () => "no answer",
      );
      const blocked = await waitFor(
        "the publish to wait for the data_version row",
        async () => (await backends()).rows.find((row) => row.wait_event_type === "Lock" && /data_version/.test(row.query)),
        20_000,
      );
      // It has written the edition row in its transaction: the kill lands half-way.
      const { rows: locks } = await db.query<{ mode: string }>(
        `SELECT l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = $1 AND c.relname = 'edition' AND l.granted`,
        [blocked.pid],
      );
      expect(locks.map((lock) => lock.mode)).toContain("RowExclusiveLock");

      await app.kill();
      expect(await publishing).toBe("no answer");
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }
    try {
      // Its backend sees the client gone once the lock is free, and rolls back.
      await waitFor(
        "the killed server's database sessions to end",
        async () => (await db.query("SELECT 1 FROM pg_stat_activity WHERE application_name = $1", [applicationName])).rowCount === 0,
        20_000,
      );
      const { rows } = await db.query<{ status: string; published_at: Date | null; version: number; published_events: string }>(
        `SELECT e.status, e.published_at, (SELECT version FROM data_version WHERE id = 1) AS version,
                (SELECT count(*) FROM audit_event WHERE action = 'edition.published' AND edition_id = e.id) AS published_events
         FROM edition e WHERE e.id = $1`,
        [draft.id],
      );
      expect(rows).toEqual([{ status: "DRAFT", published_at: null, version: before.version, published_events: "0" }]);
    } finally {
      await db.end();
    }

    // A new server on the same database shows exactly what the old one did.
    app = await start(KILLED_PORT, appUrl.toString());
    const restarted = await takeSnapshot(app);
    const lost = differingPaths(before, restarted);
    // Served: a sign-in, three snapshots, the upload and the publish after the restart.
    recordFigures("server killed mid-publish", { requests: 3 * READ_PATHS.length + 3, faults: 1, dataLost: lost.length });
    expect(lost).toEqual([]);

    // And the draft publishes normally (the session outlived the server): every figure changes, at the next data version.
    await changeEdition(app, cookie, draft.id, "publish");
    const published: Snapshot = await takeSnapshot(app);
    expect(published.version).toBe(before.version + 1);
    for (const path of READ_PATHS.filter((p) => p.startsWith("/api/v1/series") && !p.includes("format=csv"))) {
      expect(figuresNotChanged(before.bodies.get(path)!, published.bodies.get(path)!), path).toEqual([]);
    }
  });
});
