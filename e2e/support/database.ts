import pg from "pg";
import { E2E_SERVERS } from "./servers";

/** One query on the PostgreSQL server's database, for what a test checks or cleans up behind the UI. */
export async function queryDatabase<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E_SERVERS.postgres.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
