import { checkTotals } from "@/lib/ingest/check-totals";
import { createIngestContext } from "@/lib/ingest/ingest-context";
import { collectChunks, peekChunks, readChunks, type UploadData } from "@/lib/ingest/input-bytes";
import { resolveLimits } from "@/lib/ingest/limits";
import { ObservationStore } from "@/lib/ingest/observation-store";
import { CsvReadError, openCsv } from "@/lib/ingest/read-csv";
import { readSheet } from "@/lib/ingest/read-sheet";
import { readWorkbook, reportSkippedCells, SheetProblemLog } from "@/lib/ingest/read-workbook";
import { RowLimiter } from "@/lib/ingest/table-source";
import type {
  CsvEncoding,
  CsvSeparator,
  IngestLimits,
  IngestMessage,
  IngestObservation,
  IngestProblemCode,
  IngestReference,
  IngestResult,
  IngestSheetSummary,
} from "@/lib/ingest/types";
import { ZipReadError } from "@/lib/ingest/zip-guard";

// The entry point: bytes in, observations in canonical units and a validation
// report out. No database, no HTTP: the caller decides what to do with them.

type Format = { format: "csv" | "xlsx" } | { format: "csv" | "xlsx"; unsupported: { en: string; zh: string } };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(head: Buffer, magic: number[]): boolean {
  return magic.every((byte, i) => head[i] === byte);
}

const SAVE_AS_XLSX = {
  en: "In Excel choose File › Save As › “Excel Workbook (*.xlsx)” and upload that.",
  zh: "请在 Excel 中选择“文件 › 另存为 › Excel 工作簿（*.xlsx）”，再上传该文件。",
};

/** Tells the format by the file's first bytes, then by its name; text is CSV (the CSV reader tells binary apart). */
export function detectFormat(fileName: string, head: Buffer): Format {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (startsWith(head, ZIP_MAGIC)) return { format: "xlsx" };
  if (startsWith(head, OLE_MAGIC)) {
    return {
      format: "xlsx",
      unsupported: {
        en: `The file is an old Excel 97–2003 workbook (.xls) or a password-protected one, which cannot be read. ${SAVE_AS_XLSX.en}`,
        zh: `该文件是旧版 Excel 97–2003 工作簿（.xls）或设有密码保护的工作簿，无法读取。${SAVE_AS_XLSX.zh}`,
      },
    };
  }
  if (extension === "xlsx" || extension === "xlsm") {
    return {
      format: "xlsx",
      unsupported: {
        en: "The file is named .xlsx but is not an Excel workbook (an .xlsx file is a zip archive). Save it again from Excel.",
        zh: "该文件扩展名为 .xlsx，但不是 Excel 工作簿（.xlsx 文件应为 zip 压缩包）。请在 Excel 中重新保存。",
      },
    };
  }
  if (extension === "xls") {
    return {
      format: "xlsx",
      unsupported: {
        en: `Old Excel 97–2003 workbooks (.xls) cannot be read. ${SAVE_AS_XLSX.en}`,
        zh: `无法读取旧版 Excel 97–2003 工作簿（.xls）。${SAVE_AS_XLSX.zh}`,
      },
    };
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
  const log = new SheetProblemLog();
  const store = input.store ?? new ObservationStore();
  const context = createIngestContext(input.reference, input.fileName, log, store);
  const limiter = new RowLimiter(limits);
  const { head, chunks } = await peekChunks(readChunks(input.data, limits.maxBytes), 512);
  const detected = detectFormat(input.fileName, head);
  const layouts: ("long" | "wide")[] = [];
  let sheets: Omit<IngestSheetSummary, "errors" | "warnings">[] = [];
  let csv: { encoding: CsvEncoding; separator: CsvSeparator } | null = null;

  const fileProblem = (code: IngestProblemCode, reason: IngestMessage) =>
    context.builder.problem("error", code, { sheet: null, row: null, column: null }, reason);

  if ("unsupported" in detected) {
    fileProblem("unreadable_file", detected.unsupported);
  } else if (head.length === 0) {
    fileProblem("no_table", { en: "The file is empty.", zh: "文件为空。" });
  } else {
    try {
      if (detected.format === "xlsx") {
        sheets = await readWorkbook(await collectChunks(chunks), context, limiter, limits);
        for (const sheet of sheets) if (sheet.layout) layouts.push(sheet.layout);
      } else {
        const table = await openCsv(chunks, limits);
        csv = { encoding: table.encoding, separator: table.separator };
        const outcome = await readSheet({ name: null, rows: table.rows }, context, limiter);
        if ("layout" in outcome) layouts.push(outcome.layout);
        reportSkippedCells(context, null, context.builder.skippedCells);
      }
    } catch (error) {
      if (error instanceof CsvReadError) fileProblem(error.code, { en: error.message, zh: error.zh });
      else if (error instanceof ZipReadError) fileProblem("unreadable_file", { en: error.message, zh: error.zh });
      else throw error;
    }
    if (layouts.length > 0 && store.length === 0 && log.errorCount === 0) {
      fileProblem(
        "no_figures",
        {
          en: "The file has a table but no figures in it: every value is empty or marked as not available.",
          zh: "文件中有表格，但没有任何数值：所有单元格均为空或标为“不详”。",
        },
      );
    }
    if (layouts.length === 0 && log.errorCount === 0) {
      fileProblem(
        "no_table",
        {
          en: "No table found. Use the long layout (columns year, level, geo, indicator, value, unit …) or the wide layout (places in the first column, indicators with their units across the header).",
          zh: "未找到表格。请使用长表格式（列为 year、level、geo、indicator、value、unit …），或宽表格式（第一列为地区，表头横列各指标并注明计量单位）。",
        },
      );
    }
  }

  const { builder } = context;
  checkTotals(builder, input.reference);

  const result: Omit<IngestResult, "observations"> = {
    layout: layouts[0] ?? "long",
    format: detected.format,
    encoding: csv?.encoding ?? null,
    separator: csv?.separator ?? null,
    sheets: sheets.map((sheet) => ({ ...sheet, ...log.tallyOf(sheet.name) })),
    newZones: context.newZones.list(),
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
