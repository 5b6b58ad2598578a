import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropTestDatabase } from "@/tests/support/test-database";
import { changeEdition, uploadDraft } from "./support/admin-api";
import { createAppDatabase, signIn, startApp, USERS, type RunningApp } from "./support/app";
import { editionChangingEveryFigure, figuresNotChanged } from "./support/changed-edition";
import { recordFigures } from "./support/figures";
import { runLoad, weightedDeck, type TAnswer } from "./support/load";
import { describeDifference, etagVersion, READ_PATHS, spanFigures, spanPaths, takeSnapshot, type Snapshot } from "./support/views";
import { sleep } from "./support/wait";

// 50 readers for a minute while an admin publishes and retires editions that
// change every figure they read. Every response must succeed, and every series
// and meta body must be exactly the body of the data version its ETag names.
//
// Reads are cached per data version, so a body mixing two versions can only be
// made while a change commits during its read: right after another change,
// when the first readers at the new version are reading it. So the changes
// come in pairs, the second sent as soon as the first is done:
//
//   v0 seed ─ publish A → v1 (A) ─ publish B → v2 (A+B) ─ retire B → v3 (A) ─ retire A → v4 (seed) ─ publish C → v5 (C)
//
// Each state is read whole at a version where it stays a while (v0, v2, v3,
// v5); the short-lived v1 and v4 show states read at v3 and v0, with only
// the data version in the body changed.

const PORT = 3201;
const AREA = "load during publish";
const WORKERS = 50;
const LOAD_MS = 60_000;
/** When the admin starts each pair of changes (the uploads come first, from 3 s). */
const CHANGES_AT_MS = [14_000, 30_000, 44_000];

const PAGES = [
  "/",
  "/?metric=revenue&view=map&year=2020",
  "/embed?metric=exports&view=table&level=province&from=2016&to=2020",
  "/embed?metric=employees&level=nation&lang=zh",
];

/** Stands in the deck for the next span of the default view (see spanPaths). */
const SPAN = "span";
const DEFAULT_VIEW = READ_PATHS[0]!;

/** Mostly the JSON and CSV API, some catalogue and health checks, a few server-rendered pages. */
const DECK = weightedDeck([
  ...READ_PATHS.map((path) => [path, path === "/api/v1/meta" ? 8 : path.includes("format=csv") ? 4 : 6] as const),
  [SPAN, 16],
  ["/api/health", 4],
  ...PAGES.map((path) => [path, 1] as const),
]);

const isSnapshotted = (path: string) => READ_PATHS.includes(path);
const spanOf = (path: string) => /^\/api\/v1\/series\?from=(\d+)&to=(\d+)$/.exec(path)?.slice(1).map(Number) as [number, number] | undefined;

let app: RunningApp;
let databaseUrl: string;
let cookie: string;

beforeAll(async () => {
  databaseUrl = await createAppDatabase("load");
  app = await startApp({ port: PORT, databaseUrl });
  cookie = await signIn(app, USERS.admin);
});

afterAll(async () => {
  await app?.stop();
  if (databaseUrl) await dropTestDatabase(databaseUrl);
});

/**
 * What the readers saw: bodies by path and data version (a handful of distinct
 * ones), spans of the default view (checked against its snapshot once there is
 * one at their version), problems, versions per reader.
 */
class Observations {
  readonly bodies = new Map<string, Map<number, Map<string, number>>>();
  spansRead = 0;
  private readonly spans: { path: string; version: number; body: string }[] = [];
  private readonly spanMismatches: string[] = [];
  readonly errors: string[] = [];
  errorCount = 0;
  /** A reader that saw data version n and then, in a later request, an older one. */
  wentBack = 0;
  readonly healthVersions = new Set<number>();
  notModified = 0;
  slowestMs = 0;
  private readonly lastVersion = new Map<number, number>();
  private readonly lastEtag = new Map<string, string>();

  constructor(private readonly snapshots: Map<number, Snapshot>) {}

  headersFor(path: string): Record<string, string> | undefined {
    const etag = this.lastEtag.get(path);
    // One read in five revalidates what an earlier one got, as a browser cache would.
    return etag && Math.random() < 0.2 ? { "if-none-match": etag } : undefined;
  }

