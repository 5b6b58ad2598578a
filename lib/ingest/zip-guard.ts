import { createInflateRaw } from "node:zlib";
import { describeBytes, IngestLimitError } from "@/lib/ingest/limits";
import type { IngestLimits } from "@/lib/ingest/types";

// An XLSX is a zip. Before exceljs unpacks one, read its central directory
// and refuse zip bombs (too much uncompressed data, or too high a compression
// ratio), then inflate every entry once, counting bytes without keeping them,
// so an entry that expands beyond its declared size (a lying header) or whose
// data is corrupt is refused too. Also refuse data outside the directory: a
// zip read front to back (as exceljs reads one) would find entries the checks
// never saw. (exceljs is handed a copy of the checked entries only, see
// lib/ingest/reader-zip.ts, but a file that hides data is refused all the same.)

/** The file is not a readable zip (truncated, corrupt, encrypted, unsupported); the message (English, with `zh` in Chinese) is for the admin. */
export class ZipReadError extends Error {
  override name = "ZipReadError";
  readonly zh: string;

  constructor(message: { en: string; zh: string }) {
    super(message.en);
    this.zh = message.zh;
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_ENTRIES = 10_000;
/** Entries smaller than this may be compressed beyond the ratio limit (a sheet of empty styled cells is). */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
/** Bytes a data descriptor may take between one entry's data and the next header. */
const MAX_DESCRIPTOR_BYTES = 24;

const TRUNCATED = {
  en: "The XLSX file is incomplete or damaged (its zip directory is missing or broken) — the upload may have been cut off. Save it again from Excel and upload it again.",
  zh: "该 XLSX 文件不完整或已损坏（其 zip 目录缺失或损坏），可能是上传被中断。请在 Excel 中重新保存后再上传。",
};

function readUInt64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipReadError(TRUNCATED);
  return Number(value);
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let offset = buffer.length - 22; offset >= lowest; offset--) {
    if (buffer.readUInt32LE(offset) === EOCD && offset + 22 + buffer.readUInt16LE(offset + 20) <= buffer.length)
      return offset;
  }
  throw new ZipReadError(TRUNCATED);
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: the entries' data must end here. */
  directoryOffset: number;
}

/** The zip's entries as its central directory lists them; throws ZipReadError when there is no intact directory. */
export function readCentralDirectory(buffer: Buffer): ZipDirectory {
  if (buffer.length < 22) throw new ZipReadError(TRUNCATED);
  const eocd = findEndOfCentralDirectory(buffer);
  if (buffer.readUInt16LE(eocd + 4) !== 0 || buffer.readUInt16LE(eocd + 6) !== 0) {
    throw new ZipReadError({
      en: "The XLSX file is a multi-part zip archive, which cannot be read. Save it again from Excel as one file.",
      zh: "该 XLSX 文件是分卷 zip 压缩包，无法读取。请在 Excel 中重新保存为单个文件。",
    });
  }
  let count = buffer.readUInt16LE(eocd + 10);
  let size = buffer.readUInt32LE(eocd + 12);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new ZipReadError(TRUNCATED);
    const zip64 = readUInt64(buffer, locator + 8);
    if (zip64 + 56 > buffer.length || buffer.readUInt32LE(zip64) !== ZIP64_EOCD) throw new ZipReadError(TRUNCATED);
    count = readUInt64(buffer, zip64 + 32);
    size = readUInt64(buffer, zip64 + 40);
    offset = readUInt64(buffer, zip64 + 48);
  }
  if (count > MAX_ENTRIES)
    throw new ZipReadError({
      en: `The XLSX file holds ${count.toLocaleString("en-US")} files; a workbook has far fewer. It cannot be read.`,
      zh: `该 XLSX 文件内含 ${count} 个文件，远多于正常工作簿，无法读取。`,
    });
  if (offset + size > buffer.length) throw new ZipReadError(TRUNCATED);

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || buffer.readUInt32LE(at) !== CENTRAL_ENTRY) throw new ZipReadError(TRUNCATED);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: buffer.toString("utf8", at + 46, at + 46 + nameLength),
      flags: buffer.readUInt16LE(at + 8),
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    };
    readZip64Extra(buffer, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, directoryOffset: offset };
}

/** Sizes and offsets of 0xFFFFFFFF live in the zip64 extra field (id 1), in this order. */
function readZip64Extra(buffer: Buffer, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = buffer.readUInt16LE(at);
    const size = buffer.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ["uncompressedSize", "compressedSize", "localHeaderOffset"] as const) {
        if (entry[key] === 0xffffffff && field + 8 <= at + 4 + size) {
          entry[key] = readUInt64(buffer, field);
          field += 8;
        }
      }
    }
    at += 4 + size;
  }
}

/** Where an entry's compressed data starts, after its local header; checks the header agrees with the directory. */
function dataStart(buffer: Buffer, entry: ZipEntry): number {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) throw new ZipReadError(TRUNCATED);
  const nameLength = buffer.readUInt16LE(at + 26);
  const extraLength = buffer.readUInt16LE(at + 28);
  if (buffer.toString("utf8", at + 30, at + 30 + nameLength) !== entry.name) throw new ZipReadError(TRUNCATED);
  return at + 30 + nameLength + extraLength;
}

