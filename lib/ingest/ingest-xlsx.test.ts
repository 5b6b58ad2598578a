import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ingestUpload, IngestLimitError } from "@/lib/ingest";
import { seedIngestReference } from "@/lib/ingest/test-reference";
import { buildZip, unzipEntries } from "@/lib/ingest/test-zip";
import type { IngestLimits, IngestResult } from "@/lib/ingest/types";

const reference = seedIngestReference();

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function ingest(data: Buffer, fileName = "edition.xlsx", limits?: Partial<IngestLimits>): Promise<IngestResult> {
  return ingestUpload({ fileName, data, reference, ...(limits ? { limits } : {}) });
}

const errors = (result: IngestResult) => result.problems.filter((p) => p.severity === "error");
const warnings = (result: IngestResult) => result.problems.filter((p) => p.severity === "warning");
const summary = (result: IngestResult) =>
  result.observations.map((o) => `${o.indicatorCode} ${o.year} ${o.geoLevel}:${o.geoCode} ${o.value}`);

async function limitError(promise: Promise<unknown>): Promise<IngestLimitError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestLimitError);
  return error as IngestLimitError;
}

/** A yearbook-shaped table: title row, Chinese province names, 亿元/千美元/万人 units, symbols and footnotes. */
function yearbookSheet(wb: ExcelJS.Workbook, name = "2019年"): void {
  const ws = wb.addWorksheet(name);
  ws.addRow(["表1-1 2019年国家高新区主要经济指标"]); // row 1
  ws.addRow([]); // row 2
  ws.addRow(["地区", "营业收入（亿元）", "出口总额(千美元)", "年末从业人员（万人）", "高新技术企业数（家）"]); // row 3
  ws.addRow(["全国", 300.5, 4000, 12.5, 1000]); // row 4
  ws.addRow(["东部", 200, 4000, "—", 600]); // row 5
  ws.addRow(["北　京", 120, "3,000", 5, "#400①"]); // row 6
  ws.addRow(["上海市", 80, 1000, "/", 200]); // row 7
  ws.addRow(["内蒙古自治区", "100.5", "…", 7.5, 400]); // row 8
  ws.addRow(["注：①含中关村示范区。"]); // row 9
}

