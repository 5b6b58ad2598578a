import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropTestDatabase } from "@/tests/support/test-database";
import { changeEdition, uploadDraft } from "./support/admin-api";
import { createAppDatabase, signIn, startApp, USERS, type RunningApp } from "./support/app";
import { editionChangingEveryFigure, figuresNotChanged } from "./support/changed-edition";
import { recordFigures } from "./support/figures";
import { runLoad, weightedDeck, type TAnswer } from "./support/load";
import { sleep } from "./support/wait";
import { describeDifference, etagVersion, READ_PATHS, takeSnapshot, type Snapshot } from "./support/views";

// 50 readers for a minute while an admin uploads and publishes an edition
// that changes every figure they read, then retires it. Every response must
// succeed, and every series and meta body must be exactly the body of one data
// version (the one its ETag names), as read before and after each change.

const PORT = 3201;
const AREA = "load during publish";
const WORKERS = 50;
const LOAD_MS = 60_000;
const PUBLISH_AT_MS = 12_000;
const RETIRE_AT_MS = 38_000;

const PAGES = [
  "/",
  "/?metric=revenue&view=map&year=2020",
  "/embed?metric=exports&view=table&level=province&from=2016&to=2020",
  "/embed?metric=employees&level=nation&lang=zh",
];

/** Mostly the JSON and CSV API, some catalogue and health checks, a few server-rendered pages. */
const DECK = weightedDeck([
  ...READ_PATHS.map((path) => [path, path === "/api/v1/meta" ? 8 : path.includes("format=csv") ? 4 : 6] as const),
  ["/api/health", 4],
  ...PAGES.map((path) => [path, 1] as const),
]);

const isSnapshotted = (path: string) => READ_PATHS.includes(path);

let app: RunningApp;
let databaseUrl: string;
let cookie: string;

beforeAll(async () => {
  databaseUrl = await createAppDatabase("load");
  // Better Auth accepts the sign-in's Origin only when it is the configured public URL.
  app = await startApp({ port: PORT, databaseUrl, env: { PUBLIC_URL: `http://127.0.0.1:${PORT}` } });
  cookie = await signIn(app, USERS.admin);
});

afterAll(async () => {
  await app?.stop();
  if (databaseUrl) await dropTestDatabase(databaseUrl);
});

/** What the readers saw: bodies by path and data version (a handful of distinct ones), problems, versions per reader. */
class Observations {
  readonly bodies = new Map<string, Map<number, Map<string, number>>>();
  readonly errors: string[] = [];
  errorCount = 0;
  /** A reader that saw data version n and then, in a later request, an older one. */
  wentBack = 0;
  readonly healthVersions = new Set<number>();
  notModified = 0;
  slowestMs = 0;
  private readonly lastVersion = new Map<number, number>();
  private readonly lastEtag = new Map<string, string>();

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
    if (!isSnapshotted(path)) {
      if (!headers.get("content-type")?.startsWith("text/html") || !body.includes("Torch Atlas")) this.fail(answer, body.slice(0, 200));
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
  mismatches(snapshots: Map<number, Snapshot>): { count: number; examples: string[] } {
    let count = 0;
    const examples: string[] = [];
    for (const [path, byVersion] of this.bodies) {
      for (const [version, counts] of byVersion) {
        const expected = snapshots.get(version)?.bodies.get(path);
        for (const [body, times] of counts) {
          if (body === expected) continue;
          count += times;
          if (examples.length < 5) examples.push(`${times}× ${path} at v${version}: ${expected === undefined ? "no snapshot at that version" : describeDifference(expected, body)}`);
        }
      }
    }
    return { count, examples };
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

/** A JSON body without its data version: what must come back when a retire restores the data. */
function withoutVersion(text: string): unknown {
  const body = JSON.parse(text) as Record<string, unknown>;
  delete body.dataVersion;
  return body;
}

describe("reads while an edition is published and retired", () => {
  it("answers every request, each series and meta body entirely at one data version", async () => {
    const before = await takeSnapshot(app);
    const snapshots = new Map([[before.version, before]]);
    const upload = editionChangingEveryFigure(before);
    const seen = new Observations();
    const started = Date.now();

    // The admin, meanwhile: upload and publish, read every path at the new version; later retire and read again.
    const admin = (async () => {
      await sleep(PUBLISH_AT_MS);
      const draft = await uploadDraft(app, cookie, upload, "Every figure changed");
      await changeEdition(app, cookie, draft.id, "publish");
      const publishedAt = Date.now() - started;
      const published = await takeSnapshot(app);
      snapshots.set(published.version, published);
      await sleep(RETIRE_AT_MS - (Date.now() - started));
      await changeEdition(app, cookie, draft.id, "retire");
      const retiredAt = Date.now() - started;
      const retired = await takeSnapshot(app);
      snapshots.set(retired.version, retired);
      return { published, retired, timeline: `published at ${publishedAt / 1000} s, retired at ${retiredAt / 1000} s` };
    })();
    const adminOutcome = admin.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

    const { requests } = await runLoad({
      baseUrl: app.url,
      workers: WORKERS,
      durationMs: LOAD_MS,
      pick: (n) => DECK[n % DECK.length]!,
      headersFor: (path) => seen.headersFor(path),
      onAnswer: (answer) => seen.add(answer),
      timeoutMs: 20_000,
    });
    const outcome = await adminOutcome;
    const { count: mismatched, examples } = seen.mismatches(snapshots);
    recordFigures(AREA, { requests, dataLost: mismatched + seen.wentBack });
    console.log(
      `${AREA}: ${requests} requests in ${LOAD_MS / 1000} s by ${WORKERS} readers (${seen.notModified} answered 304, slowest ${Math.round(seen.slowestMs)} ms); ` +
        `data versions ${[...snapshots.keys()].join(" → ")}${"value" in outcome ? `, ${outcome.value.timeline}` : ""}`,
    );

    expect(seen.errors, `${seen.errorCount} failed requests`).toEqual([]);
    if ("error" in outcome) throw outcome.error;
    const { published, retired } = outcome.value;
    expect(examples, `${mismatched} responses mixed or unknown data`).toEqual([]);
    expect(seen.wentBack, "readers that saw an older data version after a newer one").toBe(0);

    // The changes happened during the load, and the readers saw all three versions.
    expect([published.version, retired.version]).toEqual([before.version + 1, before.version + 2]);
    for (const path of READ_PATHS) {
      expect([...(seen.bodies.get(path)?.keys() ?? [])], path).toEqual(expect.arrayContaining([...snapshots.keys()]));
    }
    expect([...seen.healthVersions].every((version) => snapshots.has(version))).toBe(true);

    // The published edition changed every figure the readers looked at, so a mix could not pass for either version…
    for (const [path, body] of before.bodies) {
      if (!path.startsWith("/api/v1/series") || path.includes("format=csv")) continue;
      expect(figuresNotChanged(body, published.bodies.get(path)!), path).toEqual([]);
    }
    // …and retiring it brought back exactly what was there before.
    for (const [path, body] of before.bodies) {
      const after = retired.bodies.get(path)!;
      if (path.includes("format=csv")) expect(after, path).toBe(body);
      else expect(withoutVersion(after), path).toEqual(withoutVersion(body));
    }
  });
});
