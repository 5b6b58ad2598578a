import "server-only";
import type { ObservationStore } from "@/lib/ingest/observation-store";
import type { SqlConnection } from "@/lib/server/db";

/** Rows per statement: each column's text stays under V8's large-object size (~128 KB), so a batch is young garbage, collected at once. */
export const INSERT_BATCH_ROWS = 2_000;

/** One PostgreSQL array literal element: quoted, with backslash and quote escaped; NULL bare. */
function element(text: string | null): string {
  return text === null ? "NULL" : `"${text.replace(/[\\"]/g, "\\$&")}"`;
}

const arrayLiteral = (items: ArrayLike<unknown>) => `{${Array.prototype.join.call(items, ",")}}`;

/** The column of ids as a literal of the strings they stand for, each string quoted once. */
function textLiteral(ids: ArrayLike<number>, table: readonly (string | null)[]): string {
  const quoted = new Map<number, string>();
  const items = new Array<string>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    let text = quoted.get(id);
    if (text === undefined) quoted.set(id, (text = element(table[id] ?? null)));
    items[i] = text;
  }
  return arrayLiteral(items);
}

/** The batch's columns as array literals, built in one go so that nothing but these strings outlives it. */
function batchLiterals(store: ObservationStore, start: number, end: number): string[] {
  const c = store.columns(start, end);
  return [
    textLiteral(c.indicator, c.codes),
    arrayLiteral(c.year),
    arrayLiteral(Array.from(c.level, (level) => c.levels[level]!)),
    textLiteral(c.geo, c.texts),
    textLiteral(c.breakdown, c.codes),
    arrayLiteral(c.value),
    textLiteral(c.note, c.texts),
    textLiteral(c.sourceRef, c.texts),
  ];
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
