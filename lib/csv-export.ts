import { unitLabel } from "@/lib/display-unit";
import { seriesBreaks, type SeriesBreak } from "@/lib/series-breaks";
import type { ViewData, ViewRow } from "@/lib/view-data";

// The CSV behind a view: the same rows as the table, with unit, edition and
// source on every line. Isomorphic: the API and the browser download share it.
// New columns go at the end, so scripts that read columns by position keep working.

const HEADER = [
  "geo_code",
  "geography",
  "geography_zh",
  "year",
  "metric",
  "value",
  "unit",
  "editions",
  "synthetic_sample",
  "computed",
  "confidence",
  "source",
  "note",
  /** true: the value is only a lower bound ("at least"), never the total; the note says what is missing. */
  "lower_bound",
  /** true: the row "Not attributed to a province/region" (reported total − the places shown). */
  "remainder",
] as const;

/**
 * Text that a spreadsheet would run as a formula (= + - @, or a leading tab or
 * carriage return) gets a leading apostrophe, so it is shown, not executed.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(cell: string | number | boolean | null): string {
  if (cell === null) return "";
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  const safe = neutraliseCell(cell);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The coverage view's columns: one line per cell of the matrix. */
export const COVERAGE_CSV_HEADER = ["geo_code", "geography", "geography_zh", "year", "status"] as const;

function csvText(header: readonly string[], lines: (string | number | boolean | null)[][]): string {
  return `${[header.join(","), ...lines.map((cells) => cells.map(quote).join(","))].join("\r\n")}\r\n`;
}

function describeBreak(seriesBreak: SeriesBreak): string {
  const when =
    seriesBreak.lastYearBefore === null ? `from ${seriesBreak.year}` : `after ${seriesBreak.lastYearBefore}, by ${seriesBreak.year} at the latest`;
  return `series break ${when}: ${seriesBreak.changeEn} (source: ${seriesBreak.source})`;
}

/** A row's note, and in the first year of a break in its series what changed (figures before are not like for like). */
function noteWithBreaks(metricCode: string, row: ViewRow): string | null {
  const breaks = seriesBreaks(metricCode, [row.geoCode]).filter((b) => b.year === row.year);
  const parts = [row.note, ...breaks.map(describeBreak)].filter((part): part is string => !!part);
  return parts.length ? parts.join("; ") : null;
}

/**
 * One line per figure: the view's metric first, then the table's extra metrics.
 * The coverage view: one line per place and year, with the cell's status.
 */
export function toCsv(data: ViewData): string {
  if (data.coverage) {
    const { years, places } = data.coverage;
    return csvText(
      COVERAGE_CSV_HEADER,
      places.flatMap((place) => place.statuses.map((status, index) => [place.code, place.nameEn, place.nameZh, years[index]!, status])),
    );
  }
  const tables = [{ metric: data.metric, unit: data.unit, rows: data.rows }, ...data.extra];
  const lines = tables.flatMap(({ metric, unit, rows }) =>
    rows.map((row) => [
      row.geoCode,
      row.geoNameEn,
      row.geoNameZh,
      row.year,
      metric.code,
      row.value,
      unitLabel(unit, "en"),
      row.editions.join(" "),
      row.isSample,
      row.isComputed,
      row.confidence,
      row.source,
      noteWithBreaks(metric.code, row),
      row.isLowerBound,
      row.isRemainder,
    ]),
  );
  return csvText(HEADER, lines);
}
