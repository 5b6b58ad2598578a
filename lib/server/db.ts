import "server-only";
import fs from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDatabaseConfig, type TDatabaseConfig } from "@/lib/env";
import { AppError, describeDatabaseError } from "@/lib/server/errors";
import { PostgresListener, type NotificationHandlers } from "@/lib/server/postgres-listener";
import { ReadReplicas } from "@/lib/server/read-replicas";

export type { NotificationHandlers } from "@/lib/server/postgres-listener";

// The one place that knows which database is in use. Everything else takes a
// `Database` and uses its Prisma client, or a raw connection for migrations.
// With read replicas, only `readAtVersion` uses them: Prisma, `query`,
// connections, transactions and the listener stay on the primary.

export type TDatabaseKind = TDatabaseConfig["kind"];

/** A raw SQL connection: used for migrations and advisory locks, which Prisma can't express. */
export interface SqlConnection {
  /** Runs one or more statements without parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database {
  kind: TDatabaseKind;
  /** Where the data lives, safe to print: a URL without its password, or a folder. */
  location: string;
  prisma: PrismaClient;
  /**
   * A read straight through the driver, for the hot paths (every dashboard
   * request): Prisma's per-query overhead is several milliseconds here.
   */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * A read of published data for a request served at data version `version`:
   * from a read replica known to have that version (or a later one), else from
   * the primary, like `query`. Never for writes.
   */
  readAtVersion<T>(version: number, sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `work` on one dedicated connection (a session-level lock stays with it). */
  withConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one transaction on a connection of its own (PGlite: with the
   * database to itself); commits when it returns, rolls back when it throws. For
   * bulk writes, which Prisma's raw queries would copy several times over.
   */
  transaction<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * Subscribes to the NOTIFYs on `channel` of every process using this database.
   * PostgreSQL: on one connection of the process's own, opened on the first
   * subscription and reopened when it drops; PGlite: in-process.
   */
  listen(channel: string, handlers: NotificationHandlers): void;
  /** Closes the connections, the listening one too. */
  close(): Promise<void>;
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

async function openPostgres(url: string, replicaUrls: readonly string[]): Promise<Database> {
  const location = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server emits 'error' on the pool; without a
  // listener that would crash the process instead of failing one request.
  pool.on("error", (error) => console.error(`[db] ${describeDatabaseError(error, location)}`));
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new AppError("DATABASE_UNAVAILABLE", describeDatabaseError(error, location));
  }
  const listener = new PostgresListener(url, location);
  const replicas = new ReadReplicas(replicaUrls, redactUrl);
  const query = async <T>(sql: string, params?: unknown[]): Promise<T[]> => (await pool.query(sql, params)).rows;
  return {
    kind: "postgres",
    location,
    prisma: new PrismaClient({ adapter: new PrismaPg(pool) }),
    query,
    readAtVersion: (version, sql, params) => replicas.query(version, sql, params, () => query(sql, params)),
    async withConnection(work) {
      const client = await pool.connect();
      try {
        return await work({
          async exec(sql) {
            await client.query(sql);
          },
          async query(sql, params) {
            return (await client.query(sql, params)).rows;
          },
        });
      } finally {
        client.release();
      }
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          async exec(sql) {
            await client.query(sql);
          },
          async query(sql, params) {
            return (await client.query(sql, params)).rows;
          },
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen(channel, handlers) {
      listener.listen(channel, handlers);
    },
    async close() {
      await Promise.all([listener.close(), replicas.close(), pool.end()]);
    },
  };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  let pglite: PGlite;
  try {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.access(dataDir, fs.constants.W_OK);
    pglite = await PGlite.create(dataDir);
  } catch (error) {
    throw new AppError("DATABASE_UNAVAILABLE", describeDatabaseError(error, dataDir));
  }
  const connection: SqlConnection = {
    async exec(sql) {
      await pglite.exec(sql);
    },
    async query(sql, params) {
      return (await pglite.query(sql, params)).rows as never[];
    },
  };
  return {
    kind: "embedded",
    location: dataDir,
    prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite) }),
    query: connection.query,
    readAtVersion: (_version, sql, params) => connection.query(sql, params),
    // PGlite is a single connection that serialises its callers.
    withConnection: (work) => work(connection),
    transaction: (work) =>
      pglite.transaction((tx) =>
        work({
          async exec(sql) {
            await tx.exec(sql);
          },
          async query(sql, params) {
            return (await tx.query(sql, params)).rows as never[];
          },
        }),
      ),
    listen(channel, handlers) {
      // Delivered when the notifying transaction commits, before its commit returns.
      pglite.listen(channel, (payload) => handlers.onNotify(payload)).then(
        () => handlers.onListening(),
        (error: unknown) => console.error(`[db] cannot listen on ${channel}: ${describeDatabaseError(error, dataDir)}`),
      );
    },
    async close() {
      await pglite.close();
    },
  };
}

/** Opens the configured database. Throws AppError("DATABASE_UNAVAILABLE") with a one-line reason. */
export async function openDatabase(config: TDatabaseConfig = getDatabaseConfig()): Promise<Database> {
  return config.kind === "postgres" ? openPostgres(config.url, config.replicaUrls ?? []) : openEmbedded(config.dataDir);
}

const globalForDb = globalThis as unknown as { torchDatabase?: Promise<Database> };

/**
 * The server's shared database. The promise is cached only once it succeeds,
 * so the app recovers by itself when a database that was down comes back.
 */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.torchDatabase) {
    const opening = openDatabase();
    globalForDb.torchDatabase = opening;
    opening.catch(() => {
      if (globalForDb.torchDatabase === opening) globalForDb.torchDatabase = undefined;
    });
  }
  return globalForDb.torchDatabase;
}

/** Closes the shared database if it was opened (on shutdown: PGlite flushes to disk). */
export async function closeSharedDatabase(): Promise<void> {
  const opening = globalForDb.torchDatabase;
  globalForDb.torchDatabase = undefined;
  if (opening) await (await opening.catch(() => null))?.close();
}