describe("wide XLSX", () => {
  it("reads a yearbook table: Chinese names, units in the header, symbols and footnotes", async () => {
    const result = await ingest(await workbook((wb) => yearbookSheet(wb)));
    expect(result).toMatchObject({ layout: "wide", format: "xlsx", errorCount: 0, skippedCells: 3, rowsRead: 8 });
    expect(summary(result)).toEqual([
      "revenue 2019 NATION:CN 30050000000",
      "exports 2019 NATION:CN 4000000",
      "employees 2019 NATION:CN 125000",
      "high_tech_enterprises 2019 NATION:CN 1000",
      "revenue 2019 REGION:eastern 20000000000",
      "exports 2019 REGION:eastern 4000000",
      "high_tech_enterprises 2019 REGION:eastern 600",
      "revenue 2019 PROVINCE:110000 12000000000",
      "exports 2019 PROVINCE:110000 3000000",
      "employees 2019 PROVINCE:110000 50000",
      "high_tech_enterprises 2019 PROVINCE:110000 400",
      "revenue 2019 PROVINCE:310000 8000000000",
      "exports 2019 PROVINCE:310000 1000000",
      "high_tech_enterprises 2019 PROVINCE:310000 200",
      "revenue 2019 PROVINCE:150000 10050000000",
      "employees 2019 PROVINCE:150000 75000",
      "high_tech_enterprises 2019 PROVINCE:150000 400",
    ]);
    const hte = result.observations.find((o) => o.indicatorCode === "high_tech_enterprises" && o.geoCode === "110000")!;
    expect(hte).toMatchObject({ note: "footnote ① in the source", sheet: "2019年", row: 6 });
    expect(warnings(result).map((p) => p.code)).toEqual(["skipped_symbols"]);
  });

  it("warns when the table's provinces do not add up to its total", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2019");
      ws.addRow(["地区", "营业收入（亿元）"]);
      ws.addRow(["合计", 500]);
      ws.addRow(["北京", 120]);
      ws.addRow(["上海", 80]);
    });
    const result = await ingest(data);
    expect(warnings(result).map((p) => [p.code, p.sheet, p.row, p.column])).toEqual([
      ["sum_mismatch", "2019", 2, "营业收入（亿元）"],
    ]);
  });

  it("reads units from a unit row and English headers, the year from the title", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("Provinces");
      ws.addRow(["Table 3. Main indicators of national high-tech zones, 2018"]);
      ws.addRow(["Region", "Revenue", "Exports", "Employees"]);
      ws.addRow(["Unit", "CNY 100 million", "USD thousand", "10k persons"]);
      ws.addRow(["Beijing", 1.5, 20, 3]);
      ws.addRow(["Inner Mongolia", 2, 30, 0.5]);
    });
    const result = await ingest(data);
    expect(errors(result)).toEqual([]);
    expect(summary(result)).toEqual([
      "revenue 2018 PROVINCE:110000 150000000",
      "exports 2018 PROVINCE:110000 20000",
      "employees 2018 PROVINCE:110000 30000",
      "revenue 2018 PROVINCE:150000 200000000",
      "exports 2018 PROVINCE:150000 30000",
      "employees 2018 PROVINCE:150000 5000",
    ]);
  });

  it("reads the yearbook's bilingual headers and place names, with the English header row under the Chinese", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("表2-1");
      ws.addRow(["2-1 2019年国家高新区主要经济指标（按地区分）"]);
      ws.addRow(["Main Indicators of National High-tech Zones by Region (2019)"]);
      ws.addRow([
        "地 区\nRegion",
        "营业收入\nOperating Revenue\n(千元)",
        "出口总额 Export (千美元)",
        "年末从业人员（人） Employees (person)",
        "备注 Notes",
      ]);
      ws.addRow(["Region", "Operating Revenue", "Export", "Employees", null]);
      ws.addRow(["全 国 National Total", 1000, 50, 300]);
      ws.addRow(["北 京 Beijing", 600, 30, 100, "含中关村"]);
      ws.addRow(["内蒙古 Inner Mongolia", 400, 20, 200]);
    });
    const result = await ingest(data);
    expect(result.problems).toEqual([]);
    expect(summary(result)).toEqual([
      "revenue 2019 NATION:CN 1000000",
      "exports 2019 NATION:CN 50000",
      "employees 2019 NATION:CN 300",
      "revenue 2019 PROVINCE:110000 600000",
      "exports 2019 PROVINCE:110000 30000",
      "employees 2019 PROVINCE:110000 100",
      "revenue 2019 PROVINCE:150000 400000",
      "exports 2019 PROVINCE:150000 20000",
      "employees 2019 PROVINCE:150000 200",
    ]);
    expect(result.observations.filter((o) => o.note === "含中关村").map((o) => o.geoCode)).toEqual([
      "110000",
      "110000",
      "110000",
    ]);
  });

  it("uses a unit the title declares for the whole table", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2017");
      ws.addRow(["2017年各地区国家高新区经济指标", null, "单位：千元"]);
      ws.addRow(["省份", "营业收入", "上缴税费"]);
      ws.addRow(["广东", 1000, 200]);
    });
    const result = await ingest(data);
    expect(errors(result)).toEqual([]);
    expect(summary(result)).toEqual([
      "revenue 2017 PROVINCE:440000 1000000",
      "tax_revenue 2017 PROVINCE:440000 200000",
    ]);
  });

  it("reads one sheet per year, skips a notes sheet and a hidden sheet with a warning", async () => {
    const data = await workbook((wb) => {
      const notes = wb.addWorksheet("说明");
      notes.addRow(["本表数据来源于中国火炬统计年鉴。"]);
      for (const name of ["2019", "2020年"]) {
        const ws = wb.addWorksheet(name);
        ws.addRow(["地区", "营业收入（亿元）"]);
        ws.addRow(["北京", name === "2019" ? 1 : 2]);
      }
      const hidden = wb.addWorksheet("lookup", { state: "hidden" });
      hidden.addRow(["地区", "营业收入（亿元）"]);
      hidden.addRow(["上海", 9]);
    });
    const result = await ingest(data);
    expect(summary(result)).toEqual([
      "revenue 2019 PROVINCE:110000 100000000",
      "revenue 2020 PROVINCE:110000 200000000",
    ]);
    expect(warnings(result).map((p) => [p.code, p.sheet])).toEqual([
      ["no_table", "说明"],
      ["no_table", "lookup"],
    ]);
    expect(result.errorCount).toBe(0);
  });

  it("names both rows of a key given twice, across sheets", async () => {
    const data = await workbook((wb) => {
      for (const name of ["2019", "Table 2019"]) {
        const ws = wb.addWorksheet(name);
        ws.addRow(["地区", "营业收入（亿元）"]);
        ws.addRow(["北京", 1]);
      }
    });
    const result = await ingest(data);
    expect(errors(result).map((p) => [p.code, p.sheet, p.row])).toEqual([["duplicate_row", "Table 2019", 2]]);
    expect(errors(result)[0]!.reason).toMatch(
      /row 2 of sheet “Table 2019” and row 2 of sheet “2019” both give Operating revenue for Beijing in 2019/,
    );
  });

  it("uses a formula's cached number and reports a formula without one", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2020");
      ws.addRow(["地区", "营业收入（亿元）", "上缴税费（亿元）"]);
      ws.addRow(["北京", 10, 1]);
      ws.addRow(["上海", 20, 2]);
      ws.addRow(["全国", { formula: "B2+B3", result: 30 }, { formula: "C2+C3" }]);
      ws.addRow(["广东", { error: "#DIV/0!" }, 1]);
    });
    const result = await ingest(data);
    expect(result.observations.find((o) => o.geoCode === "CN")).toMatchObject({ indicatorCode: "revenue", value: 3e9 });
    expect(errors(result).map((p) => [p.code, p.row, p.column, p.value])).toEqual([
      ["formula_without_value", 4, "上缴税费（亿元）", "=C2+C3"],
      ["not_a_number", 5, "营业收入（亿元）", "#DIV/0!"],
    ]);
  });

  it("reads a zone table, resolving zone names first", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2019");
      ws.addRow(["园区", "营业收入（亿元）"]);
      ws.addRow(["北京", 5]);
      ws.addRow(["武汉东湖", 3]);
      ws.addRow(["杨凌农业高新技术产业示范区", 1]);
    });
    const result = await ingest(data);
    expect(errors(result)).toEqual([]);
    const slugs = [
      "北京市新技术产业开发试验区（今中关村科技园区）",
      "武汉高新技术产业开发区（1991批）",
      "杨凌农业高新技术产业示范区",
    ].map((nameZh) => reference.parks.find((p) => p.nameZh === nameZh)!.slug);
    expect(result.observations.map((o) => [o.geoLevel, o.geoCode])).toEqual(slugs.map((slug) => ["PARK", slug]));
  });

  it("reports per column an unknown indicator and an indicator without a unit", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2019");
      ws.addRow(["序号", "地区", "幸福指数（分）", "营业收入", "上缴税费（亿元）"]);
      ws.addRow([1, "北京", 9, 100, 10]);
      ws.addRow([2, "上海", 8, 200, 20]);
    });
    const result = await ingest(data);
    expect(errors(result).map((p) => [p.code, p.row, p.column])).toEqual([
      ["unknown_indicator", 1, "幸福指数（分）"],
      ["missing_unit", 1, "营业收入"],
    ]);
    expect(summary(result)).toEqual([
      "tax_revenue 2019 PROVINCE:110000 1000000000",
      "tax_revenue 2019 PROVINCE:310000 2000000000",
    ]);
  });

  it("reports unknown places per row, and a wrong currency once for its column", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2019");
      ws.addRow(["地区", "营业收入（亿美元）"]);
      ws.addRow(["北京", 1]);
      ws.addRow(["上海", 2]);
      ws.addRow(["Atlantis", 1]);
    });
    const result = await ingest(data);
    expect(errors(result).map((p) => [p.code, p.row, p.column, p.value])).toEqual([
      ["unit_not_convertible", 1, "营业收入（亿美元）", "亿美元"],
      ["unknown_geo", 4, "地区", "Atlantis"],
    ]);
    expect(errors(result)[0]!.reason).toMatch(/measured in yuan; “亿美元” cannot be converted/);
  });

  it("reads exports printed in yuan as the yuan export series", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2020");
      ws.addRow(["地区", "出口总额（亿元）", "出口总额（亿美元）"]);
      ws.addRow(["全国", 28820.51, 4000]);
    });
    const result = await ingest(data);
    expect(summary(result)).toEqual([
      "exports_cny 2020 NATION:CN 2882051000000",
      "exports 2020 NATION:CN 400000000000",
    ]);
  });

  it("takes the year from the sheet name over the title, with a warning, and errs when there is none", async () => {
    const conflicting = await workbook((wb) => {
      const ws = wb.addWorksheet("2019");
      ws.addRow(["2018年国家高新区主要经济指标"]);
      ws.addRow(["地区", "营业收入（亿元）"]);
      ws.addRow(["北京", 1]);
    });
    const result = await ingest(conflicting);
    expect(result.observations.map((o) => o.year)).toEqual([2019]);
    expect(warnings(result).map((p) => p.code)).toEqual(["year_conflict"]);

    const yearless = await workbook((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.addRow(["地区", "营业收入（亿元）"]);
      ws.addRow(["北京", 1]);
    });
    const none = await ingest(yearless, "edition.xlsx");
    expect(errors(none).map((p) => [p.code, p.sheet])).toEqual([["no_year", "Sheet1"]]);
    const fromFileName = await ingest(yearless, "torch-zones-2016.xlsx");
    expect(fromFileName.observations.map((o) => o.year)).toEqual([2016]);
    expect(warnings(fromFileName).map((p) => [p.code, p.sheet])).toEqual([["year_from_file_name", "Sheet1"]]);
    expect(warnings(fromFileName)[0]!.reason).toMatch(/not of the yearbook edition/);
  });

  it("reads a wide CSV, taking the year from the file name", async () => {
    const csv = Buffer.from("地区,营业收入（亿元）,出口总额（千美元）\n北京,1,\n上海,2,5\n", "utf8");
    const result = await ingestUpload({ fileName: "火炬统计_2016.csv", data: csv, reference });
    expect(result).toMatchObject({ layout: "wide", format: "csv", errorCount: 0, skippedCells: 1 });
    expect(summary(result)).toEqual([
      "revenue 2016 PROVINCE:110000 100000000",
      "revenue 2016 PROVINCE:310000 200000000",
      "exports 2016 PROVINCE:310000 5000",
    ]);
  });

  it("reads a workbook stored in Excel's order: sheets before the workbook and shared strings", async () => {
    const written = await workbook((wb) => {
      yearbookSheet(wb, "2019年");
      yearbookSheet(wb, "2020年");
    });
    const entries = unzipEntries(written);
    const rank = (name: string) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? 0 : name === "xl/sharedStrings.xml" ? 2 : 1;
    const excelOrder = [...entries].sort((a, b) => rank(a.name) - rank(b.name));
    expect(excelOrder[0]!.name).toMatch(/^xl\/worksheets\/sheet\d\.xml$/);
    expect(excelOrder.at(-1)!.name).toBe("xl/sharedStrings.xml");
    const result = await ingest(buildZip(excelOrder));
    expect(result.errorCount).toBe(0);
    expect(result.observations).toHaveLength(34);
    expect(new Set(result.observations.map((o) => `${o.sheet} ${o.year}`))).toEqual(
      new Set(["2019年 2019", "2020年 2020"]),
    );
    expect(result.observations.find((o) => o.geoCode === "150000" && o.year === 2020)).toMatchObject({
      indicatorCode: "revenue",
      value: 10_050_000_000,
    });
  });

  it("keeps Chinese text whole where the unpacked XML is cut into chunks", async () => {
    // ~500 kB of shared strings, mostly 3-byte characters: several 64 kB chunk boundaries fall inside one.
    const note = (i: number) => `第${i}条：中关村科技园区国家自主创新示范区统计口径说明，含区外高新技术企业。`;
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("data");
      ws.addRow(["year", "level", "geo", "indicator", "value", "unit", "note"]);
      for (let i = 0; i < 3000; i++) {
        const indicator = ["revenue", "tax_revenue", "net_profit"][Math.floor(i / 1178)];
        ws.addRow([
          1988 + (Math.floor(i / 31) % 38),
          "province",
          reference.provinces[i % 31]!.adcode,
          indicator,
          i,
          "元",
          note(i),
        ]);
      }
    });
    const result = await ingest(data);
    expect(result.errorCount).toBe(0);
    expect(result.observations).toHaveLength(3000);
    expect(result.observations.filter((o, i) => o.note !== note(i))).toEqual([]);
  });

  it("reads a long-layout sheet in a workbook", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("data");
      ws.addRow(["Year", "Level", "Geo", "Indicator", "Value", "Unit"]);
      ws.addRow([2019, "province", 110000, "revenue", 1.25, "亿元"]);
    });
    const result = await ingest(data);
    expect(result.layout).toBe("long");
    expect(summary(result)).toEqual(["revenue 2019 PROVINCE:110000 125000000"]);
  });
});

