import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ingestUpload } from "@/lib/ingest";
import { detectSeparator } from "@/lib/ingest/read-csv";
import { seedIngestReference } from "@/lib/ingest/test-reference";
import type { IngestResult } from "@/lib/ingest/types";

const reference = seedIngestReference();

function ingest(data: Buffer | Readable, fileName = "upload.csv"): Promise<IngestResult> {
  return ingestUpload({ fileName, data, reference });
}

const summary = (result: IngestResult) =>
  result.observations.map((o) => `${o.indicatorCode} ${o.year} ${o.geoLevel}:${o.geoCode} ${o.value}`);

/** A yearbook table as Excel saves it: a title line, Chinese headers with units, Chinese place names. */
function yearbookTable(separator: string): string {
  return [
    ["2-3 2018年各地区国家高新区主要经济指标", "", ""],
    ["地区", "营业收入（亿元）", "出口总额（千美元）"],
    ["北京", "120", "3000"],
    ["内蒙古自治区", "80", "1000"],
  ]
    .map((cells) => cells.join(separator))
    .join("\r\n");
}

const YEARBOOK_FIGURES = [
  "revenue 2018 PROVINCE:110000 12000000000",
  "exports 2018 PROVINCE:110000 3000000",
  "revenue 2018 PROVINCE:150000 8000000000",
  "exports 2018 PROVINCE:150000 1000000",
];

const BOM_16LE = Buffer.from([0xff, 0xfe]);
const BOM_16BE = Buffer.from([0xfe, 0xff]);

