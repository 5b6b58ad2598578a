import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ingestUpload } from "@/lib/ingest";
import { seedIngestReference } from "@/lib/ingest/test-reference";
import type { IngestResult } from "@/lib/ingest/types";

// Tables as the yearbook prints them: the unit in a unit line for the whole
// table ("单位：个、千元、千美元"), not in each header.

const reference = seedIngestReference();

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ingest = (data: Buffer, fileName = "2019年鉴.xlsx"): Promise<IngestResult> =>
  ingestUpload({ fileName, data, reference });
const csv = (text: string) => ingest(Buffer.from(text, "utf8"), "table.csv");

const errors = (result: IngestResult) => result.problems.filter((p) => p.severity === "error");
const warnings = (result: IngestResult) => result.problems.filter((p) => p.severity === "warning");
const valueOf = (result: IngestResult, indicatorCode: string, geoCode: string) =>
  result.observations.find((o) => o.indicatorCode === indicatorCode && o.geoCode === geoCode)?.value;

const CHINESE_HEADER = [
  "地区",
  "高新区数",
  "入统企业数",
  "#高新技术企业",
  "年末从业人员",
  "营业收入",
  "净利润",
  "上缴税费",
  "出口总额",
];
const ENGLISH_HEADER = [
  "Region",
  "Number of Zones",
  "Number of Enterprises",
  "High-tech Enterprises",
  "Employees at Year-end",
  "Operating Revenue",
  "Net Profit",
  "Taxes Paid",
  "Exports",
];
const DATA = [
  ["全 国 Total", 3, 30000, 20000, 4000000, 9000000, 600000, 300000, 130000],
  ["北 京 Beijing", 1, 20000, 15000, 2500000, "6,000,000", 400000, 200000, 100000],
  ["上 海 Shanghai", 1, 6000, 3000, 1000000, 2000000, 150000, 80000, 30000],
  ["江 苏 Jiangsu", 1, 4000, 2000, 500000, 1000000, 50000, 20000, "/"],
];

/**
 * The issue's table: two title rows, the unit line on the right above the header, a two-row
 * bilingual header with the place column merged over both rows, "/" and a 注 row.
 */
function issueTable(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("2-3");
  ws.addRow(["2-3 2018年各地区国家高新区企业主要经济指标"]);
  ws.mergeCells("A1:I1");
  ws.addRow(["Main Economic Indicators of Enterprises in National High-tech Zones by Region (2018)"]);
  ws.mergeCells("A2:I2");
  ws.addRow([null, null, null, null, null, null, null, null, "单位：个、千元、千美元"]);
  ws.addRow(["地区\nRegion", ...CHINESE_HEADER.slice(1)]);
  ws.addRow([null, ...ENGLISH_HEADER.slice(1)]);
  ws.mergeCells("A4:A5");
  for (const row of DATA) ws.addRow(row);
  ws.addRow(["注：高新区数含苏州工业园区。"]);
  ws.mergeCells(`A${ws.rowCount}:I${ws.rowCount}`);
}