describe("unreadable and hostile XLSX", () => {
  it("reports a truncated workbook instead of throwing", async () => {
    const whole = await workbook((wb) => yearbookSheet(wb));
    for (const cut of [Math.floor(whole.length / 2), whole.length - 30]) {
      const result = await ingest(whole.subarray(0, cut));
      expect(result.observations).toEqual([]);
      expect(result.problems.map((p) => p.code)).toEqual(["unreadable_file"]);
      expect(result.problems[0]!.reason).toMatch(/incomplete or damaged/);
    }
  });

  it("reports an old .xls workbook and a file misnamed .xlsx", async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const old = await ingest(xls, "edition.xls");
    expect(old.problems[0]).toMatchObject({ code: "unreadable_file" });
    expect(old.problems[0]!.reason).toMatch(/Excel 97–2003/);
    const misnamed = await ingest(Buffer.from("year,value\n"), "edition.xlsx");
    expect(misnamed.problems[0]!.reason).toMatch(/not an Excel workbook/);
  });

  it("refuses a workbook holding a giant repeated string as a zip bomb", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2019");
      ws.addRow(["地区", "营业收入（亿元）"]);
      ws.addRow(["a".repeat(4 * 1024 * 1024), 1]);
    });
    expect(data.length).toBeLessThan(100_000);
    const error = await limitError(ingest(data));
    expect(error.limit).toBe("maxCompressionRatio");
  });

  it("refuses a workbook that unpacks to more than allowed", async () => {
    const data = await workbook((wb) => yearbookSheet(wb));
    const error = await limitError(ingest(data, "edition.xlsx", { maxUncompressedBytes: 2000 }));
    expect(error.limit).toBe("maxUncompressedBytes");
  });

  it("refuses a cell longer than allowed, and more rows than allowed over all sheets", async () => {
    const data = await workbook((wb) => {
      for (const name of ["2019", "2020"]) {
        const ws = wb.addWorksheet(name);
        ws.addRow(["地区", "营业收入（亿元）", "备注"]);
        ws.addRow(["北京", 1, "n".repeat(150)]);
      }
    });
    expect((await limitError(ingest(data, "e.xlsx", { maxCellChars: 100 }))).limit).toBe("maxCellChars");
    expect((await limitError(ingest(data, "e.xlsx", { maxRows: 3 }))).limit).toBe("maxRows");
    const fits = await ingest(data, "e.xlsx", { maxRows: 4 });
    expect(fits.observations.map((o) => o.note)).toEqual(["n".repeat(150), "n".repeat(150)]);
  });
});
