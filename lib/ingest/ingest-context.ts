import { createGeoResolver, type GeoResolution, type GeoResolver } from "@/lib/ingest/aliases";
import { createIndicatorResolver, type IndicatorResolver } from "@/lib/ingest/indicator-aliases";
import type { BilingualText } from "@/lib/ingest/names";
import { NewZoneRegistry } from "@/lib/ingest/new-zones";
import type { ProblemLog } from "@/lib/ingest/problem-log";
import type { SheetRow } from "@/lib/ingest/table-source";
import type { ObservationStore } from "@/lib/ingest/observation-store";
import type { GeoLevel, IngestReference } from "@/lib/ingest/types";
import { ObservationBuilder, type CellLocation } from "@/lib/ingest/validate";

// What the layouts share while one upload is read: the alias tables, the
// observation builder and its problem log.

export interface IngestContext {
  reference: IngestReference;
  fileName: string;
  geo: GeoResolver;
  indicators: IndicatorResolver;
  builder: ObservationBuilder;
  newZones: NewZoneRegistry;
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
    newZones: new NewZoneRegistry(reference),
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
  const { names } = builder;
  switch (resolution.kind) {
    case "found":
      return true;
    case "ambiguous": {
      const candidates = resolution.candidates.map((c) => names.geo(c));
      builder.error(
        "ambiguous_geo",
        at,
        {
          en: `“${text}” could mean ${candidates.map((c) => c.en).join(" or ")}; write the full name or the code.`,
          zh: `“${text}”可能指${candidates.map((c) => c.zh).join("或")}，请填写全称或代码。`,
        },
        text,
      );
      return false;
    }
    case "wrong_level": {
      const place = names.geo(resolution.match, text);
      const level = GEO_LEVEL_NAMES[resolution.match.level];
      builder.error(
        "wrong_level",
        at,
        {
          en: `“${text}” is ${place.en}, a ${level.en}, but the row's level is ${levelText ?? "different"}.`,
          zh: `“${text}”是${level.zh}（${place.zh}），但本行的地区级别为${levelText ? `“${levelText}”` : "其他级别"}。`,
        },
        text,
      );
      return false;
    }
    default:
      builder.error(
        "unknown_geo",
        at,
        text
          ? {
              en: `“${text}” is not a province, region, zone or national total this app knows (use the adcode, e.g. 110000, or the Chinese or English name).`,
              zh: `“${text}”不是本系统可识别的省份、地区、高新区或全国合计（请使用行政区划代码如 110000，或中英文名称）。`,
            }
          : { en: "The place is empty.", zh: "地区为空。" },
        text,
      );
      return false;
  }
}

const GEO_LEVEL_NAMES: Record<GeoLevel, BilingualText> = {
  NATION: { en: "national total", zh: "全国合计" },
  REGION: { en: "region", zh: "地区" },
  PROVINCE: { en: "province", zh: "省份" },
  PARK: { en: "zone", zh: "高新区" },
};
