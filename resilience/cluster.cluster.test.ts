import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster, type ClusterInstance } from "@/scripts/start-cluster";
import { dropTestDatabase } from "@/tests/support/test-database";
import { changeEdition, uploadDraft } from "./support/admin-api";
import { createAppDatabase, signIn, USERS } from "./support/app";
import { editionChangingEveryFigure } from "./support/changed-edition";
import { queryDatabase, readDatabaseState } from "./support/database-state";
import { recordFigures } from "./support/figures";
import { runLoad, weightedDeck, type TAnswer } from "./support/load";
import { createStreamingReplica, type StreamingReplica } from "./support/streaming-replica";
import { describeDifference, etagVersion, READ_PATHS, takeSnapshot, type Snapshot } from "./support/views";
import { sleep, waitFor } from "./support/wait";

// Two instances behind nginx on a primary with a streaming replica, 50 readers
// through nginx for a minute while an admin publishes an edition through
// instance 1, instance 2 is stopped (SIGTERM) and restarted, and the replica is stopped
// and started again. Nothing may fail, every body must be the body of the data
// version its ETag names, every instance must serve the new version within a
// second of the publish, and the published data must be whole on both servers.

const AREA = "cluster: nginx, 2 instances, a replica";
const NGINX_PORT = 3230;
const FIRST_APP_PORT = 3231;
const REPLICA_PORT = 5439;
const WORKERS = 50;
const LOAD_MS = 60_000;
const AT_MS = { upload: 3_000, publish: 12_000, stopInstance: 22_000, restartInstance: 28_000, stopReplica: 38_000, startReplica: 45_000 };
/** An instance hears a publish by NOTIFY; a replica replays it from the primary's stream. */
const VERSION_LAG_BUDGET_MS = 1_000;
/**
 * How long after a publish nginx may still answer the old version: an instance may
 * answer it up to VERSION_LAG_BUDGET_MS after the publish, and nginx keeps an answer
 * one second (X-Accel-Expires), which it counts in whole seconds, so up to two.
 */
const NGINX_LAG_BUDGET_MS = VERSION_LAG_BUDGET_MS + 2_000;

const PAGES = ["/", "/?metric=revenue&view=map&year=2020", "/embed?metric=employees&level=nation&lang=zh"];
/**
 * Stands in the deck for the next view of one zone and one metric, pinned to the
 * first edition. "Latest" is resolved whole once per data version, zones
 * included; a pinned edition's zones are read when first asked for, so these keep
 * the instances reading the database (the replica, while it has their data
 * version) all through the run.
 */
const ZONE_VIEW = "zone view";
const ZONE_METRICS = ["high_tech_enterprises", "industrial_output", "registered_firms", "revenue", "tax_revenue", "zone_gdp"];
const DECK = weightedDeck([
  ...READ_PATHS.map((path) => [path, 6] as const),
  [ZONE_VIEW, 1],
  ["/api/health", 4],
  ...PAGES.map((path) => [path, 1] as const),
]);
const isSnapshotted = (path: string) => READ_PATHS.includes(path);
const isZoneView = (path: string) => path.includes("level=park");

async function zoneViews(instance: ClusterInstance): Promise<string[]> {
  const meta = await (await fetch(`${instance.url}/api/v1/meta`)).json();
  const { parks, editions } = meta as { parks: { code: string }[]; editions: { slug: string }[] };
  const pinned = editions[0]!.slug;
  return ZONE_METRICS.flatMap((metric) =>
    parks.map((park) => `/api/v1/series?metric=${metric}&level=park&geo=${park.code}&edition=${pinned}`),
  );
}

let databaseUrl: string;
let replica: StreamingReplica | undefined;
let cluster: Cluster | undefined;
/** The instances' and nginx's last lines, for a failure's message. */
const output: string[] = [];

const databaseName = () => new URL(databaseUrl).pathname.slice(1);
const readVersion = async (url: string) => (await queryDatabase<{ version: number }>(url, "SELECT version FROM data_version WHERE id = 1"))[0]!.version;
const healthVersion = async (instance: ClusterInstance) =>
  ((await (await fetch(`${instance.url}/api/health`, { signal: AbortSignal.timeout(2_000) })).json()) as { dataVersion: number }).dataVersion;
/** The instances' connections to the replica: there while they read from it. */
const replicaConnections = async () =>
  Number(
    (
      await queryDatabase<{ count: string }>(
        replica!.urlFor(databaseName()),
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
      )
    )[0]!.count,
  );

beforeAll(async () => {
  databaseUrl = await createAppDatabase("cluster");
  replica = await createStreamingReplica({ primaryUrl: databaseUrl, port: REPLICA_PORT });
  replica.start();
  cluster = await startCluster({
    instances: 2,
    port: NGINX_PORT,
    firstAppPort: FIRST_APP_PORT,
    databaseUrl,
    env: { DATABASE_REPLICA_URL: replica.urlFor(databaseName()) },
    onOutput: (line) => {
      output.push(line);
      if (output.length > 200) output.shift();
    },
  });
}, 240_000);

