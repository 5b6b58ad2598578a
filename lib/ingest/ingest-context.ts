import { createGeoResolver, type GeoResolution, type GeoResolver } from "@/lib/ingest/aliases";
import { createIndicatorResolver, type IndicatorResolver } from "@/lib/ingest/indicator-aliases";
import type { ProblemLog } from "@/lib/ingest/problem-log";
import type { SheetRow } from "@/lib/ingest/table-source";
import type { ObservationStore } from "@/lib/ingest/observation-store";
import type { IngestReference } from "@/lib/ingest/types";
import { ObservationBuilder, type CellLocation } from "@/lib/ingest/validate";

// What the layouts share while one upload is read: the alias tables, the
// observation builder and its problem log.

export interface IngestContext {
  reference: IngestReference;
  fileName: string;
  geo: GeoResolver;
  indicators: IndicatorResolver;
  builder: ObservationBuilder;
}

export function createIngestContext(
  reference: IngestReference,
  fileName: string,
  log: ProblemLog,
  store?: ObservationStore,
): IngestContext {
  return {
    reference,
    fileName,
    geo: createGeoResolver(reference),
    indicators: createIndicatorResolver(reference),
    builder: new ObservationBuilder(reference, log, store),
  };
}

/** Reads the data rows of one table, after its header. */
export interface LayoutReader {
  readonly layout: "long" | "wide";
  readRow(row: SheetRow): void;
}

/** "A", "B" … "AA": how a spreadsheet names a 0-based column. */
export function columnLetter(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Reports why a place could not be resolved; true when it was. */
export function reportGeo(
  context: IngestContext,
  resolution: GeoResolution,
  text: string,
  at: CellLocation,
  levelText?: string,
): boolean {
  const { builder } = context;
  switch (resolution.kind) {
    case "found":
      return true;
    case "ambiguous":
      builder.error(
        "ambiguous_geo",
        at,
        `“${text}” could mean ${resolution.candidates.map((c) => `${c.level.toLowerCase()} ${c.code}`).join(" or ")}; write the full name or the code.`,
        text,
      );
      return false;
    case "wrong_level":
      builder.error(
        "wrong_level",
        at,
        `“${text}” is a ${resolution.match.level.toLowerCase()} (${resolution.match.code}), but the row's level is ${levelText ?? "different"}.`,
        text,
      );
      return false;
    default:
      builder.error(
        "unknown_geo",
        at,
        text
          ? `“${text}” is not a province, region, zone or national total this app knows (use the adcode, e.g. 110000, or the Chinese or English name).`
          : "The place is empty.",
        text,
      );
      return false;
  }
}
