import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, IngestLimitError } from "@/lib/ingest/limits";
import { buildZip } from "@/lib/ingest/test-zip";
import { checkZip, readCentralDirectory, ZipReadError } from "@/lib/ingest/zip-guard";

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("checkZip", () => {
  it("passes a small honest zip and lists its entries", async () => {
    const zip = buildZip([
      { name: "a.xml", content: Buffer.from("<a>hello</a>") },
      { name: "b.xml", content: Buffer.from("<b>".repeat(100)) },
    ]);
    const entries = await checkZip(zip, DEFAULT_LIMITS);
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ["a.xml", 12],
      ["b.xml", 300],
    ]);
  });

  it("passes a workbook exceljs wrote (data descriptors between entries)", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("2019").addRow(["地区", "营业收入（千元）"]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const entries = await checkZip(buffer, DEFAULT_LIMITS);
    expect(entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
  });

  it("refuses a zip bomb by its compression ratio", async () => {
    // 8 MB of one repeated character deflates to a few kilobytes: a ratio of about 1000 to 1.
    const zip = buildZip([{ name: "xl/worksheets/sheet1.xml", content: Buffer.alloc(8 * 1024 * 1024, "a") }]);
    expect(zip.length).toBeLessThan(50_000);
    const error = await refusal(checkZip(zip, DEFAULT_LIMITS));
    expect(error).toBeInstanceOf(IngestLimitError);
    expect((error as IngestLimitError).limit).toBe("maxCompressionRatio");
    expect((error as Error).message).toMatch(/compressed \d[\d,]* to 1/);
  });

  it("refuses a zip that unpacks to more than the uncompressed limit", async () => {
    const zip = buildZip([{ name: "xl/sharedStrings.xml", content: Buffer.alloc(3 * 1024 * 1024, "a") }]);
    const error = await refusal(
      checkZip(zip, { ...DEFAULT_LIMITS, maxUncompressedBytes: 2 * 1024 * 1024, maxCompressionRatio: 1e9 }),
    );
    expect((error as IngestLimitError).limit).toBe("maxUncompressedBytes");
    expect((error as Error).message).toMatch(/unpacks to 3 MB, more than the 2 MB allowed/);
  });

  it("refuses an entry that expands beyond the size its header declares", async () => {
    const zip = buildZip([
      { name: "xl/worksheets/sheet1.xml", content: Buffer.alloc(4 * 1024 * 1024, "a"), declaredSize: 1000 },
    ]);
    const error = await refusal(checkZip(zip, DEFAULT_LIMITS));
    expect(error).toBeInstanceOf(IngestLimitError);
    expect((error as IngestLimitError).limit).toBe("maxUncompressedBytes");
    expect((error as Error).message).toMatch(/expands to more than/);
  });

  it("refuses a truncated zip, with no directory to read", async () => {
    const zip = buildZip([{ name: "a.xml", content: Buffer.from("<a>hello</a>".repeat(50)) }]);
    for (const cut of [zip.length - 5, Math.floor(zip.length / 2), 10]) {
      const error = await refusal(checkZip(zip.subarray(0, cut), DEFAULT_LIMITS));
      expect(error).toBeInstanceOf(ZipReadError);
      expect((error as Error).message).toMatch(/incomplete or damaged/);
    }
  });

  it("refuses damaged compressed data", async () => {
    const zip = buildZip([
      { name: "a.xml", content: Buffer.from(Array.from({ length: 2000 }, (_, i) => `<c r="${i}"/>`).join("")) },
    ]);
    const broken = Buffer.from(zip);
    for (let i = 40; i < 60; i++) broken[i] = 0xff;
    const error = await refusal(checkZip(broken, DEFAULT_LIMITS));
    expect(error).toBeInstanceOf(ZipReadError);
  });

  it("refuses data hidden outside the directory", async () => {
    const hidden = buildZip([{ name: "a.xml", content: Buffer.from("<a/>") }], {
      junkBeforeDirectory: Buffer.alloc(200, 1),
    });
    const error = await refusal(checkZip(hidden, DEFAULT_LIMITS));
    expect(error).toBeInstanceOf(ZipReadError);
    expect((error as Error).message).toMatch(/outside its zip directory/);
  });

  it("reads the central directory's declared sizes", () => {
    const zip = buildZip([{ name: "big.xml", content: Buffer.from("x"), declaredSize: 123_456 }]);
    const { entries } = readCentralDirectory(zip);
    expect(entries[0]).toMatchObject({ name: "big.xml", uncompressedSize: 123_456, method: 8 });
  });
});
