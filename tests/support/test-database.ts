import pg from "pg";
import { openDatabase, type Database } from "@/lib/server/db";

/**
 * Integration tests run on a real PostgreSQL. TEST_DATABASE_URL names a
 * database to connect through (default: the local server's "postgres");
 * each test file gets its own fresh database next to it.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function urlFor(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database named after the test file (or a copy of `template`'s, which nothing may be connected to) and returns its URL. */
export async function createTestDatabase(label: string, template?: string): Promise<string> {
  const base = new URL(TEST_DATABASE_URL).pathname.slice(1) || "postgres";
  const name = `${base}_${label}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${new URL(template).pathname.slice(1)}"` : ""}`);
  });
  return urlFor(name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A fresh, empty PostgreSQL database opened through the app's own adapter. */
export async function openTestDatabase(label: string): Promise<{ db: Database; url: string }> {
  const url = await createTestDatabase(label);
  return { db: await openDatabase({ kind: "postgres", url }), url };
}
