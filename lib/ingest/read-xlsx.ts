import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { RawCell, SheetRow, SheetSource } from "@/lib/ingest/table-source";
import { checkZip, ZipReadError } from "@/lib/ingest/zip-guard";
import type { IngestLimits } from "@/lib/ingest/types";

// XLSX as sheets of rows, through exceljs's streaming reader after the zip
// guard has passed the file. Formula cells give their cached result; nothing
// is ever evaluated.

export interface XlsxSheetSource extends SheetSource {
  name: string;
  isHidden: boolean;
}

/** Converts an exceljs cell value to a raw cell: text, a number, or a marker for formulas without a result and error values. */
export function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value);
  const v = value as Record<string, unknown>;
  if ("formula" in v || "sharedFormula" in v) {
    const result = v.result;
    if (result === undefined || result === null) {
      return { kind: "formula_without_value", formula: String(v.formula ?? v.sharedFormula ?? "") };
    }
    return toRawCell(result);
  }
  if ("error" in v) return { kind: "spreadsheet_error", text: String(v.error) };
  if (Array.isArray(v.richText))
    return (v.richText as { text?: unknown }[]).map((part) => String(part.text ?? "")).join("");
  if ("text" in v) return toRawCell(v.text);
  return null;
}

function toSheetRow(row: ExcelJS.Row): SheetRow {
  const values = row.values;
  const cells: RawCell[] = [];
  if (Array.isArray(values)) {
    // row.values is 1-based: index 0 is always empty.
    for (let col = 1; col < values.length; col++) cells.push(toRawCell(values[col]));
  }
  return { number: row.number, cells };
}

/** The workbook could not be read by exceljs after the zip checks passed (e.g. broken XML). */
function unreadable(error: unknown): ZipReadError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ZipReadError(
    `The XLSX file could not be read (${detail.slice(0, 200)}). Save it again from Excel and upload it again.`,
  );
}

/**
 * The sheets of an XLSX, in the order they are stored, each a stream of rows.
 * Consume each sheet's rows before asking for the next sheet. Throws
 * IngestLimitError for zip bombs and ZipReadError for damaged files.
 */
export async function* readXlsxSheets(buffer: Buffer, limits: IngestLimits): AsyncGenerator<XlsxSheetSource> {
  await checkZip(buffer, limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    entries: "ignore",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
  });
  const sheets = reader[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
    try {
      next = await sheets.next();
    } catch (error) {
      throw unreadable(error);
    }
    if (next.done) return;
    const worksheet = next.value as ExcelJS.stream.xlsx.WorksheetReader & { name?: string; state?: string };
    const name = worksheet.name ?? "Sheet";
    yield {
      name,
      isHidden: worksheet.state === "hidden" || worksheet.state === "veryHidden",
      rows: readRows(worksheet),
    };
  }
}

async function* readRows(worksheet: AsyncIterable<ExcelJS.Row>): AsyncGenerator<SheetRow> {
  const rows = worksheet[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<ExcelJS.Row>;
    try {
      next = await rows.next();
    } catch (error) {
      throw unreadable(error);
    }
    if (next.done) return;
    yield toSheetRow(next.value);
  }
}