describe("CSV encodings", () => {
  it("reads GBK, as Excel saves CSV on a Chinese Windows, and says so", async () => {
    const gbk = iconv.encode(yearbookTable(","), "gbk");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    const result = await ingest(gbk);
    expect(result).toMatchObject({ errorCount: 0, encoding: "gb18030", separator: "," });
    expect(summary(result)).toEqual(YEARBOOK_FIGURES);
  });

  it("reads characters only GB18030 has (four-byte sequences), and GBK split across stream chunks", async () => {
    // 䶮 (U+4DAE) is outside GBK: GB18030 encodes it in four bytes.
    const text = "year,level,geo,indicator,value,unit,note\n2019,province,北京,revenue,1,亿元,䶮字\n";
    const bytes = iconv.encode(text, "gb18030");
    expect(bytes.length).toBeGreaterThan(Buffer.from(text, "latin1").length);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, i) => bytes.subarray(i * 3, i * 3 + 3));
    const result = await ingest(Readable.from(chunks));
    expect(result).toMatchObject({ errorCount: 0, encoding: "gb18030" });
    expect(result.observations.map((o) => [o.geoCode, o.value, o.note])).toEqual([["110000", 1e8, "䶮字"]]);
  });

  it("reads UTF-16 with a byte-order mark, tab-separated (Excel's “Unicode Text”), little- and big-endian", async () => {
    const text = yearbookTable("\t");
    const le = await ingest(Buffer.concat([BOM_16LE, iconv.encode(text, "utf16le")]), "table.txt");
    expect(le).toMatchObject({ errorCount: 0, format: "csv", encoding: "utf-16le", separator: "\t" });
    expect(summary(le)).toEqual(YEARBOOK_FIGURES);
    const be = await ingest(Buffer.concat([BOM_16BE, iconv.encode(text, "utf16be")]), "table.txt");
    expect(be).toMatchObject({ errorCount: 0, encoding: "utf-16be", separator: "\t" });
    expect(summary(be)).toEqual(YEARBOOK_FIGURES);
  });

  it("reads UTF-8 without a byte-order mark, and semicolons as separators", async () => {
    const result = await ingest(Buffer.from(yearbookTable(";"), "utf8"));
    expect(result).toMatchObject({ errorCount: 0, encoding: "utf-8", separator: ";" });
    expect(summary(result)).toEqual(YEARBOOK_FIGURES);
  });

  it("keeps commas inside quoted cells of a semicolon-separated file", async () => {
    const csv = 'year;level;geo;indicator;value;unit;note\n2019;province;北京;revenue;"1,500";亿元;"含中关村, 海淀"\n';
    const result = await ingest(Buffer.from(csv, "utf8"));
    expect(result.separator).toBe(";");
    expect(result.observations.map((o) => [o.value, o.note])).toEqual([[150_000_000_000, "含中关村, 海淀"]]);
  });

  it("refuses text that is neither UTF-8 nor GB18030, in both languages", async () => {
    const result = await ingest(Buffer.from([...Buffer.from("year,value\n2019,"), 0xff, 0xff, 0x0a]));
    expect(result.problems.map((p) => [p.code, p.row])).toEqual([["unknown_encoding", null]]);
    expect(result.problems[0]!.reason).toMatch(/neither UTF-8 nor GB18030\/GBK.*CSV UTF-8/);
    expect(result.problems[0]!.reasonZh).toMatch(/既不是 UTF-8 编码，也不是 GB18030\/GBK 编码/);
    expect(result).toMatchObject({ encoding: null, separator: null });
  });

  it("names the line where a file that began as UTF-8 turns into GBK", async () => {
    // Over a megabyte of ASCII (header and blank rows) before the first Chinese: the encoding is decided as UTF-8.
    const blankRows = 200_000;
    const ascii = `year,level,geo,indicator,value,unit\n${",,,,,\n".repeat(blankRows)}`;
    expect(ascii.length).toBeGreaterThan(1 << 20);
    const gbkLine = iconv.encode("2019,province,北京,revenue,1,亿元\n", "gbk");
    const result = await ingest(Buffer.concat([Buffer.from(ascii), gbkLine]));
    const line = blankRows + 2;
    expect(result.problems.map((p) => p.code)).toEqual(["unknown_encoding"]);
    expect(result.problems[0]!.reason).toContain(`line ${line.toLocaleString("en-US")} is not UTF-8`);
    expect(result.problems[0]!.reasonZh).toContain(`第 ${line} 行不是 UTF-8 编码`);
    expect(result.encoding).toBe("utf-8");
  }, 30_000);

  it("names the line of a broken UTF-16 character (an unpaired surrogate)", async () => {
    const text = Buffer.from("year,level,geo,indicator,value,unit\n2019,province,北京,revenue,1,亿元\n", "utf16le");
    const broken = Buffer.concat([BOM_16LE, text, Buffer.from([0x00, 0xd8, 0x41, 0x00])]); // U+D800 then "A"
    const result = await ingest(broken);
    expect(result.problems.map((p) => p.code)).toEqual(["unknown_encoding"]);
    expect(result.problems[0]!.reason).toContain("line 3 is not UTF-16");
  });

  it("refuses a binary file, in both languages", async () => {
    const result = await ingest(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]));
    expect(result.problems.map((p) => [p.code, p.reason, p.reasonZh])).toEqual([
      [
        "unreadable_file",
        "The file is not text: upload a CSV file or an .xlsx workbook.",
        "该文件不是文本文件：请上传 CSV 文件或 .xlsx 工作簿。",
      ],
    ]);
  });
});

describe("detectSeparator", () => {
  it("counts separators outside quotes on the first line that has any", () => {
    expect(detectSeparator('"a,b,c";d;e\n1,2,3')).toBe(";");
    expect(detectSeparator("表1 2019年主要指标\n地区\t营业收入\t出口\n")).toBe("\t");
    expect(detectSeparator('"年份\n(年)",地区;备注')).toBe(",");
  });

  it("prefers a comma on a tie and when there is no separator at all", () => {
    expect(detectSeparator("a,b;c")).toBe(",");
    expect(detectSeparator("one column\nonly")).toBe(",");
    expect(detectSeparator("a;b")).toBe(";");
  });
});
