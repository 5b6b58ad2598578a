import { crc32, createDeflateRaw, createInflateRaw } from "node:zlib";
import type { ZipEntry } from "@/lib/ingest/zip-guard";

// The copy of an XLSX that exceljs's streaming WorkbookReader is fed. Read
// as Excel saves it, that reader (4.4.0) gets two things wrong:
// - it decodes each unpacked chunk of XML on its own, so a Chinese character
//   cut by a chunk boundary becomes U+FFFD;
// - it reads the parts in zip order, and Excel (and exceljs) store the sheets
//   before the shared strings and the workbook: it then parks the sheets in
//   temporary files, and about one read in 300 fails ("reading 'sheets'").
// So the copy holds only the parts it reads, in the order it needs them
// (workbook relationships, workbook, shared strings, then the sheets by
// number), each written in ASCII: every other character becomes an XML
// character reference (北 → &#21271;), which means the same to an XML parser
// and which no chunk boundary can cut. (OOXML parts hold no CDATA sections,
// where a reference would be read literally.) Sheet targets written from the
// package root ("/xl/worksheets/sheet1.xml", as openpyxl writes them) are made
// relative to xl/, the only form exceljs matches sheet names by. The copy is a
// valid .xlsx, made one part at a time: no more than one part's compressed
// copy is held at once.

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const RELS = "xl/_rels/workbook.xml.rels";
const WORKBOOK = "xl/workbook.xml";
const SHARED_STRINGS = "xl/sharedStrings.xml";
/** What a workbook without text has instead of a shared-strings part, so exceljs reads its sheets straight away. */
const NO_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/** The parts exceljs reads, in the order it reads them; null when the zip has no workbook. */
export function readerParts(entries: Map<string, ZipEntry>): (ZipEntry | string)[] | null {
  const rels = entries.get(RELS);
  const workbook = entries.get(WORKBOOK);
  if (!rels || !workbook) return null;
  const sheets = [...entries.values()]
    .filter((entry) => SHEET.test(entry.name))
    .sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]));
  return [rels, workbook, entries.get(SHARED_STRINGS) ?? NO_SHARED_STRINGS, ...sheets];
}

function toAscii(text: string): string {
  return text.replace(/[^\x00-\x7f]/gu, (char) => `&#${char.codePointAt(0)};`);
}

/** The workbook's relationships (a small part, read whole) with every target relative to xl/. */
async function* relativeTargets(text: AsyncIterable<string>): AsyncGenerator<string> {
  let whole = "";
  for await (const chunk of text) whole += chunk;
  yield whole.replace(/Target="\/xl\//g, 'Target="');
}

/** One part's XML as ASCII text, chunk by chunk (characters split between inflated chunks stay whole). */
async function* asciiText(zip: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const at = entry.localHeaderOffset;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  const decoder = new TextDecoder("utf-8");
  if (entry.method === 0) {
    yield toAscii(decoder.decode(data));
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(data);
  for await (const chunk of inflater as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield toAscii(text);
  }
  const rest = decoder.decode();
  if (rest) yield toAscii(rest);
}

interface PackedPart {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer[];
  compressedSize: number;
}

async function pack(name: string, text: AsyncIterable<string> | Iterable<string>): Promise<PackedPart> {
  const deflater = createDeflateRaw({ level: 1 });
  const data: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of deflater as AsyncIterable<Buffer>) data.push(chunk);
  })();
  let crc = 0;
  let size = 0;
  for await (const chunk of text) {
    const bytes = Buffer.from(chunk, "latin1");
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once("drain", resolve));
  }
  deflater.end();
  await collected;
  return { name: Buffer.from(name, "utf8"), crc, size, data, compressedSize: data.reduce((n, b) => n + b.length, 0) };
}

function localHeader(part: PackedPart): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(part.crc, 14);
  header.writeUInt32LE(part.compressedSize, 18);
  header.writeUInt32LE(part.size, 22);
  header.writeUInt16LE(part.name.length, 26);
  return header;
}

function centralDirectory(parts: { part: PackedPart; offset: number }[], directoryOffset: number): Buffer {
  const records = parts.flatMap(({ part, offset }) => {
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(part.crc, 16);
    record.writeUInt32LE(part.compressedSize, 20);
    record.writeUInt32LE(part.size, 24);
    record.writeUInt16LE(part.name.length, 28);
    record.writeUInt32LE(offset, 42);
    return [record, part.name];
  });
  const directory = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([directory, end]);
}

/**
 * The zip exceljs reads, as a stream of bytes made part by part. The parts
 * must have passed checkZip (lib/ingest/zip-guard.ts): their sizes are known
 * and they inflate cleanly.
 */
export async function* readerZip(zip: Buffer, parts: (ZipEntry | string)[]): AsyncGenerator<Buffer> {
  const written: { part: PackedPart; offset: number }[] = [];
  let offset = 0;
  for (const source of parts) {
    const part =
      typeof source === "string"
        ? await pack(SHARED_STRINGS, [source])
        : await pack(
            source.name,
            source.name === RELS ? relativeTargets(asciiText(zip, source)) : asciiText(zip, source),
          );
    const header = localHeader(part);
    yield Buffer.concat([header, part.name]);
    yield* part.data;
    written.push({ part: { ...part, data: [] }, offset });
    offset += header.length + part.name.length + part.compressedSize;
  }
  yield centralDirectory(written, offset);
}
