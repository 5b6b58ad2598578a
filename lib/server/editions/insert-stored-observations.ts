import "server-only";
import type { ObservationStore } from "@/lib/ingest/observation-store";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Rows per statement: large enough that the round trip is noise, small enough that one batch's text stays a few MB. */
export const INSERT_BATCH_ROWS = 10_000;

/** One PostgreSQL array literal element: quoted, with backslash and quote escaped; NULL bare. */
function element(text: string | null): string {
  return text === null ? "NULL" : `"${text.replace(/[\\"]/g, "\\$&")}"`;
}

const arrayLiteral = (items: readonly string[]) => `{${items.join(",")}}`;

/**
 * Inserts the store's observations `from`…`to` into an edition: one multi-row
 * INSERT … SELECT FROM unnest() per batch, each column passed as one array
 * literal (text, so it travels the same way through both database adapters).
 */
export async function insertStoredObservations(
  tx: Prisma.TransactionClient,
  editionId: number,
  store: ObservationStore,
  from: number,
  to: number,
): Promise<void> {
  for (let start = from; start < to; start += INSERT_BATCH_ROWS) {
    const end = Math.min(to, start + INSERT_BATCH_ROWS);
    const columns: string[][] = [[], [], [], [], [], [], [], []];
    for (let i = start; i < end; i++) {
      const o = store.at(i);
      columns[0]!.push(element(o.indicatorCode));
      columns[1]!.push(String(o.year));
      columns[2]!.push(o.geoLevel);
      columns[3]!.push(element(o.geoCode));
      columns[4]!.push(element(o.breakdown));
      columns[5]!.push(String(o.value));
      columns[6]!.push(element(o.note));
      columns[7]!.push(element(o.sourceRef));
    }
    await tx.$executeRawUnsafe(
      `INSERT INTO "observation" ("edition_id", "indicator_code", "year", "geo_level", "geo_code", "breakdown", "value", "note", "source_ref")
       SELECT $1::int, r.* FROM unnest($2::text[], $3::int[], $4::"GeoLevel"[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::text[]) AS r`,
      editionId,
      ...columns.map(arrayLiteral),
    );
  }
}