/** Inflates one entry, counting but not keeping the bytes; refuses one that grows past its declared size. */
async function checkInflatedSize(data: Buffer, entry: ZipEntry): Promise<void> {
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new ZipReadError(TRUNCATED);
    return;
  }
  if (entry.method !== 8) {
    throw new ZipReadError({
      en: `The XLSX file uses a compression method (${entry.method}) that cannot be read. Save it again from Excel.`,
      zh: `该 XLSX 文件使用了无法读取的压缩方式（${entry.method}）。请在 Excel 中重新保存。`,
    });
  }
  await new Promise<void>((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let produced = 0;
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      if (error) reject(error);
      else resolve();
    };
    inflater.on("data", (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        finish(
          new IngestLimitError(
            "maxUncompressedBytes",
            {
              en: `The XLSX file was refused: "${entry.name}" inside it expands to more than the ${describeBytes(entry.uncompressedSize)} it declares, which is how zip bombs hide.`,
              zh: `XLSX 文件被拒绝：其中的“${entry.name}”解压后超过其声明的 ${describeBytes(entry.uncompressedSize)}，这是压缩炸弹的常见手法。`,
            },
          ),
        );
      }
    });
    inflater.on("error", () =>
      finish(
        new ZipReadError({
          en: `The XLSX file is damaged: "${entry.name}" inside it cannot be unpacked. Save it again from Excel.`,
          zh: `该 XLSX 文件已损坏：其中的“${entry.name}”无法解压。请在 Excel 中重新保存。`,
        }),
      ),
    );
    inflater.on("end", () =>
      produced === entry.uncompressedSize
        ? finish()
        : finish(
            new ZipReadError({
              en: `The XLSX file is damaged: "${entry.name}" inside it is shorter than it declares.`,
              zh: `该 XLSX 文件已损坏：其中的“${entry.name}”比声明的长度短。`,
            }),
          ),
    );
    inflater.end(data);
  });
}

/**
 * Checks an XLSX's zip before it is unpacked. Throws IngestLimitError for a zip
 * bomb (too much data or too high a ratio) and ZipReadError for a zip that is
 * truncated, damaged or hides data outside its directory.
 */
export async function checkZip(buffer: Buffer, limits: IngestLimits): Promise<ZipEntry[]> {
  const { entries, directoryOffset } = readCentralDirectory(buffer);
  if (entries.some((e) => e.flags & 0x1)) {
    throw new ZipReadError({
      en: "The XLSX file is password-protected. Remove the password in Excel and upload it again.",
      zh: "该 XLSX 文件设有密码保护。请在 Excel 中取消密码后再上传。",
    });
  }

  const totalUncompressed = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const totalCompressed = entries.reduce((sum, e) => sum + e.compressedSize, 0);
  if (totalUncompressed > limits.maxUncompressedBytes) {
    throw new IngestLimitError(
      "maxUncompressedBytes",
      {
        en: `The XLSX file was refused: it unpacks to ${describeBytes(totalUncompressed)}, more than the ${describeBytes(limits.maxUncompressedBytes)} allowed. Split the workbook into several uploads.`,
        zh: `XLSX 文件被拒绝：解压后为 ${describeBytes(totalUncompressed)}，超过允许的 ${describeBytes(limits.maxUncompressedBytes)}。请将工作簿拆分为几次上传。`,
      },
    );
  }
  const ratioOf = (uncompressed: number, compressed: number) => uncompressed / Math.max(compressed, 1);
  const overRatio = entries.find(
    (e) =>
      e.uncompressedSize > RATIO_CHECK_MIN_BYTES &&
      ratioOf(e.uncompressedSize, e.compressedSize) > limits.maxCompressionRatio,
  );
  if (
    overRatio ||
    (totalUncompressed > RATIO_CHECK_MIN_BYTES &&
      ratioOf(totalUncompressed, totalCompressed) > limits.maxCompressionRatio)
  ) {
    const ratio = overRatio
      ? ratioOf(overRatio.uncompressedSize, overRatio.compressedSize)
      : ratioOf(totalUncompressed, totalCompressed);
    throw new IngestLimitError(
      "maxCompressionRatio",
      {
        en: `The XLSX file was refused: ${overRatio ? `"${overRatio.name}" inside it` : "it"} is compressed ${Math.round(ratio).toLocaleString("en-US")} to 1, more than the ${limits.maxCompressionRatio} to 1 a workbook plausibly has (a zip bomb?).`,
        zh: `XLSX 文件被拒绝：${overRatio ? `其中的“${overRatio.name}”` : "该文件"}压缩比为 ${Math.round(ratio).toLocaleString("en-US")}:1，超过正常工作簿可能有的 ${limits.maxCompressionRatio}:1（疑为压缩炸弹）。`,
      },
    );
  }

  // The entries, in file order, must follow one another up to the directory with nothing hidden between them.
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  const hidden = new ZipReadError({
    en: "The XLSX file holds data outside its zip directory, so it cannot be checked. Save it again from Excel.",
    zh: "该 XLSX 文件在 zip 目录之外还有数据，无法检查。请在 Excel 中重新保存。",
  });
  let expectedNext = 0;
  for (const [index, entry] of byOffset.entries()) {
    const gap = entry.localHeaderOffset - expectedNext;
    if (gap < 0 || gap > (index === 0 ? 0 : MAX_DESCRIPTOR_BYTES)) throw hidden;
    const start = dataStart(buffer, entry);
    const end = start + entry.compressedSize;
    if (end > directoryOffset) throw new ZipReadError(TRUNCATED);
    await checkInflatedSize(buffer.subarray(start, end), entry);
    expectedNext = end;
  }
  const tail = directoryOffset - expectedNext;
  if (tail < 0 || tail > (byOffset.length === 0 ? 0 : MAX_DESCRIPTOR_BYTES)) throw hidden;
  return entries;
}
