import "server-only";
import pg from "pg";
import { readDataVersion } from "@/lib/server/queries/data-version";

/** After a failure a replica rests 500 ms, doubling up to 5 s while it keeps failing, before it is asked again. */
const RETRY_DELAY_MS = { first: 500, max: 5_000 };
/** A replica found behind the version wanted is asked again no sooner than this. */
const CATCH_UP_POLL_MS = 50;

interface Replica {
  location: string;
  pool: pg.Pool;
  /** The data version the replica was last seen to have; -1 before it has answered. */
  version: number;
  /** The version check in flight, if any. */
  checking: Promise<void> | null;
  /** No check before this time (a failure's backoff, or a catch-up poll's pause). */
  nextCheckAt: number;
  isDown: boolean;
  retryDelayMs: number;
}

/**
 * The read replicas of one primary, a pool each. A read at data version N
 * goes to a replica last seen to have N or later, taking turns; when none has
 * (or one fails), the primary answers, and the replicas behind are asked their
 * version in the background. So a replica is used only once it has caught up,
 * and one that is down is skipped until it answers a check again.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  private turn = 0;

  constructor(urls: readonly string[], redact: (url: string) => string) {
    this.replicas = urls.map((url) => {
      const location = redact(url);
      const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 1_000, keepAlive: true });
      // An idle client whose server went away: the next query or check finds out and marks it down.
      pool.on("error", () => {});
      return { location, pool, version: -1, checking: null, nextCheckAt: 0, isDown: false, retryDelayMs: RETRY_DELAY_MS.first };
    });
  }

  /** Runs a read on a replica that has `version`, or else with `onPrimary`. */
  async query<T>(version: number, sql: string, params: unknown[] | undefined, onPrimary: () => Promise<T[]>): Promise<T[]> {
    const replica = this.pick(version);
    if (!replica) return onPrimary();
    try {
      return (await replica.pool.query(sql, params)).rows;
    } catch (error) {
      this.markDown(replica, error);
      return onPrimary();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map(async (replica) => {
      await replica.checking;
      await replica.pool.end();
    }));
  }

  private pick(version: number): Replica | null {
    const count = this.replicas.length;
    for (let i = 0; i < count; i++) {
      const index = (this.turn + i) % count;
      const replica = this.replicas[index]!;
      if (!replica.isDown && replica.version >= version) {
        this.turn = index + 1;
        return replica;
      }
      this.check(replica);
    }
    return null;
  }

  private check(replica: Replica): void {
    if (replica.checking || Date.now() < replica.nextCheckAt) return;
    replica.checking = readDataVersion({ query: async (sql, params) => (await replica.pool.query(sql, params)).rows })
      .then(
        (version) => {
          replica.version = version;
          replica.nextCheckAt = Date.now() + CATCH_UP_POLL_MS;
          if (replica.isDown) console.error(`[db] read replica ${replica.location} answers again (at data version ${version})`);
          replica.isDown = false;
          replica.retryDelayMs = RETRY_DELAY_MS.first;
        },
        (error: unknown) => this.markDown(replica, error),
      )
      .finally(() => {
        replica.checking = null;
      });
  }

  private markDown(replica: Replica, error: unknown): void {
    if (!replica.isDown) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      console.error(`[db] read replica ${replica.location} left out until it answers again, the primary reads instead: ${reason}`);
    }
    replica.isDown = true;
    replica.nextCheckAt = Date.now() + replica.retryDelayMs;
    replica.retryDelayMs = Math.min(replica.retryDelayMs * 2, RETRY_DELAY_MS.max);
  }
}
