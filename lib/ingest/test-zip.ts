import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { readCentralDirectory } from "@/lib/ingest/zip-guard";

// For tests only: zips written by hand, to build zip bombs, lying headers and
// workbooks whose entries are stored in the order Excel uses.

export interface HandEntry {
  name: string;
  content: Buffer;
  /** Write this uncompressed size into the headers instead of the true one (a lying header). */
  declaredSize?: number;
}

/** A zip written by hand: local headers, deflated data, central directory, end record. */
export function buildZip(entries: HandEntry[], options: { junkBeforeDirectory?: Buffer } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const data = deflateRawSync(entry.content);
    const size = entry.declaredSize ?? entry.content.length;
    const crc = crc32(entry.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const junk = options.junkBeforeDirectory ?? Buffer.alloc(0);
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset + junk.length, 16);
  return Buffer.concat([...locals, junk, directory, end]);
}

/** The entries of a zip, unpacked, in the order they are stored. */
export function unzipEntries(zip: Buffer): { name: string; content: Buffer }[] {
  return readCentralDirectory(zip)
    .entries.sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)
    .map((entry) => {
      const at = entry.localHeaderOffset;
      const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
      const data = zip.subarray(start, start + entry.compressedSize);
      return { name: entry.name, content: entry.method === 8 ? inflateRawSync(data) : Buffer.from(data) };
    });
}
