import type { ObservationStore } from "@/lib/ingest/observation-store";
import type { GeoLevel } from "@/lib/geo-level";
import type { TCanonicalUnit } from "@/lib/units";

// The public shapes of the ingest library: what the caller passes in (the
// reference tables, limits) and what it gets back (observations in canonical
// units and a validation report). Pure data, no database types.

export type { GeoLevel } from "@/lib/geo-level";

export interface IngestReferenceIndicator {
  code: string;
  nameEn: string;
  nameZh: string;
  unit: TCanonicalUnit;
  /** Counts (zones, firms, persons): never negative, and summed into totals. */
  isCount: boolean;
  /** The breakdowns ("state_owned", "high_tech_industries" …) an upload may report besides the whole (""). */
  breakdowns?: string[];
  /** May parts be summed into a total? Defaults to true for every unit but percent. */
  isAdditive?: boolean;
  /** May a value be below zero? Defaults to false for counts and money (net profit is the exception). */
  allowsNegative?: boolean;
  /** Further names the indicator is printed under, besides the built-in historical names. */
  aliases?: string[];
}

export interface IngestReference {
  provinces: { adcode: number; nameEn: string; nameZh: string; nameZhShort: string; regionCode: string }[];
  regions: { code: string; nameEn: string; nameZh: string }[];
  /** Zones: `slug` is the readable code; `cityEn` (the first 53 zones) is also a name they go by. */
  parks: { slug: string; nameZh: string; nameEn: string | null; cityEn?: string | null; provinceAdcode: number }[];
  indicators: IngestReferenceIndicator[];
  /** Cities by short Chinese name (怀化) and English name: a zone new to the registry takes its province from the city its name starts with. */
  cities?: { nameZh: string; nameEn: string; provinceAdcode: number }[];
  /** Inclusive span of data years an upload may report, e.g. 1988..the current year. */
  yearRange: { min: number; max: number };
}

/** What kind of problem it is, for the UI to group or filter by; `reason` says it in words. */
export type IngestProblemCode =
  | "unreadable_file"
  | "unknown_encoding"
  | "no_table"
  | "no_year"
  | "missing_column"
  | "duplicate_column"
  | "unknown_column"
  | "unknown_geo"
  | "ambiguous_geo"
  | "wrong_level"
  | "unknown_level"
  | "unknown_indicator"
  | "not_a_number"
  | "formula_without_value"
  | "negative_value"
  | "missing_unit"
  | "unknown_unit"
  | "unit_not_convertible"
  | "duplicate_row"
  | "bad_year"
  | "year_out_of_range"
  | "unknown_breakdown"
  | "label_mismatch"
  | "sum_mismatch"
  | "skipped_symbols"
  | "year_conflict"
  | "year_from_file_name"
  | "unit_assumed"
  | "no_figures"
  | "new_zone"
  | "zone_without_province"
  | "problems_truncated";

export interface IngestProblem {
  severity: "error" | "warning";
  /** The sheet's name for XLSX; null for CSV. */
  sheet: string | null;
  /** 1-based, as a spreadsheet shows it (the header is usually row 1); null for the whole file or sheet. */
  row: number | null;
  /** The column's header as written in the file. */
  column: string | null;
  /** In English; `reasonZh` says the same in Chinese (absent only for messages not yet translated). */
  reason: string;
  reasonZh?: string;
  value?: string;
  /** What kind of problem, for grouping and filtering; `reason` says it in words. */
  code: IngestProblemCode;
}

/** A message in both languages, or in English only (not yet translated). */
export type IngestMessage = string | { en: string; zh: string };

/** A zone the registry lacks, named by an upload: it joins the registry when the edition is published. */
export interface IngestNewZone {
  /** The code it will have (readable, like the registry's: "huaihua"). */
  slug: string;
  nameZh: string;
  nameEn: string | null;
  /** Short Chinese name of its city ("怀化"); "" when its name does not say. */
  cityZh: string;
  cityEn: string | null;
  provinceAdcode: number;
  /** Where the upload first names it. */
  sheet: string | null;
  row: number;
}

export interface IngestObservation {
  indicatorCode: string;
  year: number;
  geoLevel: GeoLevel;
  /** "CN" for the nation, a region code, a province adcode, or a park slug. */
  geoCode: string;
  /** "" for the whole. */
  breakdown: string;
  /** In the indicator's canonical unit. */
  value: number;
  note: string | null;
  sourceRef: string | null;
  sheet?: string | null;
  row?: number;
}

export interface IngestLimits {
  /** Size of the uploaded file. */
  maxBytes: number;
  /** Rows read, over all sheets, header and blank rows included. */
  maxRows: number;
  /** Non-empty columns in one row. */
  maxColumns: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /** XLSX: the total of the zip entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** XLSX: uncompressed ÷ compressed size, over the whole file and for any entry above 1 MB. */
  maxCompressionRatio: number;
}

/** How a CSV's text was encoded: UTF-8 with or without a byte-order mark, UTF-16 (with one), or GB18030 (which GBK and GB2312 are part of). */
export type CsvEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";
export type CsvSeparator = "," | ";" | "\t";

/** One worksheet of an XLSX upload, as read. */
export interface IngestSheetSummary {
  name: string;
  /** The layout of its table; null when it was skipped. */
  layout: "long" | "wide" | null;
  observations: number;
  /** Problems found in this sheet (the upload's problems whose `sheet` is this one). */
  errors: number;
  warnings: number;
  /** Why the sheet was not read: it is hidden, empty, or holds no table. */
  skipped?: "hidden" | "empty" | "no_table";
}

export interface IngestResult {
  /** The layout of the first table found ("long" when none was found). */
  layout: "long" | "wide";
  format: "csv" | "xlsx";
  /** How the CSV was read; null for XLSX and for files that could not be read as text. */
  encoding: CsvEncoding | null;
  separator: CsvSeparator | null;
  /** Every worksheet of an XLSX in the order read, with what was found in it; empty for CSV. */
  sheets: IngestSheetSummary[];
  /** Zones the registry lacks that the upload reports figures for, in file order. */
  newZones: IngestNewZone[];
  /** Every valid observation, in file order; rows with errors contribute none. */
  store: ObservationStore;
  /** The same as objects, built on first access: for small uploads (a million rows are read from `store`). */
  readonly observations: IngestObservation[];
  /** The first problems found (errors and warnings in file order), capped; see `truncated`. */
  problems: IngestProblem[];
  /** Rows read, over all sheets, header rows included. */
  rowsRead: number;
  /** True when more problems were found than `problems` holds (its last entry says how many). */
  truncated: boolean;
  /** All errors found, including those left out of `problems`. Nothing should be published while this is above 0. */
  errorCount: number;
  warningCount: number;
  /** Cells holding a "not available" symbol (blank, "/", "—", "…"), skipped without an observation. */
  skippedCells: number;
}