afterAll(async () => {
  await cluster?.stop();
  replica?.remove();
  if (databaseUrl) await dropTestDatabase(databaseUrl);
});

/** What the readers saw through nginx. */
class Observations {
  /** Bodies of the snapshotted reads, by path, data version and text. */
  readonly bodies = new Map<string, Map<number, Map<string, number>>>();
  readonly errors: string[] = [];
  errorCount = 0;
  /** The latest start time of a request answered at each data version. */
  readonly lastSeenAt = new Map<number, number>();
  notModified = 0;
  zoneViews = 0;
  private readonly lastEtag = new Map<string, string>();

  headersFor(path: string): Record<string, string> | undefined {
    const etag = this.lastEtag.get(path);
    return etag && Math.random() < 0.2 ? { "if-none-match": etag } : undefined;
  }

  add(answer: TAnswer): void {
    if ("error" in answer) return this.fail(answer, answer.error);
    const { path, status, headers, body } = answer;
    if (path === "/api/health") {
      const health = status === 200 ? (JSON.parse(body) as { status: string; dataVersion: number }) : null;
      if (health?.status !== "ok") return this.fail(answer, `${status} ${body.slice(0, 200)}`);
      return this.see(health.dataVersion, answer.startedAt);
    }
    if (!isSnapshotted(path) && !isZoneView(path)) {
      if (status !== 200 || !body.includes('data-testid="chart-area"')) this.fail(answer, `${status} ${body.slice(0, 200)}`);
      return;
    }
    const version = etagVersion(headers.get("etag"));
    if (version === null) return this.fail(answer, `${status}, no data version in the ETag ${headers.get("etag")}`);
    this.see(version, answer.startedAt);
    if (status === 304) {
      this.notModified++;
      return;
    }
    if (status !== 200) return this.fail(answer, `${status} ${body.slice(0, 200)}`);
    if (isZoneView(path)) {
      this.zoneViews++;
      const named = (JSON.parse(body) as { dataVersion: number }).dataVersion;
      if (named !== version) this.fail(answer, `the body says data version ${named}, its ETag ${version}`);
      return;
    }
    this.lastEtag.set(path, headers.get("etag")!);
    const byVersion = this.bodies.get(path) ?? new Map<number, Map<string, number>>();
    const counts = byVersion.get(version) ?? new Map<string, number>();
    counts.set(body, (counts.get(body) ?? 0) + 1);
    byVersion.set(version, counts);
    this.bodies.set(path, byVersion);
  }

