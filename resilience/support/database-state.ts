import pg from "pg";

// What a refused or failed request must leave as it was: editions, their
// figures, the data version and the accounts, read straight from PostgreSQL.

export interface DatabaseState {
  editions: string[];
  observations: number;
  observationChecksum: string;
  dataVersion: number;
  users: string[];
}

export async function queryDatabase<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function readDatabaseState(databaseUrl: string): Promise<DatabaseState> {
  const [editions, observations, version, users] = await Promise.all([
    queryDatabase<{ line: string }>(databaseUrl, `SELECT id || ' ' || slug || ' ' || status AS line FROM edition ORDER BY id`),
    queryDatabase<{ count: string; checksum: string | null }>(
      databaseUrl,
      `SELECT count(*) AS count, md5(string_agg(edition_id || indicator_code || year || geo_level || geo_code || breakdown || value, ',' ORDER BY id)) AS checksum FROM observation`,
    ),
    queryDatabase<{ version: number }>(databaseUrl, `SELECT version FROM data_version WHERE id = 1`),
    queryDatabase<{ line: string }>(databaseUrl, `SELECT email || ' ' || role AS line FROM "user" ORDER BY email`),
  ]);
  return {
    editions: editions.map((row) => row.line),
    observations: Number(observations[0]!.count),
    observationChecksum: observations[0]!.checksum ?? "",
    dataVersion: version[0]?.version ?? 0,
    users: users.map((row) => row.line),
  };
}
