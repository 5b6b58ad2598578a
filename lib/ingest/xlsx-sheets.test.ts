import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ingestUpload } from "@/lib/ingest";
import { seedIngestReference } from "@/lib/ingest/test-reference";
import { readCheckedXlsxSheets } from "@/lib/ingest/read-xlsx";
import { buildZip, unzipEntries } from "@/lib/ingest/test-zip";
import { readCentralDirectory, ZipReadError } from "@/lib/ingest/zip-guard";
import type { IngestResult } from "@/lib/ingest/types";

const reference = seedIngestReference();

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook with its text in the cells (inline strings) and no shared-strings part, as some programs save it. */
function withoutSharedStrings(xlsx: Buffer): Buffer {
  const entries = unzipEntries(xlsx);
  const shared = entries.find((e) => e.name === "xl/sharedStrings.xml")!.content.toString("utf8");
  const strings = [...shared.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]!);
  return buildZip(
    entries
      .filter((e) => e.name !== "xl/sharedStrings.xml")
      .map((e) =>
        e.name.startsWith("xl/worksheets/sheet")
          ? {
              name: e.name,
              content: Buffer.from(
                e.content
                  .toString("utf8")
                  .replace(
                    /<c r="([A-Z]+\d+)"([^>]*) t="s"><v>(\d+)<\/v><\/c>/g,
                    (_, ref: string, attributes: string, index: string) =>
                      `<c r="${ref}"${attributes} t="inlineStr"><is><t>${strings[Number(index)]}</t></is></c>`,
                  ),
              ),
            }
          : e,
      ),
  );
}

function ingest(data: Buffer, fileName = "yearbook.xlsx"): Promise<IngestResult> {
  return ingestUpload({ fileName, data, reference });
}

const summary = (result: IngestResult) =>
  result.observations.map((o) => `${o.sheet}: ${o.indicatorCode} ${o.year} ${o.geoLevel}:${o.geoCode} ${o.value}`);

/** A yearbook as a workbook: a contents page, two tables of different shapes and years, notes, an empty sheet. */
function yearbook(wb: ExcelJS.Workbook): void {
  const contents = wb.addWorksheet("目录");
  contents.addRow(["目录"]);
  contents.addRow(["表2-1 2019年各地区国家高新区主要经济指标", "第3页"]);
  contents.addRow(["表2-2 2020年国家高新区主要经济指标", "第5页"]);

  const byProvince = wb.addWorksheet("表2-1");
  byProvince.addRow(["表2-1 2019年各地区国家高新区主要经济指标"]);
  byProvince.addRow(["地区", "营业收入（亿元）", "出口总额（千美元）"]);
  byProvince.addRow(["北京", 120, 3000]);
  byProvince.addRow(["上海", 80, "/"]);

  const long = wb.addWorksheet("表2-2");
  long.addRow(["年份", "级别", "地区", "指标", "数值", "单位"]);
  long.addRow([2020, "全国", "全国", "营业收入", 4.5, "万亿元"]);
  long.addRow([2020, "省份", "广东", "上缴税费", 500, "亿元"]);

  const notes = wb.addWorksheet("说明");
  notes.addRow(["注：本表数据来源于《中国火炬统计年鉴》。"]);
  notes.addRow(["“/”表示无数据。"]);

  wb.addWorksheet("Sheet5");
}

describe("a workbook of several tables", () => {
  it("reads each sheet on its own and skips the sheets without a table with a warning naming them", async () => {
    const result = await ingest(await workbook(yearbook));
    expect(result.errorCount).toBe(0);
    expect(summary(result)).toEqual([
      "表2-1: revenue 2019 PROVINCE:110000 12000000000",
      "表2-1: exports 2019 PROVINCE:110000 3000000",
      "表2-1: revenue 2019 PROVINCE:310000 8000000000",
      "表2-2: revenue 2020 NATION:CN 4500000000000",
      "表2-2: tax_revenue 2020 PROVINCE:440000 50000000000",
    ]);
    const skipped = result.problems.filter((p) => p.code === "no_table");
    expect(skipped.map((p) => [p.severity, p.sheet])).toEqual([
      ["warning", "目录"],
      ["warning", "说明"],
      ["warning", "Sheet5"],
    ]);
    expect(skipped[1]!.reason).toMatch(/^Sheet “说明” holds no table and was skipped/);
    expect(skipped[1]!.reasonZh).toMatch(/^工作表“说明”中没有可识别的表格，已跳过/);
    expect(skipped[2]!.reason).toBe("Sheet “Sheet5” is empty and was skipped.");
    expect(result.problems.every((p) => p.sheet !== null)).toBe(true);
  });

  it("summarises every sheet: its layout, figures, errors and warnings, or why it was skipped", async () => {
    const data = await workbook((wb) => {
      yearbook(wb);
      const broken = wb.addWorksheet("2021");
      broken.addRow(["地区", "营业收入（亿元）"]);
      broken.addRow(["全国", 100]); // the provinces below add up to 3: a warning found after all sheets are read
      broken.addRow(["北京", 1]);
      broken.addRow(["Atlantis", 1]);
      broken.addRow(["上海", 2]);
      const hidden = wb.addWorksheet("lookup", { state: "hidden" });
      hidden.addRow(["地区", "营业收入（亿元）"]);
      hidden.addRow(["天津", 9]);
    });
    const result = await ingest(data);
    expect(result.sheets).toEqual([
      { name: "目录", layout: null, observations: 0, errors: 0, warnings: 1, skipped: "no_table" },
      { name: "表2-1", layout: "wide", observations: 3, errors: 0, warnings: 1 },
      { name: "表2-2", layout: "long", observations: 2, errors: 0, warnings: 0 },
      { name: "说明", layout: null, observations: 0, errors: 0, warnings: 1, skipped: "no_table" },
      { name: "Sheet5", layout: null, observations: 0, errors: 0, warnings: 1, skipped: "empty" },
      { name: "2021", layout: "wide", observations: 3, errors: 1, warnings: 1 },
      { name: "lookup", layout: null, observations: 0, errors: 0, warnings: 1, skipped: "hidden" },
    ]);
    expect(result.problems.filter((p) => p.sheet === "2021").map((p) => [p.code, p.row])).toEqual([
      ["unknown_geo", 4],
      ["sum_mismatch", 2],
    ]);
    // "/" in 表2-1 is counted in that sheet's own note.
    expect(result.problems.filter((p) => p.code === "skipped_symbols").map((p) => [p.sheet, p.reason])).toEqual([
      ["表2-1", "1 cells were empty or marked as not available (/, —, …) and were skipped."],
    ]);
    expect(result).toMatchObject({ encoding: null, separator: null, rowsRead: 19 });
  });

  it("errs when no sheet holds a table", async () => {
    const result = await ingest(
      await workbook((wb) => {
        wb.addWorksheet("说明").addRow(["本表数据来源于中国火炬统计年鉴。"]);
        wb.addWorksheet("Sheet2");
      }),
    );
    expect(result.problems.map((p) => [p.severity, p.code, p.sheet])).toEqual([
      ["warning", "no_table", "说明"],
      ["warning", "no_table", "Sheet2"],
      ["error", "no_table", null],
    ]);
  });

  it("reads a workbook saved without shared strings (text stored in the cells)", async () => {
    const data = withoutSharedStrings(await workbook(yearbook));
    expect(unzipEntries(data).map((e) => e.name)).not.toContain("xl/sharedStrings.xml");
    expect(data.toString("latin1")).not.toMatch(/t="s"/);
    const result = await ingest(data);
    expect(result.errorCount).toBe(0);
    expect(result.observations).toHaveLength(5);
    expect(result.sheets.map((s) => s.name)).toEqual(["目录", "表2-1", "表2-2", "说明", "Sheet5"]);
  });
});