  add(answer: TAnswer): void {
    this.slowestMs = Math.max(this.slowestMs, answer.ms);
    if ("error" in answer) return this.fail(answer, answer.error);
    const { path, status, headers, body } = answer;
    if (status === 304 && isSnapshotted(path)) {
      this.notModified++;
      return this.seeVersion(answer.worker, etagVersion(headers.get("etag")));
    }
    if (status !== 200) return this.fail(answer, `${status} ${body.slice(0, 200)}`);
    if (path === "/api/health") {
      const health = JSON.parse(body) as { status: string; dataVersion: number };
      if (health.status !== "ok") return this.fail(answer, body);
      this.healthVersions.add(health.dataVersion);
      return this.seeVersion(answer.worker, health.dataVersion);
    }
    const span = spanOf(path);
    if (span) {
      const version = etagVersion(headers.get("etag"));
      if (version === null) return this.fail(answer, `no data version in the ETag ${headers.get("etag")}`);
      this.seeVersion(answer.worker, version);
      this.spansRead++;
      this.spans.push({ path, version, body });
      return this.checkSpans();
    }
    if (!isSnapshotted(path)) {
      // A rendered view has its chart area; an error page has not.
      if (!headers.get("content-type")?.startsWith("text/html") || !body.includes('data-testid="chart-area"')) this.fail(answer, body.slice(0, 200));
      return;
    }
    const version = etagVersion(headers.get("etag"));
    if (version === null) return this.fail(answer, `no data version in the ETag ${headers.get("etag")}`);
    this.lastEtag.set(path, headers.get("etag")!);
    this.seeVersion(answer.worker, version);
    const byVersion = this.bodies.get(path) ?? new Map<number, Map<string, number>>();
    const counts = byVersion.get(version) ?? new Map<string, number>();
    counts.set(body, (counts.get(body) ?? 0) + 1);
    byVersion.set(version, counts);
    this.bodies.set(path, byVersion);
  }

  /** Responses whose body is not the snapshot of the data version they name, with a few examples. */
  mismatches(): { count: number; examples: string[] } {
    this.checkSpans(true);
    let count = this.spanMismatches.length;
    const examples = this.spanMismatches.slice(0, 3);
    for (const [path, byVersion] of this.bodies) {
      for (const [version, counts] of byVersion) {
        const expected = this.snapshots.get(version)?.bodies.get(path);
        for (const [body, times] of counts) {
          if (body === expected) continue;
          count += times;
          if (examples.length < 5) examples.push(`${times}× ${path} at v${version}: ${expected === undefined ? "no snapshot at that version" : describeDifference(expected, body)}`);
        }
      }
    }
    return { count, examples };
  }

  /** "v3: 1200, v4: 35, …": series and meta bodies read at each data version. */
  describeVersions(): string {
    const counts = new Map<number, number>();
    for (const byVersion of this.bodies.values()) {
      for (const [version, bodies] of byVersion) counts.set(version, (counts.get(version) ?? 0) + [...bodies.values()].reduce((a, b) => a + b, 0));
    }
    return [...counts].sort(([a], [b]) => a - b).map(([version, count]) => `v${version}: ${count}`).join(", ");
  }

  /** Checks the spans read at versions that have a snapshot now (at the end: all of them). */
  private checkSpans(final = false): void {
    for (let i = this.spans.length - 1; i >= 0; i--) {
      const { path, version, body } = this.spans[i]!;
      const whole = this.snapshots.get(version)?.bodies.get(DEFAULT_VIEW);
      if (!whole && !final) continue;
      this.spans.splice(i, 1);
      const [from, to] = spanOf(path)!;
      const expected = whole && spanFigures(whole, from, to);
      const actual = spanFigures(body, from, to);
      if (actual !== expected) {
        this.spanMismatches.push(`${path} at v${version}: ${expected ? describeDifference(expected, actual) : "no snapshot at that version"}`);
      }
    }
  }

  private seeVersion(worker: number, version: number | null): void {
    if (version === null) return;
    if (version < (this.lastVersion.get(worker) ?? 0)) this.wentBack++;
    this.lastVersion.set(worker, version);
  }

  private fail(answer: TAnswer, what: string): void {
    this.errorCount++;
    if (this.errors.length < 10) this.errors.push(`${answer.path} after ${Math.round(answer.ms)} ms: ${what}`);
  }
}

/** A snapshot of the same data at another data version: only the version the bodies name changes. */
function relabel(snapshot: Snapshot, version: number): Snapshot {
  const bodies = new Map<string, string>();
  for (const [path, body] of snapshot.bodies) {
    if (path.includes("format=csv")) {
      bodies.set(path, body);
      continue;
    }
    const named = `"dataVersion":${snapshot.version}`;
    if (body.split(named).length !== 2) throw new Error(`${path}: the body does not name its data version once`);
    bodies.set(path, body.replace(named, `"dataVersion":${version}`));
  }
  return { version, bodies };
}

