import { pipeline, Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { peekChunks } from "@/lib/ingest/input-bytes";
import { IngestLimitError } from "@/lib/ingest/limits";
import type { SheetRow } from "@/lib/ingest/table-source";
import type { CsvEncoding, CsvSeparator, IngestLimits, IngestProblemCode } from "@/lib/ingest/types";

// CSV as a stream of rows, in the encodings Excel writes: UTF-8 (with or
// without a BOM), UTF-16 with a BOM ("Unicode Text") and GB18030/GBK (what
// Excel saves by default on a Chinese Windows); cells separated by commas,
// semicolons or tabs.
//
// The encoding is decided from the BOM, else from the first megabyte: strict
// UTF-8 if it decodes as such, else strict GB18030. The file is then decoded
// chunk by chunk, strictly, so it streams and is never held whole. A file whose
// first megabyte is plain ASCII and whose later lines are GBK is read as UTF-8
// and fails at its first GBK line with a message naming that line. Buffering
// the whole file to decide would avoid that, at the cost of holding up to the
// upload limit in memory; a yearbook table has Chinese in its first lines.

/** Bytes looked at to tell the encoding and the separator. */
const SNIFF_BYTES = 1 << 20;

/** The file could not be read as CSV; the message (English, with `zh` in Chinese) is for the admin. */
export class CsvReadError extends Error {
  override name = "CsvReadError";
  readonly zh: string;

  constructor(
    readonly code: Extract<IngestProblemCode, "unknown_encoding" | "unreadable_file">,
    message: { en: string; zh: string },
  ) {
    super(message.en);
    this.zh = message.zh;
  }
}

const SAVE_AS = {
  en: "In Excel choose File › Save As › “CSV UTF-8 (Comma delimited)”, or upload the .xlsx workbook instead.",
  zh: "请在 Excel 中选择“文件 › 另存为 › CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 工作簿。",
};

const ENCODING_LABELS: Record<CsvEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16",
  gb18030: "GB18030/GBK",
};

/** fatal: a byte sequence that is not valid in the encoding throws instead of becoming U+FFFD. A BOM is dropped. */
function decoderFor(encoding: CsvEncoding, fatal = true): TextDecoder {
  return new TextDecoder(encoding === "utf-8-bom" ? "utf-8" : encoding, { fatal });
}

