import type { GeoMatch } from "@/lib/ingest/aliases";
import type { IndicatorMatch } from "@/lib/ingest/indicator-aliases";
import { createIngestNames, type BilingualText, type IngestNames } from "@/lib/ingest/names";
import { ObservationStore } from "@/lib/ingest/observation-store";
import type { ProblemLog } from "@/lib/ingest/problem-log";
import { parseYearbookNumber, type ParsedNumber } from "@/lib/ingest/symbols";
import type { RawCell } from "@/lib/ingest/table-source";
import { nameKey } from "@/lib/ingest/text";
import type {
  IngestObservation,
  IngestMessage,
  IngestProblem,
  IngestProblemCode,
  IngestReference,
  IngestReferenceIndicator,
} from "@/lib/ingest/types";
import { CANONICAL_UNITS, sourceUnitDimension, toCanonical, UnitError } from "@/lib/units";

// Turns one located candidate (indicator, year, place, value cell, unit) into
// an observation in canonical units, or into problems: not a number, negative
// count, unit missing or of another dimension, unknown breakdown, duplicate
// key. Parts the layout could not resolve are passed as written, so the other
// checks still run. Both layouts feed it; it knows nothing of columns beyond
// their names.

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
  /** null when the indicator is not known (the layout has reported it); the other checks still run. */
  indicator: IndicatorMatch | null;
  /** The indicator as written: tells unknown indicators apart for duplicates and names them in messages. */
  indicatorText: string;
  /** null when the year cell does not read as a year (reported by the layout). */
  year: number | null;
  yearText: string;
  /** null when the place is not known (reported by the layout). */
  geo: GeoMatch | null;
  geoText: string;
  /** The layout has reported an error in this row (year, level, place, indicator): its cells are checked but give no observation. */
  hasRowError: boolean;
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
  /** The layout has already reported this figure's unit as missing or unusable (once for a whole column). */
  isUnitReported?: boolean;
}

/** Internal bookkeeping kept next to each observation: for totals checks and messages. */
export interface ObservationExtras {
  column: string | null;
  /** How far the printed figure may be from the true one through rounding, in canonical units. */
  roundingSlack: number;
}

type ParsedFigure = Extract<ParsedNumber, { kind: "number" }>;

function observationKey(
  o: Pick<IngestObservation, "indicatorCode" | "year" | "geoLevel" | "geoCode" | "breakdown">,
): string {
  return `${o.indicatorCode}|${o.year}|${o.geoLevel}|${o.geoCode}|${o.breakdown}`;
}

interface RowLocation {
  sheet: string | null;
  row: number | undefined;
}

const locationOf = (o: IngestObservation): RowLocation => ({ sheet: o.sheet ?? null, row: o.row });

