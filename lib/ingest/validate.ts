import type { GeoMatch } from "@/lib/ingest/aliases";
import type { IndicatorMatch } from "@/lib/ingest/indicator-aliases";
import { ObservationStore } from "@/lib/ingest/observation-store";
import type { ProblemLog } from "@/lib/ingest/problem-log";
import { parseYearbookNumber, type ParsedNumber } from "@/lib/ingest/symbols";
import type { RawCell } from "@/lib/ingest/table-source";
import type {
  IngestObservation,
  IngestMessage,
  IngestProblem,
  IngestProblemCode,
  IngestReference,
  IngestReferenceIndicator,
} from "@/lib/ingest/types";
import { CANONICAL_UNITS, sourceUnitDimension, toCanonical, UnitError } from "@/lib/units";

// Turns one located, resolved candidate (indicator, year, place, value cell,
// unit) into an observation in canonical units, or into problems: not a
// number, negative count, unit missing or of another dimension, unknown
// breakdown, duplicate key. Both layouts feed it; it knows nothing of columns
// beyond their names.

export interface CellLocation {
  sheet: string | null;
  row: number;
  column: string | null;
}

/** Where a problem is: any part may be unknown (a whole-file problem has none). */
export interface ProblemLocation {
  sheet?: string | null;
  row?: number | null;
  column?: string | null;
}

export interface Candidate {
  indicator: IndicatorMatch;
  year: number;
  geo: GeoMatch;
  /** As normalised by normalizeBreakdown; "" for the whole. */
  breakdown: string;
  valueCell: RawCell;
  /** A key of lib/units' table, or null. */
  unit: string | null;
  /** The unit as written, for messages; null when none was written. */
  unitText: string | null;
  /** Where the unit was written, when it is not the value's own column. */
  unitColumn: string | null;
  note: string | null;
  sourceRef: string | null;
  location: CellLocation;
  /** The layout has already reported that no unit was given (once for a whole column). */
  isMissingUnitReported?: boolean;
}

/** Internal bookkeeping kept next to each observation: for totals checks and messages. */
export interface ObservationExtras {
  column: string | null;
  /** How far the printed figure may be from the true one through rounding, in canonical units. */
  roundingSlack: number;
}

/** "row 12" or "row 12 of sheet “2019”" — how a message points at another row. */
export function describeRow(sheet: string | null, row: number | undefined): string {
  return sheet === null ? `row ${row}` : `row ${row} of sheet “${sheet}”`;
}

/** "2019", 2019, "2019年", "2019.0" → 2019; null when the text is not a four-digit year. */
export function parseYear(cell: RawCell): number | null {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 1000 && cell <= 9999 ? cell : null;
  if (typeof cell !== "string") return null;
  const match = /^\s*(\d{4})(?:\.0+)?\s*(?:年|年度)?\s*$/.exec(cell.normalize("NFKC"));
  return match ? Number(match[1]) : null;
}

export function isAdditive(indicator: IngestReferenceIndicator): boolean {
  return indicator.isAdditive ?? indicator.unit !== "percent";
}

/** Counts and money are never negative unless the reference says so (net profit); percentages may be. */
export function allowsNegative(indicator: IngestReferenceIndicator): boolean {
  return indicator.allowsNegative ?? indicator.unit === "percent";
}

/** Collects valid observations into `store` (compact; it also finds duplicate keys) and problems into `log`. */
export class ObservationBuilder {
  skippedCells = 0;
  private readonly indicators: Map<string, IngestReferenceIndicator>;

  constructor(
    private readonly reference: IngestReference,
    readonly log: ProblemLog,
    readonly store = new ObservationStore(),
  ) {
    this.indicators = new Map(reference.indicators.map((i) => [i.code, i]));
  }

  problem(
    severity: IngestProblem["severity"],
    code: IngestProblemCode,
    at: ProblemLocation,
    reason: IngestMessage,
    value?: string,
  ): void {
    this.log.add({
      severity,
      code,
      sheet: at.sheet ?? null,
      row: at.row ?? null,
      column: at.column ?? null,
      ...(typeof reason === "string" ? { reason } : { reason: reason.en, reasonZh: reason.zh }),
      ...(value !== undefined && value !== "" ? { value } : {}),
    });
  }

