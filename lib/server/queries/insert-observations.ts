import "server-only";
import type { GeoLevel } from "@/lib/geo-level";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface NewObservation {
  indicatorCode: string;
  year: number;
  geoLevel: GeoLevel;
  geoCode: string;
  breakdown: string;
  value: number;
  note: string | null;
  sourceRef: string | null;
  /** Uploads have none. */
  confidence?: string | null;
  /** True when the value is a lower bound ("at least"); uploads give exact figures. */
  isLowerBound?: boolean;
}

const CHUNK = 5_000;
/** The columns written; any other property of the objects passed in (an upload's sheet and row) is left out. */
const COLUMNS: (keyof NewObservation)[] = ["indicatorCode", "year", "geoLevel", "geoCode", "breakdown", "value", "note", "sourceRef", "confidence", "isLowerBound"];

/**
 * Inserts an edition's observations in a few statements (one per 5,000 rows,
 * passed as one JSON document): createMany's row-by-row parameters are an
 * order of magnitude slower for a whole yearbook, and JSON travels the same
 * way through both database adapters, where arrays do not.
 */
export async function insertObservations(
  tx: Prisma.TransactionClient,
  editionId: number,
  observations: readonly NewObservation[],
): Promise<void> {
  for (let start = 0; start < observations.length; start += CHUNK) {
    const rows = JSON.stringify(observations.slice(start, start + CHUNK), COLUMNS);
    await tx.$executeRaw`
      INSERT INTO "observation"
        ("edition_id", "indicator_code", "year", "geo_level", "geo_code", "breakdown", "value", "note", "source_ref", "confidence", "is_lower_bound")
      SELECT ${editionId}, r."indicatorCode", r."year", r."geoLevel", r."geoCode", r."breakdown", r."value", r."note", r."sourceRef", r."confidence", coalesce(r."isLowerBound", false)
      FROM jsonb_to_recordset(${rows}::jsonb) AS r(
        "indicatorCode" text, "year" int, "geoLevel" "GeoLevel", "geoCode" text, "breakdown" text,
        "value" float8, "note" text, "sourceRef" text, "confidence" text, "isLowerBound" boolean
      )`;
  }
}