/** "row 12" or "row 12 of sheet “2019”" — how a message points at another row. */
export function describeRow(sheet: string | null, row: number | undefined): BilingualText {
  return sheet === null
    ? { en: `row ${row}`, zh: `第${row}行` }
    : { en: `row ${row} of sheet “${sheet}”`, zh: `工作表“${sheet}”第${row}行` };
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

export class ObservationBuilder {
  readonly names: IngestNames;
  skippedCells = 0;
  /**
   * The keys, as far as they are known, of figures with errors (the store has the valid ones and finds
   * their duplicates itself): a duplicate is reported whatever else is wrong. Empty for a clean file.
   */
  private readonly keysWithErrors = new Map<string, RowLocation>();
  private readonly indicators: Map<string, IngestReferenceIndicator>;

  constructor(
    private readonly reference: IngestReference,
    readonly log: ProblemLog,
    readonly store = new ObservationStore(),
  ) {
    this.indicators = new Map(reference.indicators.map((i) => [i.code, i]));
    this.names = createIngestNames(reference);
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

  /** The name of an indicator's canonical unit ("yuan" / "元"). */
  unitOf(indicatorCode: string): BilingualText {
    const indicator = this.indicators.get(indicatorCode);
    if (!indicator) return { en: "", zh: "" };
    const { en, zh } = CANONICAL_UNITS[indicator.unit];
    return { en, zh };
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
  unitMismatch(match: IndicatorMatch, unit: string, unitText: string | null): BilingualText | null {
    const indicator = this.indicatorFor(match, unit);
    if (!indicator) return null;
    try {
      toCanonical(1, unit, indicator.unit);
      return null;
    } catch (error) {
      if (!(error instanceof UnitError)) throw error;
      const name = this.names.indicator(indicator.code);
      const canonical = CANONICAL_UNITS[indicator.unit];
      const written = unitText ?? unit;
      return {
        en: `${name.en} is measured in ${canonical.en}; “${written}” cannot be converted to it.`,
        zh: `${name.zh}以${canonical.zh}为计量单位，“${written}”无法换算为${canonical.zh}。`,
      };
    }
  }

  /** Reports a year outside the reference's span; true when the year may be used. */
  checkYear(year: number, at: CellLocation): boolean {
    const { min, max } = this.reference.yearRange;
    if (year >= min && year <= max) return true;
    this.error(
      "year_out_of_range",
      at,
      {
        en: `The year ${year} is outside the years this app covers (${min}–${max}).`,
        zh: `${year}年不在本系统收录的年份范围内（${min}–${max}年）。`,
      },
      String(year),
    );
    return false;
  }

  /**
   * Checks one figure and converts it; adds its observation, or reports every
   * problem found. Each check runs whatever the others found: a row with an
   * unknown indicator still has its value, unit and duplicate checked.
   */
  add(candidate: Candidate): void {
    const { location: at } = candidate;
    const errorsBefore = this.log.errorCount;
    const parsed = this.parseValue(candidate.valueCell, at);
    if (parsed === "not_available") return;

    const indicator = candidate.indicator ? this.indicatorFor(candidate.indicator, candidate.unit) : undefined;
    const isUnitUsable = this.checkUnit(candidate, indicator);
    if (parsed) {
      this.checkPercentSign(candidate, parsed);
      this.checkSign(candidate, indicator, parsed);
    }
    if (indicator) this.checkBreakdown(candidate, indicator);

    const isClean = this.log.errorCount === errorsBefore && !candidate.hasRowError;
    const { unit, year, geo } = candidate;
    if (!isClean || !parsed || !isUnitUsable || !unit || !indicator || year === null || !geo) {
      this.checkDuplicateOfFigureWithErrors(candidate, indicator);
      return;
    }
    const observation: IngestObservation = {
      indicatorCode: indicator.code,
      year,
      geoLevel: geo.level,
      geoCode: geo.code,
      breakdown: candidate.breakdown,
      value: toCanonical(parsed.value, unit, indicator.unit),
      note: joinNotes(
        candidate.note,
        candidate.indicator?.note ?? null,
        parsed.footnote ? `footnote ${parsed.footnote} in the source` : null,
      ),
      sourceRef: candidate.sourceRef,
      sheet: at.sheet,
      row: at.row,
    };
    const firstIndex = this.store.add(observation, { column: at.column, roundingSlack: roundingSlack(parsed, unit, indicator) });
    const earlier =
      firstIndex >= 0
        ? locationOf(this.store.at(firstIndex))
        : this.keysWithErrors.size > 0
          ? this.keysWithErrors.get(observationKey(observation))
          : undefined;
    if (earlier) this.reportDuplicate(candidate, indicator, earlier);
  }

  /** Reports a unit that is missing, unknown or of the wrong kind for the indicator; true when figures can be converted. */
  private checkUnit(candidate: Candidate, indicator: IngestReferenceIndicator | undefined): boolean {
    if (candidate.isUnitReported) return false;
    const unitAt: CellLocation = { ...candidate.location, column: candidate.unitColumn ?? candidate.location.column };
    if (!candidate.unit) {
      if (candidate.unitText) {
        this.error(
          "unknown_unit",
          unitAt,
          {
            en: `“${candidate.unitText}” is not a unit this app knows (e.g. 千元, 万元, 亿元, 千美元, 人, 个, %).`,
            zh: `“${candidate.unitText}”不是本系统可识别的计量单位（如千元、万元、亿元、千美元、人、个、%）。`,
          },
          candidate.unitText,
        );
      } else {
        this.error("missing_unit", unitAt, missingUnitMessage(indicator && this.names.indicator(indicator.code), indicator));
      }
      return false;
    }
    // With the indicator unknown, the unit can be checked only on its own (above), not against the indicator.
    if (!indicator || !candidate.indicator) return true;
    const mismatch = this.unitMismatch(candidate.indicator, candidate.unit, candidate.unitText);
    if (!mismatch) return true;
    this.error("unit_not_convertible", unitAt, mismatch, candidate.unitText ?? candidate.unit);
    return false;
  }

  private checkPercentSign(candidate: Candidate, parsed: ParsedFigure): void {
    if (!parsed.hasPercentSign || !candidate.unit || sourceUnitDimension(candidate.unit) === "percent") return;
    const unit = candidate.unitText ?? candidate.unit;
    this.error(
      "unit_not_convertible",
      candidate.location,
      { en: `The figure has a % sign but its unit is ${unit}.`, zh: `该数值带有百分号，但其单位为“${unit}”。` },
      cellValueText(candidate.valueCell),
    );
  }

  /** A negative figure: the indicator says whether it may be; with the indicator unknown, the unit's kind does. */
  private checkSign(candidate: Candidate, indicator: IngestReferenceIndicator | undefined, parsed: ParsedFigure): void {
    if (parsed.value >= 0) return;
    const value = cellValueText(candidate.valueCell);
    if (indicator) {
      if (allowsNegative(indicator)) return;
      const name = this.names.indicator(indicator.code);
      this.error(
        "negative_value",
        candidate.location,
        { en: `${name.en} cannot be negative.`, zh: `${name.zh}不能为负数。` },
        value,
      );
      return;
    }
    const dimension = candidate.unit ? sourceUnitDimension(candidate.unit) : undefined;
    if (!dimension || dimension === "percent") return;
    const unit = candidate.unitText ?? candidate.unit;
    this.error(
      "negative_value",
      candidate.location,
      {
        en: `A figure in ${unit} cannot be negative (only net profit and percentages may be); this row's indicator is not one this app knows, so its unit decides.`,
        zh: `以“${unit}”计量的数值不能为负数（只有净利润和百分比可以为负）；本行的指标无法识别，故按单位判断。`,
      },
      value,
    );
  }

  private checkBreakdown(candidate: Candidate, indicator: IngestReferenceIndicator): void {
    const { breakdown } = candidate;
    if (breakdown === "" || (indicator.breakdowns ?? []).includes(breakdown)) return;
    const name = this.names.indicator(indicator.code);
    const known = (indicator.breakdowns ?? []).map((b) => this.names.breakdown(b));
    const list = known.length
      ? { en: `its breakdowns are ${known.map((k) => k.en).join(", ")}`, zh: `其分组为${known.map((k) => k.zh).join("、")}` }
      : { en: "it has no breakdowns", zh: "该指标没有分组" };
    this.error(
      "unknown_breakdown",
      candidate.location,
      { en: `“${breakdown}” is not a breakdown of ${name.en}; ${list.en}.`, zh: `“${breakdown}”不是${name.zh}的分组；${list.zh}。` },
      breakdown,
    );
  }

  /** A figure with errors whose key, as far as it is known, an earlier row already gave (valid or not). */
  private checkDuplicateOfFigureWithErrors(candidate: Candidate, indicator: IngestReferenceIndicator | undefined): void {
    const { location: at, geo, year, breakdown } = candidate;
    const known =
      indicator && geo && year !== null
        ? { indicatorCode: indicator.code, year, geoLevel: geo.level, geoCode: geo.code, breakdown }
        : null;
    const key = known
      ? observationKey(known)
      : [
          indicator?.code ?? `?${nameKey(candidate.indicatorText)}`,
          year ?? `?${candidate.yearText.trim()}`,
          geo ? `${geo.level}|${geo.code}` : `?|${nameKey(candidate.geoText)}`,
          breakdown,
        ].join("|");
    const validIndex = known ? this.store.find(known) : -1;
    const earlier = this.keysWithErrors.get(key) ?? (validIndex >= 0 ? locationOf(this.store.at(validIndex)) : undefined);
    if (earlier) this.reportDuplicate(candidate, indicator, earlier);
    else this.keysWithErrors.set(key, { sheet: at.sheet, row: at.row });
  }

  private reportDuplicate(candidate: Candidate, indicator: IngestReferenceIndicator | undefined, first: RowLocation): void {
    const { location: at, geo, year, breakdown } = candidate;
    const here = describeRow(at.sheet, at.row);
    const there = describeRow(first.sheet, first.row);
    const what = indicator
      ? this.names.indicator(indicator.code, breakdown)
      : quoted(candidate.indicatorText + (breakdown ? ` (${breakdown})` : ""));
    const where = geo ? this.names.geo(geo, candidate.geoText) : placeAsWritten(candidate.geoText);
    const when =
      year !== null
        ? { en: `in ${year}`, zh: `${year}年` }
        : candidate.yearText.trim()
          ? { en: `in “${candidate.yearText.trim()}”`, zh: `“${candidate.yearText.trim()}”` }
          : { en: "with no year", zh: "未填年份" };
    this.error(
      "duplicate_row",
      at,
      {
        en: `Duplicate: ${here.en} and ${there.en} both give ${what.en} for ${where.en} ${when.en}. Keep one of them.`,
        zh: `重复：${here.zh}与${there.zh}都填报了${where.zh}${when.zh}的${what.zh}，请只保留其中一行。`,
      },
      cellValueText(candidate.valueCell),
    );
  }

  /** Reads a value cell; reports why it is not a number. null for a bad cell. */
  private parseValue(cell: RawCell, at: CellLocation): ParsedFigure | "not_available" | null {
    if (typeof cell === "number")
      return { kind: "number", value: cell, footnote: null, decimals: null, hasPercentSign: false };
    if (cell !== null && typeof cell === "object") {
      if (cell.kind === "formula_without_value") {
        this.error(
          "formula_without_value",
          at,
          {
            en: "This cell holds a formula without a saved value. Open the file in Excel, let it calculate, save, and upload again (or paste the values).",
            zh: "该单元格是未保存计算结果的公式。请用 Excel 打开文件，待其计算完成后保存，再重新上传（或将公式粘贴为数值）。",
          },
          `=${cell.formula}`,
        );
      } else {
        this.error(
          "not_a_number",
          at,
          {
            en: `The cell holds the spreadsheet error ${cell.text}, not a number.`,
            zh: `该单元格是电子表格错误值 ${cell.text}，不是数值。`,
          },
          cell.text,
        );
      }
      return null;
    }
    const parsed = parseYearbookNumber(cell ?? "");
    if (parsed.kind === "missing") {
      this.skippedCells++;
      return "not_available";
    }
    if (parsed.kind === "invalid") {
      const text = truncate(cell ?? "");
      this.error("not_a_number", at, { en: `“${text}” is not a number.`, zh: `“${text}”不是数值。` }, text);
      return null;
    }
    return parsed;
  }
}

function quoted(text: string): BilingualText {
  return { en: `“${text}”`, zh: `“${text}”` };
}

function placeAsWritten(text: string): BilingualText {
  return text.trim() ? quoted(text.trim()) : { en: "no place", zh: "未填地区" };
}

function missingUnitMessage(
  name: BilingualText | undefined,
  indicator: IngestReferenceIndicator | undefined,
): BilingualText {
  const example = exampleUnit(indicator);
  return name
    ? {
        en: `No unit is given for this ${name.en} figure; write one such as ${example.en}.`,
        zh: `该${name.zh}数值未注明计量单位，请填写，如${example.zh}。`,
      }
    : {
        en: `No unit is given for this figure; write one such as ${example.en}.`,
        zh: `该数值未注明计量单位，请填写，如${example.zh}。`,
      };
}

function exampleUnit(indicator: IngestReferenceIndicator | undefined): BilingualText {
  switch (indicator && CANONICAL_UNITS[indicator.unit].dimension) {
    case "cny":
      return { en: "千元, 万元 or 亿元", zh: "千元、万元或亿元" };
    case "usd":
      return { en: "千美元 or 亿美元", zh: "千美元或亿美元" };
    case "people":
      return { en: "人 or 万人", zh: "人或万人" };
    case "percent":
      return { en: "%", zh: "%" };
    case "count":
      return { en: "个 or 家", zh: "个或家" };
    default:
      return { en: "千元, 亿元, 千美元, 人 or 个", zh: "千元、亿元、千美元、人或个" };
  }
}

/** Half the last printed digit, in canonical units: 1234.5 亿元 may be 1234.45…1234.55 亿元. */
function roundingSlack(
  parsed: ParsedFigure,
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