describe("reads while editions are published and retired", () => {
  it("answers every request, each series and meta body entirely at one data version", async () => {
    const seed = await takeSnapshot(app);
    const v0 = seed.version;
    const snapshots = new Map([[v0, seed]]);
    const seen = new Observations(snapshots);
    const { state } = JSON.parse(seed.bodies.get(DEFAULT_VIEW)!) as { state: { from: number; to: number } };
    const spans = spanPaths(state.from, state.to);
    let nextSpan = 0;
    const started = Date.now();
    const at = (ms: number) => sleep(ms - (Date.now() - started));
    const timeline: string[] = [];
    const change = async (id: number, action: "publish" | "retire") => {
      await changeEdition(app, cookie, id, action);
      timeline.push(`${action} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    };
    const snapshot = async (version: number) => {
      const taken = await takeSnapshot(app);
      if (taken.version !== version) throw new Error(`The snapshot for v${version} was read at v${taken.version}`);
      snapshots.set(version, taken);
      return taken;
    };

    // The admin, meanwhile. Editions A, B and C each change every figure, and differ from each other in every one.
    const admin = (async () => {
      await sleep(3_000);
      const upload = (step: number, name: string) => uploadDraft(app, cookie, editionChangingEveryFigure(seed, { step }), `Every figure changed ${name}`);
      const a = await upload(1, "A");
      const b = await upload(2, "B");
      const c = await upload(3, "C");
      await at(CHANGES_AT_MS[0]!);
      await change(a.id, "publish");
      await change(b.id, "publish");
      const withAB = await snapshot(v0 + 2);
      await at(CHANGES_AT_MS[1]!);
      await change(b.id, "retire");
      const withA = await snapshot(v0 + 3);
      snapshots.set(v0 + 1, relabel(withA, v0 + 1));
      await at(CHANGES_AT_MS[2]!);
      await change(a.id, "retire");
      await change(c.id, "publish");
      snapshots.set(v0 + 4, relabel(seed, v0 + 4));
      const withC = await snapshot(v0 + 5);
      return { withA, withAB, withC };
    })();
    const adminOutcome = admin.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

    const { requests } = await runLoad({
      baseUrl: app.url,
      workers: WORKERS,
      durationMs: LOAD_MS,
      pick: (n) => {
        const path = DECK[n % DECK.length]!;
        return path === SPAN ? spans[nextSpan++ % spans.length]! : path;
      },
      headersFor: (path) => seen.headersFor(path),
      onAnswer: (answer) => seen.add(answer),
      timeoutMs: 20_000,
    });
    const outcome = await adminOutcome;
    const { count: mismatched, examples } = seen.mismatches();
    recordFigures(AREA, { requests, dataLost: mismatched + seen.wentBack });
    console.log(
      `${AREA}: ${requests} requests in ${LOAD_MS / 1000} s by ${WORKERS} readers (${seen.spansRead} of them spans, ${seen.notModified} answered 304, slowest ${Math.round(seen.slowestMs)} ms); ` +
        `${timeline.join(", ")}; bodies read at each data version: ${seen.describeVersions()}`,
    );

    expect(seen.errors, `${seen.errorCount} failed requests`).toEqual([]);
    if ("error" in outcome) throw outcome.error;
    expect(examples, `${mismatched} responses mixed or unknown data`).toEqual([]);
    expect(seen.wentBack, "readers that saw an older data version after a newer one").toBe(0);

    // Every path was read in each state that lasted.
    for (const path of READ_PATHS) {
      expect([...(seen.bodies.get(path)?.keys() ?? [])], path).toEqual(expect.arrayContaining([v0, v0 + 2, v0 + 3, v0 + 5]));
    }
    expect([...seen.healthVersions].every((version) => snapshots.has(version))).toBe(true);

    // Each change changed every figure read, so a mix could not pass for either side of it.
    const { withA, withAB, withC } = outcome.value;
    const series = READ_PATHS.filter((path) => path.startsWith("/api/v1/series") && !path.includes("format=csv"));
    for (const [from, to] of [
      [seed, withA],
      [withA, withAB],
      [seed, withC],
    ] as const) {
      for (const path of series) expect(figuresNotChanged(from.bodies.get(path)!, to.bodies.get(path)!), path).toEqual([]);
    }
  });
});