function decodes(bytes: Uint8Array, encoding: CsvEncoding): boolean {
  try {
    decoderFor(encoding).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The encoding of a CSV by its byte-order mark, else by its first bytes; throws CsvReadError for binary or undecodable files. */
export function detectEncoding(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8-bom";
  if (head.includes(0)) {
    throw new CsvReadError("unreadable_file", {
      en: "The file is not text: upload a CSV file or an .xlsx workbook.",
      zh: "该文件不是文本文件：请上传 CSV 文件或 .xlsx 工作簿。",
    });
  }
  if (decodes(head, "utf-8")) return "utf-8";
  if (decodes(head, "gb18030")) return "gb18030";
  throw new CsvReadError("unknown_encoding", {
    en: `The file is neither UTF-8 nor GB18030/GBK text, the encodings this app reads. ${SAVE_AS.en}`,
    zh: `该文件既不是 UTF-8 编码，也不是 GB18030/GBK 编码的文本，无法读取。${SAVE_AS.zh}`,
  });
}

const SEPARATORS: CsvSeparator[] = [",", ";", "\t"];

/** The separator used most, outside quotes, on the first line that has any; a comma when none has. */
export function detectSeparator(text: string): CsvSeparator {
  const counts = new Map<CsvSeparator, number>(SEPARATORS.map((s) => [s, 0]));
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    if (isQuoted) continue;
    if (char === "\n" || char === "\r") {
      if ([...counts.values()].some((n) => n > 0)) break;
    } else if (counts.has(char as CsvSeparator)) {
      counts.set(char as CsvSeparator, counts.get(char as CsvSeparator)! + 1);
    }
  }
  // Ties go to the earlier in SEPARATORS: a comma before a semicolon before a tab.
  return SEPARATORS.reduce((best, s) => (counts.get(s)! > counts.get(best)! ? s : best));
}

function lineBreaks(text: string, end = text.length): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < end; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/** The error for a chunk that is not valid in the encoding, naming its line (lines before it + where in it). */
function notEncodedAs(encoding: CsvEncoding, linesBefore: number, chunk: Uint8Array): CsvReadError {
  // Decoded leniently, the chunk's first U+FFFD marks the bad bytes (near enough for a message).
  const lenient = decoderFor(encoding, false).decode(chunk);
  const line = linesBefore + lineBreaks(lenient, Math.max(lenient.indexOf("\uFFFD"), 0)) + 1;
  const label = ENCODING_LABELS[encoding];
  return new CsvReadError("unknown_encoding", {
    en: `The file's beginning was read as ${label} text, but line ${line.toLocaleString("en-US")} is not ${label}: the file mixes encodings or is damaged. ${SAVE_AS.en}`,
    zh: `文件开头按 ${label} 编码读取，但第 ${line} 行不是 ${label} 编码：文件混用了多种编码或已损坏。${SAVE_AS.zh}`,
  });
}

/** Decodes chunk by chunk; a chunk that is not valid in the encoding ends it with an error naming its line. */
async function* decodeStrictly(chunks: AsyncIterable<Uint8Array>, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = decoderFor(encoding);
  const decode = (chunk: Uint8Array, linesBefore: number, isLast: boolean): string => {
    try {
      return decoder.decode(chunk, { stream: !isLast });
    } catch {
      throw notEncodedAs(encoding, linesBefore, chunk);
    }
  };
  let linesBefore = 0;
  for await (const chunk of chunks) {
    const text = decode(chunk, linesBefore, false);
    linesBefore += lineBreaks(text);
    if (text) yield text;
  }
  const rest = decode(new Uint8Array(0), linesBefore, true);
  if (rest) yield rest;
}

/** The longest record the parser buffers: every column at its longest. */
function maxRecordChars(limits: IngestLimits): number {
  return limits.maxCellChars * limits.maxColumns;
}

function describeCsvError(error: CsvError, limits: IngestLimits): Error {
  const line = error.lines ?? "?";
  if (error.code === "CSV_MAX_RECORD_SIZE") {
    return new IngestLimitError(
      "maxCellChars",
      {
        en: `The row near line ${line} is longer than ${maxRecordChars(limits).toLocaleString("en-US")} characters (${limits.maxColumns} columns of at most ${limits.maxCellChars.toLocaleString("en-US")}); often a quote (") that is never closed.`,
        zh: `第 ${line} 行附近的一行超过 ${maxRecordChars(limits).toLocaleString("en-US")} 个字符（最多 ${limits.maxColumns} 列、每格最多 ${limits.maxCellChars.toLocaleString("en-US")} 个字符）；通常是引号（"）未闭合。`,
      },
    );
  }
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return new CsvReadError("unreadable_file", {
      en: `A quoted cell that starts near line ${line} is never closed: check the quotes (").`,
      zh: `第 ${line} 行附近开始的带引号单元格没有结束引号：请检查引号（"）。`,
    });
  }
  return new CsvReadError("unreadable_file", {
    en: `The CSV could not be read: ${error.message}`,
    zh: `无法读取该 CSV 文件：${error.message}`,
  });
}

async function* parseRows(
  text: AsyncIterable<string>,
  separator: CsvSeparator,
  limits: IngestLimits,
): AsyncGenerator<SheetRow> {
  const parser = parse({
    delimiter: separator,
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    max_record_size: maxRecordChars(limits),
  });
  // pipeline destroys the parser with the decoder's error, which the loop below then throws.
  pipeline(Readable.from(text), parser, () => {});
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

export interface CsvTable {
  encoding: CsvEncoding;
  separator: CsvSeparator;
  rows: AsyncIterable<SheetRow>;
}

/**
 * Opens a CSV: tells its encoding and separator, and streams its rows. Throws
 * CsvReadError when the file is not text in an encoding it reads; the rows
 * throw CsvReadError (a later line in another encoding, broken quotes) or
 * IngestLimitError (cell size).
 */
export async function openCsv(chunks: AsyncIterable<Uint8Array>, limits: IngestLimits): Promise<CsvTable> {
  const { head, chunks: all } = await peekChunks(chunks, SNIFF_BYTES);
  const encoding = detectEncoding(head);
  // Leniently: a bad byte in a UTF-16 head is reported by the rows, with its line.
  const separator = detectSeparator(decoderFor(encoding, false).decode(head, { stream: true }));
  return { encoding, separator, rows: parseRows(decodeStrictly(all, encoding), separator, limits) };
}
