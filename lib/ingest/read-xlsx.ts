import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { readerParts, readerZip } from "@/lib/ingest/reader-zip";
import type { RawCell, SheetRow, SheetSource } from "@/lib/ingest/table-source";
import { checkZip, ZipReadError, type ZipEntry } from "@/lib/ingest/zip-guard";
import type { IngestLimits } from "@/lib/ingest/types";

// XLSX as sheets of rows, through exceljs's public streaming reader
// (stream.xlsx.WorkbookReader), fed the copy of the workbook that
// lib/ingest/reader-zip.ts makes once the zip guard has checked the file.
// Sheets come in the order of their part names (sheet1.xml, sheet2.xml …),
// which is the tab order in files Excel saves. Formula cells give their cached
// result; nothing is evaluated. Styles are not read, so a date is its serial
// number. Merged cells need nothing: a merged range holds its value in its
// first cell and the others are empty, which is how the layouts read it.

export interface XlsxSheetSource extends SheetSource {
  name: string;
  isHidden: boolean;
}

/** What the reader sets on each worksheet it yields, from the workbook (not in exceljs's type declarations). */
interface WorksheetReaderSheet {
  name?: string;
  state?: string;
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

function unreadable(error: unknown): ZipReadError {
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  return new ZipReadError({
    en: `The XLSX file could not be read (${detail}). Save it again from Excel and upload it again.`,
    zh: `无法读取该 XLSX 文件（${detail}）。请在 Excel 中重新保存后再上传。`,
  });
}

/** Errors while exceljs reads, as ZipReadError: the file is damaged in a way the zip guard could not see. */
async function* guarded<T>(iterable: AsyncIterable<T>, describe: (error: unknown) => Error): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<T>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw describe(error);
    }
    if (next.done) return;
    yield next.value;
  }
}

async function* readRows(
  worksheet: AsyncIterable<ExcelJS.Row>,
  describe: (error: unknown) => Error,
): AsyncGenerator<SheetRow> {
  for await (const row of guarded(worksheet, describe)) yield toSheetRow(row);
}

/**
 * The sheets of an XLSX, each a stream of rows. Consume each sheet's rows
 * before asking for the next. Throws IngestLimitError for zip bombs and
 * ZipReadError for damaged files.
 */
export async function* readXlsxSheets(zip: Buffer, limits: IngestLimits): AsyncGenerator<XlsxSheetSource> {
  const entries = new Map((await checkZip(zip, limits)).map((entry) => [entry.name, entry]));
  yield* readCheckedXlsxSheets(zip, entries);
}

/** readXlsxSheets for a zip that has passed checkZip, given its entries by name. */
export async function* readCheckedXlsxSheets(
  zip: Buffer,
  entries: Map<string, ZipEntry>,
): AsyncGenerator<XlsxSheetSource> {
  const parts = readerParts(entries);
  if (!parts) {
    throw new ZipReadError({
      en: "The file is a zip archive but not an Excel workbook (it has no xl/workbook.xml). Save it as .xlsx from Excel.",
      zh: "该文件是 zip 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）。请在 Excel 中另存为 .xlsx 文件。",
    });
  }
  // exceljs pipes its input without listening for errors: an error thrown into
  // the stream would leave it waiting for ever. So the copy ends early instead,
  // and the error is thrown once exceljs has stopped.
  const failure: { error?: unknown } = {};
  const copy = async function* (): AsyncGenerator<Buffer> {
    try {
      yield* readerZip(zip, parts);
    } catch (error) {
      failure.error = error;
    }
  };
  const describe = (error: unknown) => unreadable(failure.error ?? error);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(copy()), {
    entries: "ignore",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
  });
  for await (const worksheet of guarded(reader, describe)) {
    const { name, state } = worksheet as unknown as WorksheetReaderSheet;
    yield {
      name: name ?? "",
      isHidden: state === "hidden" || state === "veryHidden",
      rows: readRows(worksheet, describe),
    };
  }
  if (failure.error) throw describe(failure.error);
}
