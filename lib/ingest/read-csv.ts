import { pipeline, Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { IngestLimitError } from "@/lib/ingest/limits";
import type { SheetRow } from "@/lib/ingest/table-source";
import type { IngestLimits } from "@/lib/ingest/types";

// CSV as a stream of rows: UTF-8 only (with or without a BOM), decoded chunk by
// chunk so a file that is not UTF-8 fails at its first bad byte with a message
// that says how to fix it.

/** The file could not be read as CSV; the message is for the admin. */
export class CsvReadError extends Error {
  override name = "CsvReadError";

  constructor(
    readonly code: "not_utf8" | "unreadable_file",
    message: string,
  ) {
    super(message);
  }
}

const NOT_UTF8 =
  "The file is not UTF-8 text (it looks like GBK/GB2312 or another legacy encoding, as older Excel versions save CSV by default). In Excel choose File › Save As › “CSV UTF-8 (Comma delimited)”, or upload the .xlsx file instead.";

/** Tells UTF-16 files (Excel's "Unicode Text") apart by their byte-order mark. */
export function detectUtf16(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

async function* decodeUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD; the BOM is dropped.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of chunks) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof TypeError) throw new CsvReadError("not_utf8", NOT_UTF8);
    throw error;
  }
}

/** The longest record the parser buffers: every column at its longest. */
function maxRecordChars(limits: IngestLimits): number {
  return limits.maxCellChars * limits.maxColumns;
}

function describeCsvError(error: CsvError, limits: IngestLimits): Error {
  if (error.code === "CSV_MAX_RECORD_SIZE") {
    return new IngestLimitError(
      "maxCellChars",
      `The row near line ${error.lines ?? "?"} is longer than ${maxRecordChars(limits).toLocaleString("en-US")} characters (${limits.maxColumns} columns of at most ${limits.maxCellChars.toLocaleString("en-US")}); often a quote (") that is never closed.`,
    );
  }
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return new CsvReadError(
      "unreadable_file",
      `A quoted cell that starts near line ${error.lines ?? "?"} is never closed: check the quotes (").`,
    );
  }
  return new CsvReadError("unreadable_file", `The CSV could not be read: ${error.message}`);
}

/** The rows of a UTF-8 CSV; throws CsvReadError (encoding, broken quotes) or IngestLimitError (cell size). */
export async function* readCsvRows(chunks: AsyncIterable<Uint8Array>, limits: IngestLimits): AsyncGenerator<SheetRow> {
  const parser = parse({
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: maxRecordChars(limits),
  });
  // pipeline destroys the parser with the decoder's error, which the loop below then throws.
  pipeline(Readable.from(decodeUtf8(chunks)), parser, () => {});
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number++;
      yield { number, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvReadError || error instanceof IngestLimitError) throw error;
    if (error && typeof error === "object" && "code" in error && String(error.code).startsWith("CSV_")) {
      throw describeCsvError(error as CsvError, limits);
    }
    throw error;
  } finally {
    parser.destroy();
  }
}
