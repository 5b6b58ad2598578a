import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { queryDatabase } from "./database-state";

// A streaming replica of the test PostgreSQL, as a standby on another port:
// pg_basebackup into a folder of its own (with standby.signal and the
// primary's address written by -R), started and stopped with Debian's
// PostgreSQL 15 binaries. PostgreSQL will not run as root, so as root every
// command runs as the postgres user, who owns the folder.

const PG_BIN = "/usr/lib/postgresql/15/bin";
/** Settings a hot standby must have at least as high as its primary's. */
const SETTINGS_FROM_PRIMARY = ["max_connections", "max_worker_processes", "max_wal_senders", "max_prepared_transactions", "max_locks_per_transaction"];

export interface StreamingReplica {
  port: number;
  /** The replica's URL for one of the primary's databases. */
  urlFor(database: string): string;
  /** Starts the standby; resolves once it accepts connections. */
  start(): void;
  /** A fast shutdown: connections are cut, as when a replica's machine goes away. */
  stop(): void;
  isRunning(): boolean;
  /** Stops it if running and removes its folder. */
  remove(): void;
}

function run(command: string, args: readonly string[], what: string): string {
  const asPostgres = process.getuid?.() === 0;
  const result = asPostgres
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${what} failed: ${result.error?.message ?? ""}${result.stderr}${result.stdout}`);
  return result.stdout;
}

/**
 * Copies the primary behind `primaryUrl` (its whole server, every database)
 * into a standby on `port`, not yet started. Needs a pg_hba.conf line on the
 * primary that lets 127.0.0.1 connect for replication (.ci/run adds one).
 */
export async function createStreamingReplica({ primaryUrl, port }: { primaryUrl: string; port: number }): Promise<StreamingReplica> {
  if (!fs.existsSync(path.join(PG_BIN, "pg_basebackup"))) {
    throw new Error(`${PG_BIN} has no pg_basebackup: install Debian's postgresql-15 package (.ci/run does).`);
  }
  const primary = new URL(primaryUrl);
  const settings = await queryDatabase<{ name: string; setting: string }>(
    primaryUrl,
    `SELECT name, setting FROM pg_settings WHERE name = ANY($1)`,
    [SETTINGS_FROM_PRIMARY],
  );
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "torch-replica-"));
  const dataDir = path.join(folder, "data");
  const logFile = path.join(folder, "postgres.log");
  fs.chmodSync(folder, 0o755);
  if (process.getuid?.() === 0) spawnSync("chown", ["postgres:postgres", folder]);

  try {
    run(
      path.join(PG_BIN, "pg_basebackup"),
      ["-h", primary.hostname, "-p", primary.port || "5432", "-U", decodeURIComponent(primary.username || "postgres"), "-D", dataDir, "-X", "stream", "-R", "-c", "fast", "--no-sync"],
      "pg_basebackup (the primary's pg_hba.conf must allow `host replication all 127.0.0.1/32`)",
    );
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  // Debian keeps the configuration outside the data folder, so the copy has none: the standby gets its own.
  const conf = [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${folder}'`,
    "hot_standby = on",
    // The replica tells the primary which rows its queries still read, so replay never cancels them.
    "hot_standby_feedback = on",
    "shared_buffers = 32MB",
    ...settings.map(({ name, setting }) => `${name} = ${setting}`),
  ];
  const hba = ["local all all trust", "host all all 127.0.0.1/32 trust"];
  for (const [name, lines] of [["postgresql.conf", conf], ["pg_hba.conf", hba]] as const) {
    const file = path.join(dataDir, name);
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    if (process.getuid?.() === 0) spawnSync("chown", ["postgres:postgres", file]);
  }

  const pgCtl = (...args: string[]) => run(path.join(PG_BIN, "pg_ctl"), ["-D", dataDir, ...args], `pg_ctl ${args.at(-1)}`);
  const isRunning = () => fs.existsSync(path.join(dataDir, "postmaster.pid"));
  return {
    port,
    urlFor(database) {
      const url = new URL(primaryUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      url.pathname = `/${database}`;
      return url.toString();
    },
    start: () => void pgCtl("-l", logFile, "-w", "-t", "60", "start"),
    stop: () => void pgCtl("-m", "fast", "-w", "stop"),
    isRunning,
    remove() {
      if (isRunning()) pgCtl("-m", "immediate", "-w", "stop");
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