  error(code: IngestProblemCode, at: ProblemLocation, reason: IngestMessage, value?: string): void {
    this.problem("error", code, at, reason, value);
  }

  /** The English name of an indicator's canonical unit ("yuan", "persons"). */
  unitOf(indicatorCode: string): string {
    const indicator = this.indicators.get(indicatorCode);
    return indicator ? CANONICAL_UNITS[indicator.unit].en : "";
  }

  /** The reference indicator a match stands for in this unit: "出口总额" printed in yuan is the yuan export series. */
  indicatorFor(match: IndicatorMatch, unit: string | null): IngestReferenceIndicator | undefined {
    const isYuan = unit !== null && sourceUnitDimension(unit) === "cny";
    if (match.code === "exports" && match.byName && isYuan && this.indicators.has("exports_cny")) {
      return this.indicators.get("exports_cny");
    }
    return this.indicators.get(match.code);
  }

  /** Why figures of this indicator cannot be written in this unit, or null when they can. */
  unitMismatch(match: IndicatorMatch, unit: string, unitText: string | null): string | null {
    const indicator = this.indicatorFor(match, unit);
    if (!indicator) return null;
    try {
      toCanonical(1, unit, indicator.unit);
      return null;
    } catch (error) {
      if (!(error instanceof UnitError)) throw error;
      return `${indicator.nameEn} (${indicator.code}) is measured in ${CANONICAL_UNITS[indicator.unit].en}; “${unitText ?? unit}” cannot be converted to it.`;
    }
  }

  /** Reports a year outside the reference's span; true when the year may be used. */
  checkYear(year: number, at: CellLocation): boolean {
    const { min, max } = this.reference.yearRange;
    if (year >= min && year <= max) return true;
    this.error(
      "year_out_of_range",
      at,
      `The year ${year} is outside the years this app covers (${min}–${max}).`,
      String(year),
    );
    return false;
  }

  /** Validates and converts one candidate; adds its observation or its problems. */
  add(candidate: Candidate): void {
    const { location: at } = candidate;
    const parsed = this.parseValue(candidate.valueCell, at);
    if (!parsed) return;

    const indicator = this.indicatorFor(candidate.indicator, candidate.unit);
    if (!indicator) return; // the resolver only returns reference indicators
    const unitDimension = candidate.unit ? sourceUnitDimension(candidate.unit) : undefined;
    const unitAt: CellLocation = { ...at, column: candidate.unitColumn ?? at.column };

    if (!candidate.unit) {
      if (candidate.unitText) {
        this.error(
          "unknown_unit",
          unitAt,
          `“${candidate.unitText}” is not a unit this app knows (e.g. 千元, 万元, 亿元, 千美元, 人, 个, %).`,
          candidate.unitText,
        );
      } else if (!candidate.isMissingUnitReported) {
        this.error(
          "missing_unit",
          unitAt,
          `No unit is given for this ${indicator.nameEn} figure; write one such as ${exampleUnit(indicator)}.`,
        );
      }
      return;
    }
    if (parsed.hasPercentSign && unitDimension !== "percent") {
      this.error(
        "unit_not_convertible",
        at,
        `The figure has a % sign but its unit is ${candidate.unitText ?? candidate.unit}.`,
        cellValueText(candidate.valueCell),
      );
      return;
    }

    let value: number;
    try {
      value = toCanonical(parsed.value, candidate.unit, indicator.unit);
    } catch (error) {
      if (!(error instanceof UnitError)) throw error;
      const reason = this.unitMismatch(candidate.indicator, candidate.unit, candidate.unitText) ?? error.message;
      this.error("unit_not_convertible", unitAt, reason, candidate.unitText ?? candidate.unit);
      return;
    }

    if (value < 0 && !allowsNegative(indicator)) {
      this.error("negative_value", at, `${indicator.nameEn} cannot be negative.`, cellValueText(candidate.valueCell));
      return;
    }

    const breakdown = candidate.breakdown;
    if (breakdown !== "" && !(indicator.breakdowns ?? []).includes(breakdown)) {
      const known = indicator.breakdowns?.length
        ? `its breakdowns are ${indicator.breakdowns.join(", ")}`
        : "it has no breakdowns";
      this.error(
        "unknown_breakdown",
        at,
        `“${breakdown}” is not a breakdown of ${indicator.code}; ${known}.`,
        breakdown,
      );
      return;
    }

    const observation: IngestObservation = {
      indicatorCode: indicator.code,
      year: candidate.year,
      geoLevel: candidate.geo.level,
      geoCode: candidate.geo.code,
      breakdown,
      value,
      note: joinNotes(
        candidate.note,
        candidate.indicator.note,
        parsed.footnote ? `footnote ${parsed.footnote} in the source` : null,
      ),
      sourceRef: candidate.sourceRef,
      sheet: at.sheet,
      row: at.row,
    };
    const firstIndex = this.store.add(observation, {
      column: at.column,
      roundingSlack: roundingSlack(parsed, candidate.unit, indicator),
    });
    if (firstIndex >= 0) {
      const first = this.store.at(firstIndex);
      this.error(
        "duplicate_row",
        at,
        `Duplicate: ${describeRow(at.sheet, at.row)} and ${describeRow(first.sheet ?? null, first.row)} both give ${indicator.code} for ${observation.geoCode} in ${observation.year}${breakdown ? ` (${breakdown})` : ""}. Keep one of them.`,
        cellValueText(candidate.valueCell),
      );
    }
  }

