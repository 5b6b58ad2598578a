import "server-only";
import type { ObservationStore } from "@/lib/ingest/observation-store";
import type { SqlConnection } from "@/lib/server/db";

/** Rows per statement: each column's text stays under V8's large-object size (~128 KB), so a batch is young garbage, collected at once. */
export const INSERT_BATCH_ROWS = 2_000;

/** One PostgreSQL array literal element: quoted, with backslash and quote escaped; NULL bare. */
function element(text: string | null): string {
  return text === null ? "NULL" : `"${text.replace(/[\\"]/g, "\\$&")}"`;
}

/** `element`, remembered: a batch repeats a few codes and notes thousands of times. */
function elementCache(): (text: string | null) => string {
  const known = new Map<string | null, string>();
  return (text) => {
    let quoted = known.get(text);
    if (quoted === undefined) known.set(text, (quoted = element(text)));
    return quoted;
  };
}

const arrayLiteral = (items: readonly string[]) => `{${items.join(",")}}`;

/** The batch's columns as array literals, built in one go so that nothing but these strings outlives it. */
function batchLiterals(store: ObservationStore, start: number, end: number): string[] {
  const quote = elementCache();
  const columns: string[][] = [[], [], [], [], [], [], [], []];
  for (let i = start; i < end; i++) {
    const o = store.at(i);
    columns[0]!.push(quote(o.indicatorCode));
    columns[1]!.push(String(o.year));
    columns[2]!.push(o.geoLevel);
    columns[3]!.push(quote(o.geoCode));
    columns[4]!.push(quote(o.breakdown));
    columns[5]!.push(String(o.value));
    columns[6]!.push(quote(o.note));
    columns[7]!.push(quote(o.sourceRef));
  }
  return columns.map(arrayLiteral);
}

/**
 * Inserts the store's observations `from`…`to` into an edition: one multi-row
 * INSERT … SELECT FROM unnest() per batch, each column passed as one array
 * literal (text, so it travels the same way through pg and PGlite).
 */
export async function insertStoredObservations(
  connection: SqlConnection,
  editionId: number,
  store: ObservationStore,
  from: number,
  to: number,
): Promise<void> {
  for (let start = from; start < to; start += INSERT_BATCH_ROWS) {
    await connection.query(
      `INSERT INTO "observation" ("edition_id", "indicator_code", "year", "geo_level", "geo_code", "breakdown", "value", "note", "source_ref")
       SELECT $1::int, r.* FROM unnest($2::text[], $3::int[], $4::"GeoLevel"[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::text[]) AS r`,
      [editionId, ...batchLiterals(store, start, Math.min(to, start + INSERT_BATCH_ROWS))],
    );
  }
}
