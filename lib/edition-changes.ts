import { neutraliseCell } from "@/lib/csv-export";
import type { DiffFigure } from "@/lib/edition-diff";
import { CANONICAL_UNITS, type TCanonicalUnit } from "@/lib/units";
import type { TLevel } from "@/lib/view-state";

// What a published edition changed for readers: each figure it added, revised or
// dropped against what was published before it, with names and units. Isomorphic:
// the /editions/<slug> page shows these and diff.csv downloads them.

export const CHANGE_KINDS = ["added", "revised", "dropped"] as const;
export type TChangeKind = (typeof CHANGE_KINDS)[number];

/** One figure of the diff as readers see it: the kind of change, the place's names, the unit. */
export interface EditionChange extends DiffFigure {
  kind: TChangeKind;
  level: TLevel;
  geoNameEn: string;
  geoNameZh: string;
  /** The indicator's canonical unit; old and new are in it. */
  unit: TCanonicalUnit;
}

export const DIFF_CSV_HEADER = ["change", "indicator", "year", "level", "geo_code", "geo_name", "old", "new", "unit", "pct_change"] as const;

/** Percent changes in the CSV: four decimals, enough for any yearbook revision and free of float noise. */
export function roundPct(pct: number): number {
  return Number(pct.toFixed(4));
}

function cell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = neutraliseCell(value);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One change as a CSV line: indicator code (with ":category" for indicators reported by
 * category), year, level, geography code and English name, old and new values in the
 * canonical unit, that unit, and the percent change for revisions. Text a spreadsheet
 * would run as a formula is neutralised like the dashboard's CSV.
 */
export function editionChangeCsvLine(c: EditionChange): string {
  return [
    c.kind,
    c.breakdown ? `${c.indicatorCode}:${c.breakdown}` : c.indicatorCode,
    c.year,
    c.level,
    c.geoCode,
    c.geoNameEn,
    c.old,
    c.new,
    CANONICAL_UNITS[c.unit].en,
    c.pctChange === null ? null : roundPct(c.pctChange),
  ]
    .map(cell)
    .join(",");
}

export const DIFF_CSV_HEADER_LINE = DIFF_CSV_HEADER.join(",");

/** The header and one line per change, CRLF-terminated. */
export function editionChangesToCsv(changes: readonly EditionChange[]): string {
  return `${[DIFF_CSV_HEADER_LINE, ...changes.map(editionChangeCsvLine)].join("\r\n")}\r\n`;
}