describe("workbooks written by other programs", () => {
  it("names sheets whose targets are written from the package root, as openpyxl writes them", async () => {
    const entries = unzipEntries(await workbook(yearbook)).map((e) =>
      e.name === "xl/_rels/workbook.xml.rels"
        ? { ...e, content: Buffer.from(e.content.toString("utf8").replace(/Target="/g, 'Target="/xl/')) }
        : e,
    );
    expect(entries.find((e) => e.name === "xl/_rels/workbook.xml.rels")!.content.toString()).toContain(
      'Target="/xl/worksheets/sheet1.xml"',
    );
    const result = await ingest(buildZip(entries));
    expect(result.sheets.map((s) => s.name)).toEqual(["目录", "表2-1", "表2-2", "说明", "Sheet5"]);
    expect(result.observations.map((o) => o.year)).toEqual([2019, 2019, 2019, 2020, 2020]);
  });
});

describe("the copy of a workbook exceljs reads", () => {
  it("ends with an error, not a hang, when a part cannot be unpacked while it is made", async () => {
    // checkZip would refuse this file; past it, the reader must still fail cleanly.
    const zip = buildZip(unzipEntries(await workbook(yearbook)));
    const entries = new Map(readCentralDirectory(zip).entries.map((entry) => [entry.name, entry]));
    const sheet2 = entries.get("xl/worksheets/sheet2.xml")!;
    const dataStart = sheet2.localHeaderOffset + 30 + zip.readUInt16LE(sheet2.localHeaderOffset + 26);
    zip.fill(0xff, dataStart, dataStart + 4); // a deflate block of the reserved type
    const names: string[] = [];
    const reading = (async () => {
      for await (const sheet of readCheckedXlsxSheets(zip, entries)) {
        names.push(sheet.name);
        for await (const row of sheet.rows) void row;
      }
    })();
    const error = await reading.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZipReadError);
    expect((error as ZipReadError).message).toMatch(/could not be read/);
    expect(names).toEqual(["目录"]);
  }, 10_000);
});

describe("old .xls workbooks", () => {
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);

  it("are refused with the fix in both languages, whatever their name", async () => {
    for (const fileName of ["2019年鉴.xls", "2019年鉴.xlsx", "upload"]) {
      const result = await ingest(ole, fileName);
      expect(result.problems.map((p) => [p.severity, p.code])).toEqual([["error", "unreadable_file"]]);
      expect(result.problems[0]!.reason).toMatch(
        /old Excel 97–2003 workbook \(\.xls\).*Save As › “Excel Workbook \(\*\.xlsx\)”/,
      );
      expect(result.problems[0]!.reasonZh).toMatch(
        /旧版 Excel 97–2003 工作簿（\.xls）.*另存为 › Excel 工作簿（\*\.xlsx）/,
      );
      expect(result.observations).toEqual([]);
    }
  });

  it("are refused by their name when their bytes are not a workbook either", async () => {
    const result = await ingest(Buffer.from("地区\t营业收入\n北京\t1\n"), "table.xls");
    expect(result.problems.map((p) => p.code)).toEqual(["unreadable_file"]);
    expect(result.problems[0]!.reason).toMatch(/\.xls\) cannot be read.*\.xlsx/);
    expect(result.problems[0]!.reasonZh).toMatch(/无法读取旧版 Excel 97–2003 工作簿/);
  });
});
