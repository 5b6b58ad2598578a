import { unitLabel } from "@/lib/display-unit";
import { seriesBreaks, type SeriesBreak } from "@/lib/series-breaks";
import type { ViewData, ViewGap, ViewRow } from "@/lib/view-data";

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
  /** The note in Chinese where the app wrote it (computed figures); empty for a reported figure's note. */
  "note_zh",
] as const;

/**
 * Text that a spreadsheet would run as a formula (= + - @, or a leading tab or
 * carriage return) gets a leading apostrophe, so it is shown, not executed.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

type TCell = string | number | boolean | null;

function quote(cell: TCell): string {
  if (cell === null) return "";
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  const safe = neutraliseCell(cell);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The coverage view's columns: one line per cell of the matrix. */
export const COVERAGE_CSV_HEADER = ["geo_code", "geography", "geography_zh", "year", "status"] as const;

function csvText(header: readonly string[], lines: TCell[][]): string {
  return `${[header.join(","), ...lines.map((cells) => cells.map(quote).join(","))].join("\r\n")}\r\n`;
}

/** The rows in the view's order; gaps (growth mode), if any, merged in by place and year, the "not attributed" row last. */
function figuresInOrder(rows: readonly ViewRow[], gaps: readonly ViewGap[]): (ViewRow | ViewGap)[] {
  if (gaps.length === 0) return [...rows];
  return [...rows, ...gaps].sort(
    (a, b) => Number(a.isRemainder) - Number(b.isRemainder) || a.geoCode.localeCompare(b.geoCode) || a.year - b.year,
  );
}

function describeBreak(seriesBreak: SeriesBreak): string {
  const when =
    seriesBreak.lastYearBefore === null
      ? `from ${seriesBreak.year}`
      : `after ${seriesBreak.lastYearBefore}, by ${seriesBreak.year} at the latest`;
  return `series break ${when}: ${seriesBreak.changeEn} (source: ${seriesBreak.source})`;
}

/** A row's note, and in the first year of a break in its series what changed (figures before are not like for like). */
function noteWithBreaks(metricCode: string, row: ViewRow): string | null {
  const breaks = seriesBreaks(metricCode, [row.geoCode]).filter((b) => b.year === row.year);
  const parts = [row.note, ...breaks.map(describeBreak)].filter((part): part is string => !!part);
  return parts.length ? parts.join("; ") : null;
}

/**
 * One line per figure: the view's metric first, then the table's extra metrics. In growth
 * mode a figure without a growth rate is a line without a value whose note says why.
 * The coverage view: one line per place and year, with the cell's status.
 */
export function toCsv(data: ViewData): string {
  if (data.coverage) {
    const { years, places } = data.coverage;
    return csvText(
      COVERAGE_CSV_HEADER,
      places.flatMap((place) =>
        place.statuses.map((status, index) => [place.code, place.nameEn, place.nameZh, years[index]!, status]),
      ),
    );
  }
  const tables = [
    { metric: data.metric, unit: data.unit, rows: data.rows, gaps: data.gaps },
    ...data.extra.map((table) => ({ ...table, gaps: [] })),
  ];
  const lines = tables.flatMap(({ metric, unit, rows, gaps }) =>
    figuresInOrder(rows, gaps).map((figure): TCell[] => {
      const place = [figure.geoCode, figure.geoNameEn, figure.geoNameZh, figure.year, metric.code];
      if ("reason" in figure) {
        return [
          ...place,
          null,
          unitLabel(unit, "en"),
          "",
          false,
          false,
          null,
          null,
          figure.note,
          false,
          figure.isRemainder,
          null,
        ];
      }
      return [
        ...place,
        figure.value,
        unitLabel(unit, "en"),
        figure.editions.join(" "),
        figure.isSample,
        figure.isComputed,
        figure.confidence,
        figure.source,
        noteWithBreaks(metric.code, figure),
        figure.isLowerBound,
        figure.isRemainder,
        figure.noteZh ?? null,
      ];
    }),
  );
  return csvText(HEADER, lines);
}