describe("a yearbook table with a unit line", () => {
  it("reads the issue's table: counts in 个, money in 千元, exports in 千美元", async () => {
    const result = await ingest(await workbook(issueTable));
    expect(errors(result)).toEqual([]);
    expect(result).toMatchObject({ layout: "wide", skippedCells: 1 });
    expect(result.observations).toHaveLength(4 * 8 - 1);
    expect(new Set(result.observations.map((o) => o.year))).toEqual(new Set([2018]));

    expect(valueOf(result, "park_count", "CN")).toBe(3);
    expect(valueOf(result, "enterprises_surveyed", "110000")).toBe(20000);
    expect(valueOf(result, "high_tech_enterprises", "110000")).toBe(15000);
    expect(valueOf(result, "employees", "310000")).toBe(1_000_000);
    expect(valueOf(result, "revenue", "110000")).toBe(6_000_000_000); // 千元 → yuan ×1000
    expect(valueOf(result, "net_profit", "CN")).toBe(600_000_000);
    expect(valueOf(result, "tax_revenue", "320000")).toBe(20_000_000);
    expect(valueOf(result, "exports", "110000")).toBe(100_000_000); // 千美元 → USD ×1000
    expect(valueOf(result, "exports", "320000")).toBeUndefined(); // "/"

    // 个 is no unit for persons: employees are read in 人, with a warning that names the column.
    expect(warnings(result).map((p) => [p.code, p.column, p.row])).toEqual([
      ["unit_assumed", "年末从业人员", 4],
      ["skipped_symbols", null, null],
    ]);
    expect(warnings(result)[0]).toMatchObject({
      reason: expect.stringContaining("read as persons (人)"),
      reasonZh: expect.stringContaining("“年末从业人员”列没有注明计量单位，按“人”读取"),
    });
  });

  it("reads a unit line on the right of the title row, and 人 from the list for persons", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2018");
      ws.addRow(["2018年各地区国家高新区企业主要经济指标", null, null, "单位：家、人、万元"]);
      ws.addRow(["地区", "入统企业数", "年末从业人员", "营业收入"]);
      ws.addRow(["广东", 12, 3400, 2.5]);
    });
    const result = await ingest(data);
    expect(result.problems).toEqual([]);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([
      ["enterprises_surveyed", 12],
      ["employees", 3400],
      ["revenue", 25_000],
    ]);
  });

  it("reads a unit line below the header, and a header merged over two rows with both languages", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2019");
      ws.addRow(["地区\nRegion", "高新区数\nNumber of Zones", "营业收入\nOperating Revenue", "出口总额\nExports"]);
      ws.addRow([]);
      for (const column of ["A", "B", "C", "D"]) ws.mergeCells(`${column}1:${column}2`);
      ws.addRow(["单位：个、亿元、亿美元"]);
      ws.addRow(["浙江", 8, 1.5, 0.25]);
    });
    const result = await ingest(data);
    expect(result.problems).toEqual([]);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([
      ["park_count", 8],
      ["revenue", 150_000_000],
      ["exports", 25_000_000],
    ]);
  });

  it("reads a two-row header whose upper row groups the columns the lower row names", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2018");
      ws.addRow(["单位：个、千元"]);
      ws.addRow(["地区", "高新区数", "企业 Enterprises", null, "主要经济指标 Main Indicators"]);
      ws.addRow([null, null, "#高新技术企业", "入统企业数", "营业收入"]);
      ws.mergeCells("A2:A3");
      ws.mergeCells("B2:B3");
      ws.mergeCells("C2:D2");
      ws.addRow(["四川", 8, 3000, 5000, 70]);
      ws.addRow(["注：高新技术企业为入统企业中的高新技术企业。"]);
    });
    const result = await ingest(data);
    expect(result.problems).toEqual([]);
    expect(result.observations.map((o) => [o.indicatorCode, o.row, o.value])).toEqual([
      ["park_count", 4, 8],
      ["high_tech_enterprises", 4, 3000],
      ["enterprises_surveyed", 4, 5000],
      ["revenue", 4, 70_000],
    ]);
  });

  it("reads a Chinese unit row under the header, and skips a unit line under the table", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2019");
      ws.addRow(["地区", "高新区数", "营业收入", "出口总额"]);
      ws.addRow(["单位", "个", "千元", "千美元"]);
      ws.addRow(["福建", 7, 12, 3]);
      ws.addRow(["单位：千元"]);
    });
    const result = await ingest(data);
    expect(result.problems).toEqual([]);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([
      ["park_count", 7],
      ["revenue", 12_000],
      ["exports", 3000],
    ]);
  });

  it("reads a unit line at the end of the header row, not as a column", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2019");
      ws.addRow(["地区", "营业收入", "上缴税费", "金额单位：亿元"]);
      ws.addRow(["河南", 3, 0.5]);
    });
    const result = await ingest(data);
    expect(result.problems).toEqual([]);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([
      ["revenue", 300_000_000],
      ["tax_revenue", 50_000_000],
    ]);
  });

  it("lets a column's own unit win over the unit line", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2019");
      ws.addRow(["单位：千元"]);
      ws.addRow(["地区", "营业收入", "上缴税费（亿元）"]);
      ws.addRow(["北京", 5, 2]);
    });
    const result = await ingest(data);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([
      ["revenue", 5000],
      ["tax_revenue", 200_000_000],
    ]);
  });

  it("reads exports as the yuan series when the unit line gives only yuan", async () => {
    const data = await workbook((wb) => {
      const ws = wb.addWorksheet("2020");
      ws.addRow(["计量单位：亿元"]);
      ws.addRow(["地区", "出口总额"]);
      ws.addRow(["全国", 28820.51]);
    });
    const result = await ingest(data);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([["exports_cny", 2_882_051_000_000]]);
  });
});

