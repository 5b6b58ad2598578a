import { IngestLimitError } from "@/lib/ingest/limits";
import type { IngestLimits } from "@/lib/ingest/types";

// What the CSV and XLSX readers hand to the layouts: sheets of rows of raw
// cells, with the row numbers a spreadsheet shows. Also the row, column and
// cell-size limits, enforced on every row whichever reader produced it.

/** An XLSX formula cell saved without a cached result: there is nothing to read, and nothing is evaluated. */
export interface FormulaWithoutValue {
  kind: "formula_without_value";
  formula: string;
}

/** An XLSX error value such as #DIV/0! or #N/A. */
export interface SpreadsheetError {
  kind: "spreadsheet_error";
  text: string;
}

export type RawCell = string | number | null | FormulaWithoutValue | SpreadsheetError;

export interface SheetRow {
  /** 1-based, as a spreadsheet shows it. */
  number: number;
  /** By column, 0-based; trailing empty cells may be missing. */
  cells: RawCell[];
}

export interface SheetSource {
  /** The sheet's name; null for CSV. */
  name: string | null;
  rows: AsyncIterable<SheetRow>;
}

/** The text of a cell as written; "" for empty cells and cells without a value. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return String(cell);
  return cell.kind === "spreadsheet_error" ? cell.text : "";
}

export function isBlankRow(row: SheetRow): boolean {
  return row.cells.every((cell) => cellText(cell) === "" && !(typeof cell === "object" && cell !== null));
}

/** Counts rows over all sheets and checks every row's width and cells against the limits; throws IngestLimitError. */
export class RowLimiter {
  rowsRead = 0;

  constructor(private readonly limits: IngestLimits) {}

  check(sheet: string | null, row: SheetRow): void {
    this.rowsRead++;
    if (this.rowsRead > this.limits.maxRows) {
      throw new IngestLimitError(
        "maxRows",
        {
          en: `The file has more than ${this.limits.maxRows.toLocaleString("en-US")} rows, the most one upload may have. Split it into several uploads.`,
          zh: `文件超过 ${this.limits.maxRows.toLocaleString("en-US")} 行，即单次上传的上限。请拆分为几次上传。`,
        },
      );
    }
    let lastFilled = -1;
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i];
      if (typeof cell === "string" && cell.length > this.limits.maxCellChars) {
        const { where, whereZh } = rowLocation(sheet, row);
        throw new IngestLimitError(
          "maxCellChars",
          {
            en: `A cell in ${where} has ${cell.length.toLocaleString("en-US")} characters; a cell may have at most ${this.limits.maxCellChars.toLocaleString("en-US")}.`,
            zh: `${whereZh}有一个单元格含 ${cell.length.toLocaleString("en-US")} 个字符；每个单元格最多 ${this.limits.maxCellChars.toLocaleString("en-US")} 个字符。`,
          },
        );
      }
      if (cell !== null && cell !== undefined && cell !== "") lastFilled = i;
    }
    if (lastFilled + 1 > this.limits.maxColumns) {
      const { where, whereZh } = rowLocation(sheet, row);
      throw new IngestLimitError(
        "maxColumns",
        {
          en: `${where[0]!.toUpperCase()}${where.slice(1)} has ${lastFilled + 1} columns; an upload may have at most ${this.limits.maxColumns}.`,
          zh: `${whereZh}有 ${lastFilled + 1} 列；每次上传最多 ${this.limits.maxColumns} 列。`,
        },
      );
    }
  }
}

/** "sheet "2-3", row 12" / "工作表“2-3”第 12 行", for a limit's message. */
function rowLocation(sheet: string | null, row: SheetRow): { where: string; whereZh: string } {
  return sheet === null
    ? { where: `row ${row.number}`, whereZh: `第 ${row.number} 行` }
    : { where: `sheet "${sheet}", row ${row.number}`, whereZh: `工作表“${sheet}”第 ${row.number} 行` };
}