  /** Bodies that are not the snapshot of the data version their ETag names. */
  mismatches(snapshots: ReadonlyMap<number, Snapshot>): { count: number; examples: string[] } {
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

  private see(version: number, startedAt: number): void {
    this.lastSeenAt.set(version, Math.max(this.lastSeenAt.get(version) ?? 0, startedAt));
  }

  private fail(answer: TAnswer, what: string): void {
    this.errorCount++;
    if (this.errors.length < 10) this.errors.push(`${answer.path} after ${Math.round(answer.ms)} ms: ${what}`);
  }
}

/** Milliseconds from `since` until `probe` holds, polled every 10 ms (at most 10 s). */
async function timeUntil(what: string, since: number, probe: () => Promise<boolean>): Promise<number> {
  await waitFor(what, async () => probe().catch(() => false), 10_000, 10);
  return Date.now() - since;
}

describe("two instances behind nginx, on a primary with a streaming replica", () => {
  it("serves every read while an edition is published, an instance is stopped and restarted, and the replica too", async () => {
    const [instance1, instance2] = cluster!.instances as [ClusterInstance, ClusterInstance];
    const seed = await takeSnapshot(instance1);
    const v0 = seed.version;
    const v1 = v0 + 1;
    await waitFor("the replica to have the seed", async () => (await readVersion(replica!.urlFor(databaseName()))) === v0, 30_000);
    const snapshots = new Map([[v0, seed]]);
    const zones = await zoneViews(instance1);
    let nextZone = 0;
    const cookie = await signIn(instance1, USERS.admin);
    const seen = new Observations();
    const started = Date.now();
    const at = (ms: number) => sleep(ms - (Date.now() - started));
    const timeline: string[] = [];
    const mark = (what: string) => timeline.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const admin = (async () => {
      await at(AT_MS.upload);
      const draft = await uploadDraft(instance1, cookie, editionChangingEveryFigure(seed), "Every figure changed");
      const before = await readDatabaseState(databaseUrl);
      await at(AT_MS.publish);
      await changeEdition(instance1, cookie, draft.id, "publish");
      const publishedAt = Date.now();
      mark("publish (instance 1)");
      const [lag1, lag2, replicaLag] = await Promise.all([
        timeUntil("instance 1 at the new version", publishedAt, async () => (await healthVersion(instance1)) >= v1),
        timeUntil("instance 2 at the new version", publishedAt, async () => (await healthVersion(instance2)) >= v1),
        timeUntil("the replica at the new version", publishedAt, async () => (await readVersion(replica!.urlFor(databaseName()))) >= v1),
      ]);
      snapshots.set(v1, await takeSnapshot(instance1));
      const usedBeforeStop = await replicaConnections();

      await at(AT_MS.stopInstance);
      // As an operator or an orchestrator stops it (SIGTERM): it answers what it has in flight, nginx sends the rest to instance 1.
      await instance2.stop();
      mark("stop instance 2");
      await at(AT_MS.restartInstance);
      await instance2.start();
      mark("instance 2 ready again");
      const restartedVersion = await healthVersion(instance2);

      await at(AT_MS.stopReplica);
      replica!.stop();
      mark("stop the replica");
      await at(AT_MS.startReplica);
      replica!.start();
      const replicaStartedAt = Date.now();
      mark("replica started again");
      const replicaCatchUp = await timeUntil("the replica to catch up", replicaStartedAt, async () => (await readVersion(replica!.urlFor(databaseName()))) >= v1);
      const replicaBackInUse = await timeUntil("the instances to read from the replica again", replicaStartedAt, async () => (await replicaConnections()) > 0);
      return { before, publishedAt, lag1, lag2, replicaLag, usedBeforeStop, restartedVersion, replicaCatchUp, replicaBackInUse };
    })();
    const adminOutcome = admin.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

    const { requests } = await runLoad({
      baseUrl: cluster!.url,
      workers: WORKERS,
      durationMs: LOAD_MS,
      pick: (n) => {
        const path = DECK[n % DECK.length]!;
        return path === ZONE_VIEW ? zones[nextZone++ % zones.length]! : path;
      },
      headersFor: (path) => seen.headersFor(path),
      onAnswer: (answer) => seen.add(answer),
      timeoutMs: 20_000,
    });
    const outcome = await adminOutcome;
    if ("error" in outcome) throw new Error(`${String(outcome.error)}\nlast output:\n${output.slice(-40).join("\n")}`);
    const result = outcome.value;
    const { count: mismatched, examples } = seen.mismatches(snapshots);

    // Nothing lost: the published data on the primary is the data uploaded, and the replica has the same.
    const after = await readDatabaseState(databaseUrl);
    await waitFor("the replica to match the primary", async () => (await readVersion(replica!.urlFor(databaseName()))) === after.dataVersion, 10_000);
    const onReplica = await readDatabaseState(replica!.urlFor(databaseName()));
    const nginxLag = Math.max(0, (seen.lastSeenAt.get(v0) ?? 0) - result.publishedAt);
    const lostFigures = (after.observationChecksum === result.before.observationChecksum ? 0 : 1) + (onReplica.observationChecksum === after.observationChecksum ? 0 : 1);
    recordFigures(AREA, { requests, faults: 2, dataLost: mismatched + lostFigures });
    console.log(
      `${AREA}: ${requests} requests through nginx in ${LOAD_MS / 1000} s by ${WORKERS} readers (${seen.zoneViews} of them zone views, ${seen.notModified} answered 304), ` +
        `${seen.errorCount} failed; faults injected: 2 (instance 2 stopped, the replica stopped); ${timeline.join(", ")}; ` +
        `version lag after the publish: instance 1 ${result.lag1} ms, instance 2 ${result.lag2} ms, replica ${result.replicaLag} ms, ` +
        `through nginx's 1 s cache ${nginxLag} ms; the replica caught up ${result.replicaCatchUp} ms after its restart and was read again after ${result.replicaBackInUse} ms`,
    );

    expect(seen.errors, `${seen.errorCount} failed requests`).toEqual([]);
    expect(examples, `${mismatched} responses not at one data version`).toEqual([]);
    expect([...seen.lastSeenAt.keys()].sort((a, b) => a - b)).toEqual([v0, v1]);
    expect(result.lag1).toBeLessThanOrEqual(VERSION_LAG_BUDGET_MS);
    expect(result.lag2).toBeLessThanOrEqual(VERSION_LAG_BUDGET_MS);
    expect(result.replicaLag).toBeLessThanOrEqual(VERSION_LAG_BUDGET_MS);
    expect(nginxLag).toBeLessThanOrEqual(NGINX_LAG_BUDGET_MS);
    expect(result.restartedVersion, "instance 2 after its restart").toBe(v1);
    expect(result.usedBeforeStop, "the instances' connections to the replica before it stopped").toBeGreaterThan(0);
    expect(after.dataVersion).toBe(v1);
    expect(after.observationChecksum).toBe(result.before.observationChecksum);
    expect(onReplica.observationChecksum).toBe(after.observationChecksum);
    expect(onReplica.editions).toEqual(after.editions);
    // Both sides of the publish were read through nginx, and the readers ended at the new version.
    for (const path of READ_PATHS) expect([...(seen.bodies.get(path)?.keys() ?? [])].sort((a, b) => a - b), path).toEqual([v0, v1]);
  });
});