describe("a yearbook table as CSV", () => {
  it("reads the issue's table saved as CSV", async () => {
    const line = (cells: readonly unknown[]) =>
      cells
        .map((cell) => (typeof cell === "string" && cell.includes(",") ? `"${cell}"` : String(cell ?? "")))
        .join(",");
    const text = [
      line(["2-3 2018年各地区国家高新区企业主要经济指标"]),
      line([null, null, null, null, null, null, null, null, "单位：个、千元、千美元"]),
      line(CHINESE_HEADER),
      line(ENGLISH_HEADER),
      ...DATA.map(line),
      line(["注：高新区数含苏州工业园区。"]),
    ].join("\r\n");
    const result = await csv(text);
    expect(errors(result)).toEqual([]);
    expect(result.observations).toHaveLength(4 * 8 - 1);
    expect(valueOf(result, "revenue", "110000")).toBe(6_000_000_000);
    expect(valueOf(result, "exports", "CN")).toBe(130_000_000);
    expect(valueOf(result, "park_count", "320000")).toBe(1);
    expect(warnings(result).map((p) => [p.code, p.column])).toEqual([
      ["unit_assumed", "年末从业人员"],
      ["skipped_symbols", null],
    ]);
  });

  it("reads a title, a unit line and the header", async () => {
    const result = await csv(
      "2018年各地区国家高新区主要经济指标\n单位：个、千元、千美元\n地区,高新区数,营业收入,出口总额\n北京,1,2000,30\n",
    );
    expect(result.problems).toEqual([]);
    expect(result.observations.map((o) => [o.year, o.indicatorCode, o.value])).toEqual([
      [2018, "park_count", 1],
      [2018, "revenue", 2_000_000],
      [2018, "exports", 30_000],
    ]);
  });

  it("reads an English unit line with a thousands separator, below the header", async () => {
    const result = await csv('Table 2017\nRegion,Revenue,Taxes\n"Unit: 10,000 yuan",,\nShanghai,3,1\n');
    expect(errors(result)).toEqual([]);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([
      ["revenue", 30_000],
      ["tax_revenue", 10_000],
    ]);
  });

  it("reads 单位: 亿元 on the title line", async () => {
    const result = await csv("2016年国家高新区 单位: 亿元,\n省份,营业收入\n湖北,7.5\n");
    expect(errors(result)).toEqual([]);
    expect(result.observations.map((o) => [o.year, o.value])).toEqual([[2016, 750_000_000]]);
  });
});

describe("units that cannot be told", () => {
  it("errs on a money column with no unit and no unit line, naming the column and the fix", async () => {
    const result = await csv("2019年\n地区,高新区数,营业收入\n北京,1,5\n");
    expect(errors(result).map((p) => [p.code, p.column])).toEqual([["missing_unit", "营业收入"]]);
    expect(errors(result)[0]).toMatchObject({
      reason:
        "Column “营业收入” has no unit: write the unit into the header, e.g. 营业收入（千元）, or add a line 单位：千元 above the table.",
      reasonZh:
        "“营业收入”列没有注明计量单位：请在表头注明单位，例如“营业收入（千元）”，或在表格上方加一行“单位：千元”。",
    });
    // The count column needs no unit: it is read in 个, with a warning.
    expect(warnings(result).map((p) => [p.code, p.column])).toEqual([["unit_assumed", "高新区数"]]);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([["park_count", 1]]);
  });

  it("errs on a unit line with two yuan units", async () => {
    const result = await csv("2019年\n单位：千元、万元\n地区,营业收入\n北京,5\n");
    expect(errors(result).map((p) => [p.code, p.column, p.value])).toEqual([
      ["missing_unit", "营业收入", "单位：千元、万元"],
    ]);
    expect(errors(result)[0]!.reason).toMatch(
      /more than one unit for yuan amounts \(千元, 万元\): write the unit into the header, e\.g\. 营业收入（千元）/,
    );
    expect(errors(result)[0]!.reasonZh).toMatch(/适用于人民币金额的单位不止一个（千元、万元）/);
  });

  it("errs on a dollar column when the unit line gives only counts, and names a part that is no unit", async () => {
    const result = await csv("2019年\n单位：个、斤\n地区,高新区数,出口创汇额\n北京,1,5\n");
    expect(errors(result).map((p) => [p.code, p.column])).toEqual([["missing_unit", "出口创汇额"]]);
    expect(errors(result)[0]!.reason).toMatch(
      /the unit line “单位：个、斤” gives none for US-dollar amounts \(“斤” in it is not a unit this app knows\): write the unit into the header, e\.g\. 出口创汇额（千美元）/,
    );
    expect(warnings(result)).toEqual([]);
  });

  it("reads counts in their natural unit beside a unit line for money only", async () => {
    const result = await csv("2019年\n单位：千元\n地区,入统企业数,营业收入\n北京,7,5\n");
    expect(errors(result)).toEqual([]);
    expect(warnings(result).map((p) => [p.code, p.column])).toEqual([["unit_assumed", "入统企业数"]]);
    expect(warnings(result)[0]!.reason).toMatch(/read as firms \(家\)/);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([
      ["enterprises_surveyed", 7],
      ["revenue", 5000],
    ]);
  });
});