  /** Reads a value cell; reports why it is not a number. null for a skipped or bad cell. */
  private parseValue(cell: RawCell, at: CellLocation): Extract<ParsedNumber, { kind: "number" }> | null {
    if (typeof cell === "number")
      return { kind: "number", value: cell, footnote: null, decimals: null, hasPercentSign: false };
    if (cell !== null && typeof cell === "object") {
      if (cell.kind === "formula_without_value") {
        this.error(
          "formula_without_value",
          at,
          "This cell holds a formula without a saved value. Open the file in Excel, let it calculate, save, and upload again (or paste the values).",
          `=${cell.formula}`,
        );
      } else {
        this.error("not_a_number", at, `The cell holds the spreadsheet error ${cell.text}, not a number.`, cell.text);
      }
      return null;
    }
    const parsed = parseYearbookNumber(cell ?? "");
    if (parsed.kind === "missing") {
      this.skippedCells++;
      return null;
    }
    if (parsed.kind === "invalid") {
      this.error("not_a_number", at, `“${truncate(cell ?? "")}” is not a number.`, truncate(cell ?? ""));
      return null;
    }
    return parsed;
  }
}

function exampleUnit(indicator: IngestReferenceIndicator): string {
  switch (CANONICAL_UNITS[indicator.unit].dimension) {
    case "cny":
      return "千元, 万元 or 亿元";
    case "usd":
      return "千美元 or 亿美元";
    case "people":
      return "人 or 万人";
    case "percent":
      return "%";
    default:
      return "个 or 家";
  }
}

/** Half the last printed digit, in canonical units: 1234.5 亿元 may be 1234.45…1234.55 亿元. */
function roundingSlack(
  parsed: Extract<ParsedNumber, { kind: "number" }>,
  unit: string,
  indicator: IngestReferenceIndicator,
): number {
  if (parsed.decimals === null) return 0;
  try {
    return toCanonical(0.5 * 10 ** -parsed.decimals, unit, indicator.unit);
  } catch {
    return 0;
  }
}

function joinNotes(...notes: (string | null)[]): string | null {
  const kept = notes.map((n) => n?.trim()).filter((n): n is string => Boolean(n));
  return kept.length ? kept.join("; ") : null;
}

function truncate(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function cellValueText(cell: RawCell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return truncate(cell);
  if (typeof cell === "number") return String(cell);
  return cell.kind === "formula_without_value" ? `=${cell.formula}` : cell.text;
}
