import { checkTotals } from "@/lib/ingest/check-totals";
import { createIngestContext } from "@/lib/ingest/ingest-context";
import { collectChunks, peekChunks, readChunks, type UploadData } from "@/lib/ingest/input-bytes";
import { resolveLimits } from "@/lib/ingest/limits";
import { ObservationStore } from "@/lib/ingest/observation-store";
import { ProblemLog } from "@/lib/ingest/problem-log";
import { CsvReadError, detectUtf16, readCsvRows } from "@/lib/ingest/read-csv";
import { readSheet } from "@/lib/ingest/read-sheet";
import { readXlsxSheets } from "@/lib/ingest/read-xlsx";
import { RowLimiter } from "@/lib/ingest/table-source";
import type { IngestLimits, IngestObservation, IngestProblemCode, IngestReference, IngestResult } from "@/lib/ingest/types";
import { ZipReadError } from "@/lib/ingest/zip-guard";

// The entry point: bytes in, observations in canonical units and a validation
// report out. No database, no HTTP: the caller decides what to do with them.

type Format = { format: "csv" | "xlsx" } | { format: "csv" | "xlsx"; unsupported: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(head: Buffer, magic: number[]): boolean {
  return magic.every((byte, i) => head[i] === byte);
}

/** Tells the format by the file's first bytes, then by its name. */
function detectFormat(fileName: string, head: Buffer): Format {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (startsWith(head, ZIP_MAGIC)) return { format: "xlsx" };
  if (startsWith(head, OLE_MAGIC)) {
    return {
      format: "xlsx",
      unsupported:
        "The file is an old Excel 97–2003 workbook (.xls) or a password-protected one. Save it as .xlsx (Excel Workbook) or as CSV UTF-8 and upload that.",
    };
  }
  if (extension === "xlsx" || extension === "xlsm") {
    return {
      format: "xlsx",
      unsupported:
        "The file is named .xlsx but is not an Excel workbook (an .xlsx file is a zip archive). Save it again from Excel.",
    };
  }
  if (extension === "xls")
    return { format: "xlsx", unsupported: "Old .xls workbooks cannot be read: save it as .xlsx or as CSV UTF-8." };
  if (detectUtf16(head)) {
    return {
      format: "csv",
      unsupported:
        "The file is UTF-16 text (Excel's “Unicode Text”). Save it as “CSV UTF-8 (Comma delimited)” and upload that.",
    };
  }
  if (head.includes(0)) {
    return { format: "csv", unsupported: "The file is not text: upload a CSV (UTF-8) or an .xlsx workbook." };
  }
  return { format: "csv" };
}

/**
 * Reads an uploaded yearbook edition (CSV or XLSX, long or wide layout) into
 * observations in canonical units with a validation report. Throws
 * IngestLimitError when the upload breaks a size limit or is a zip bomb;
 * every other problem, unreadable files included, is in the report.
 */
export async function ingestUpload(input: {
  fileName: string;
  data: UploadData;
  reference: IngestReference;
  limits?: Partial<IngestLimits>;
  /** Where the observations go: a caller may pass its own to read them while the file is still being read. */
  store?: ObservationStore;
}): Promise<IngestResult> {
  const limits = resolveLimits(input.limits);
  const log = new ProblemLog();
  const store = input.store ?? new ObservationStore();
  const context = createIngestContext(input.reference, input.fileName, log, store);
  const limiter = new RowLimiter(limits);
  const { head, chunks } = await peekChunks(readChunks(input.data, limits.maxBytes), 512);
  const detected = detectFormat(input.fileName, head);
  const layouts: ("long" | "wide")[] = [];

  const fileProblem = (code: IngestProblemCode, reason: string) =>
    log.add({ severity: "error", code, sheet: null, row: null, column: null, reason });

  if ("unsupported" in detected) {
    fileProblem("unreadable_file", detected.unsupported);
  } else if (head.length === 0) {
    fileProblem("no_table", "The file is empty.");
  } else {
    try {
      if (detected.format === "xlsx") {
        const buffer = await collectChunks(chunks);
        for await (const sheet of readXlsxSheets(buffer, limits)) {
          if (sheet.isHidden) {
            for await (const row of sheet.rows) limiter.check(sheet.name, row);
            context.builder.problem(
              "warning",
              "no_table",
              { sheet: sheet.name, row: null, column: null },
              `Sheet “${sheet.name}” is hidden and was not read.`,
            );
            continue;
          }
          const layout = await readSheet(sheet, context, limiter);
          if (layout) layouts.push(layout);
        }
      } else {
        const layout = await readSheet({ name: null, rows: readCsvRows(chunks, limits) }, context, limiter);
        if (layout) layouts.push(layout);
      }
    } catch (error) {
      if (error instanceof CsvReadError) fileProblem(error.code, error.message);
      else if (error instanceof ZipReadError) fileProblem("unreadable_file", error.message);
      else throw error;
    }
    if (layouts.length > 0 && store.length === 0 && log.errorCount === 0) {
      fileProblem(
        "no_figures",
        "The file has a table but no figures in it: every value is empty or marked as not available.",
      );
    }
    if (layouts.length === 0 && log.errorCount === 0) {
      fileProblem(
        "no_table",
        "No table found. Use the long layout (columns year, level, geo, indicator, value, unit …) or the wide layout (places in the first column, indicators with their units across the header).",
      );
    }
  }

  const { builder } = context;
  checkTotals(builder, input.reference);
  if (builder.skippedCells > 0) {
    builder.problem(
      "warning",
      "skipped_symbols",
      { sheet: null, row: null, column: null },
      `${builder.skippedCells.toLocaleString("en-US")} cells were empty or marked as not available (/, —, …) and were skipped.`,
    );
  }

  const result: Omit<IngestResult, "observations"> = {
    layout: layouts[0] ?? "long",
    format: detected.format,
    store,
    problems: log.toArray(),
    rowsRead: limiter.rowsRead,
    truncated: log.isTruncated,
    errorCount: log.errorCount,
    warningCount: log.warningCount,
    skippedCells: builder.skippedCells,
  };
  // Not enumerable: spreading a result (its report) must not build a million objects.
  let observations: IngestObservation[] | undefined;
  return Object.defineProperty(result, "observations", {
    get: () => (observations ??= store.toArray()),
    enumerable: false,
  }) as IngestResult;
}
