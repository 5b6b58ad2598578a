import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ingestUpload } from "@/lib/ingest";
import { seedIngestReference } from "@/lib/ingest/test-reference";
import type { IngestProblem, IngestReference, IngestResult } from "@/lib/ingest/types";

// The validation report is complete: every check of every cell runs and
// reports, whatever else is wrong in the row; messages name places and
// indicators, never internal codes, in English and Chinese.

const seed = seedIngestReference();

function ingest(text: string | Buffer, reference: IngestReference = seed, fileName = "upload.csv"): Promise<IngestResult> {
  return ingestUpload({ fileName, data: Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8"), reference });
}

const located = (problems: IngestProblem[]) => problems.map((p) => [p.row, p.code, p.column, p.value]);
const HAN = /[\u4e00-\u9fff]/;

describe("a complete report", () => {
  it("reports the value, negative and duplicate problems of rows whose indicator is unknown", async () => {
    // Once plain English names are aliases, "firms" means a firm count: leave those out so it stays unknown.
    const reference = { ...seed, indicators: seed.indicators.filter((i) => i.unit !== "firms") };
    const csv = [
      "year,level,geo,indicator,value,unit",
      "2019,province,北京,firms,1200,个", // 2
      "2019,province,上海,firms,12a00,个", // 3
      "2019,province,天津,firms,-5,个", // 4
      "2019,province,北京,firms,1300,个", // 5: the same key as row 2
      "2019,province,北京,revenue,10,亿元", // 6: fine
    ].join("\n");
    const result = await ingest(csv, reference);
    expect(located(result.problems)).toEqual([
      [2, "unknown_indicator", "indicator", "firms"],
      [3, "unknown_indicator", "indicator", "firms"],
      [3, "not_a_number", "value", "12a00"],
      [4, "unknown_indicator", "indicator", "firms"],
      [4, "negative_value", "value", "-5"],
      [5, "unknown_indicator", "indicator", "firms"],
      [5, "duplicate_row", "value", "1300"],
    ]);
    expect(result.observations.map((o) => [o.row, o.indicatorCode, o.value])).toEqual([[6, "revenue", 1e9]]);
    const duplicate = result.problems.find((p) => p.code === "duplicate_row")!;
    expect(duplicate.reason).toBe(
      "Duplicate: row 5 and row 2 both give “firms” for Beijing in 2019. Keep one of them.",
    );
    expect(duplicate.reasonZh).toBe("重复：第5行与第2行都填报了北京市2019年的“firms”，请只保留其中一行。");
    expect(result.problems.find((p) => p.code === "negative_value")!.reason).toMatch(/^A figure in 个 cannot be negative/);
  });

  it("checks every part of a row with an unknown place, level or year, and keeps no figure from it", async () => {
    const csv = [
      "year,level,geo,indicator,value,unit",
      "2019,province,Atlantis,revenue,abc,亿元", // 2
      "2019,province,Atlantis,revenue,5,亿元", // 3: duplicate of row 2 by the place as written
      "19x9,province,北京,employees,-3,人", // 4
      "2019,county,上海,revenue,1,斤", // 5
      "1950,province,天津,exports,1,亿元", // 6
      "2019,province,河北,happiness,1,", // 7
      "2019,province,山西,revenue,2,亿元", // 8: fine
    ].join("\n");
    const result = await ingest(csv);
    expect(located(result.problems)).toEqual([
      [2, "unknown_geo", "geo", "Atlantis"],
      [2, "not_a_number", "value", "abc"],
      [3, "unknown_geo", "geo", "Atlantis"],
      [3, "duplicate_row", "value", "5"],
      [4, "bad_year", "year", "19x9"],
      [4, "negative_value", "value", "-3"],
      [5, "unknown_level", "level", "county"],
      [5, "unknown_unit", "unit", "斤"],
      [6, "year_out_of_range", "year", "1950"],
      [6, "unit_not_convertible", "unit", "亿元"],
      [7, "unknown_indicator", "indicator", "happiness"],
      [7, "missing_unit", "unit", undefined],
    ]);
    expect(result.observations.map((o) => o.row)).toEqual([8]);
    expect(result.errorCount).toBe(12);
  });

  it("reports the figures of a wide row whose place is unknown", async () => {
    const csv = ["地区,营业收入（亿元）,年末从业人员（人）", "北京,10,20", "亚特兰蒂斯,12a00,-4", "亚特兰蒂斯,1,2"].join("\n");
    const result = await ingest(csv, seed, "2019.csv");
    expect(located(result.problems.filter((p) => p.severity === "error"))).toEqual([
      [3, "unknown_geo", "地区", "亚特兰蒂斯"],
      [3, "not_a_number", "营业收入（亿元）", "12a00"],
      [3, "negative_value", "年末从业人员（人）", "-4"],
      [4, "unknown_geo", "地区", "亚特兰蒂斯"],
      [4, "duplicate_row", "营业收入（亿元）", "1"],
      [4, "duplicate_row", "年末从业人员（人）", "2"],
    ]);
    expect(result.observations.map((o) => [o.geoCode, o.indicatorCode])).toEqual([
      ["110000", "revenue"],
      ["110000", "employees"],
    ]);
  });

  it("counts every problem beyond the first 1,000 exactly", async () => {
    // Two problems a row: an unknown place and a value that is no number.
    const rows = Array.from({ length: 1500 }, (_, i) => `2019,province,Nowhere${i},revenue,x${i},亿元`);
    const result = await ingest(["year,level,geo,indicator,value,unit", ...rows].join("\n"));
    expect(result.errorCount).toBe(3000);
    expect(result.problems).toHaveLength(1001);
    expect(result.problems.slice(998, 1000).map((p) => [p.row, p.code])).toEqual([
      [501, "unknown_geo"],
      [501, "not_a_number"],
    ]);
    const summary = result.problems[1000]!;
    expect(summary.reason).toMatch(/^2,000 more problems are not listed \(2,000 errors, 0 warnings\)/);
    expect(summary.reasonZh).toMatch(/^另有 2,000 个问题未列出（错误 2,000 个，警告 0 个）/);
  });
});

describe("messages name places and indicators", () => {
  const reference: IngestReference = {
    ...seed,
    parks: [
      ...seed.parks,
      { slug: "zone-64986c59", nameZh: "怀化高新技术产业开发区", nameEn: "Huaihua High-tech Zone", provinceAdcode: 430000 },
      { slug: "zone-aaaa1111", nameZh: "示例高新技术产业开发区", nameEn: null, provinceAdcode: 430000 },
      { slug: "zone-bbbb2222", nameZh: "示例高新区（北区）", nameEn: null, provinceAdcode: 430000 },
    ],
  };

  it("by their names in both languages, never by code", async () => {
    const csv = [
      "year,level,geo,indicator,indicator_name,value,unit",
      "2019,zone,怀化高新区,revenue,,5,亿元", // 2
      "2019,zone,Huaihua High-tech Zone,revenue,,6,亿元", // 3: duplicate of row 2
      "2019,province,怀化高新区,revenue,,6,亿元", // 4: a zone, not a province
      "2019,zone,示例,revenue,,6,亿元", // 5: two zones go by this name
      "2019,zone,怀化高新区,tax_revenue,营业收入,1,亿元", // 6: the name is another indicator's
      "2019,zone,怀化高新区,revenue,,-1,亿元", // 7: negative and a duplicate
      "2019,region,eastern,exports,,100,亿美元", // 8: the eastern total
      "2019,province,北京,exports,,10,亿美元", // 9
      "2019,province,上海,exports,,10,亿美元", // 10
    ].join("\n");
    const result = await ingest(csv, reference);
    expect(result.problems.map((p) => [p.row, p.code])).toEqual([
      [3, "duplicate_row"],
      [4, "wrong_level"],
      [5, "ambiguous_geo"],
      [6, "label_mismatch"],
      [7, "negative_value"],
      [7, "duplicate_row"],
      [8, "sum_mismatch"],
    ]);
    const byRow = (row: number, code: string) => result.problems.find((p) => p.row === row && p.code === code)!;
    expect(byRow(3, "duplicate_row")).toMatchObject({
      reason: "Duplicate: row 3 and row 2 both give Operating revenue for 怀化高新技术产业开发区 (Huaihua High-tech Zone) in 2019. Keep one of them.",
      reasonZh: "重复：第3行与第2行都填报了怀化高新技术产业开发区2019年的营业收入，请只保留其中一行。",
    });
    expect(byRow(4, "wrong_level").reason).toBe(
      "“怀化高新区” is 怀化高新技术产业开发区 (Huaihua High-tech Zone), a zone, but the row's level is province.",
    );
    expect(byRow(5, "ambiguous_geo").reasonZh).toBe(
      "“示例”可能指示例高新技术产业开发区或示例高新区（北区），请填写全称或代码。",
    );
    expect(byRow(6, "label_mismatch").reason).toMatch(/stands for Operating revenue, not Taxes paid/);
    expect(byRow(7, "negative_value").reasonZh).toBe("营业收入不能为负数。");
    expect(byRow(8, "sum_mismatch")).toMatchObject({
      reason: expect.stringMatching(/^The 2 provinces of the Eastern region .* of Exports in 2019, but the regional total/),
      reasonZh: expect.stringMatching(/^本次上传中东部地区的2个省份的2019年出口总额合计为2,000,000,000美元，但东部地区合计为/),
    });
    for (const problem of result.problems) {
      expect(`${problem.reason} ${problem.reasonZh}`).not.toMatch(/zone-[0-9a-f]{8}|\beastern\b|\b110000\b|\btax_revenue\b/);
    }
  });
});

describe("every message in Chinese too", () => {
  async function yearbookWorkbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("2019");
    ws.addRow(["2018年国家高新区主要经济指标"]); // 1: the title's year is not the sheet's
    ws.addRow(["地区", "营业收入（亿元）", "年末从业人员（亿元）", "幸福指数"]); // 2
    ws.addRow(["北京", 10, 1, 1]); // 3
    ws.addRow(["北京", "12a00", 2, 1]); // 4
    ws.addRow(["亚特兰蒂斯", -1, 3, 1]); // 5
    ws.addRow(["上海", { formula: "B3*2" }, 4, 1]); // 6
    ws.addRow(["", 5, 5, 1]); // 7: figures, no place
    const noYear = wb.addWorksheet("Sheet2");
    noYear.addRow(["地区", "营业收入（亿元）"]);
    noYear.addRow(["北京", 1]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it("gives every problem of a file full of them a Chinese reason", async () => {
    const longCsv = [
      "year,level,geo,geo_name,indicator,indicator_name,breakdown,value,unit,scope,Value",
      "2019,province,Atlantis,,revenue,,,abc,亿元,,",
      "2019,province,Atlantis,,revenue,,,5,亿元,,",
      "19x9,province,北京,,employees,,,-3,人,,",
      ",county,上海,,revenue,,,1,斤,,",
      "1950,region,北京,,exports,,,1,亿元,,",
      "2019,province,河北,,happiness,,,1,,,",
      "2019,province,110000,上海,revenue,上缴税费,,2,亿元,,",
      "2019,province,山西,,revenue,,foreign,2,亿元,,",
      "2019,province,山西,,employees,,,5%,人,,",
      "2019,province,,,revenue,,,5,亿元,,",
      "2019,national,CN,,revenue,,,100,亿元,,",
    ].join("\n");
    const results = await Promise.all([
      ingest(longCsv),
      ingest(await yearbookWorkbook(), seed, "edition.xlsx"),
      ingest("地区,营业收入（亿元）\n北京,1\n", seed, "2020年鉴.csv"),
      ingest("year,level,geo,indicator,value\n2019,province,北京,revenue,1\n"),
    ]);
    const problems = results.flatMap((r) => r.problems);
    expect(new Set(problems.map((p) => p.code))).toEqual(
      new Set([
        "duplicate_column",
        "unknown_column",
        "unknown_geo",
        "not_a_number",
        "duplicate_row",
        "bad_year",
        "negative_value",
        "unknown_level",
        "unknown_unit",
        "year_out_of_range",
        "wrong_level",
        "unit_not_convertible",
        "unknown_indicator",
        "missing_unit",
        "label_mismatch",
        "unknown_breakdown",
        "sum_mismatch",
        "year_conflict",
        "formula_without_value",
        "no_year",
        "year_from_file_name",
        "missing_column",
      ]),
    );
    for (const problem of problems) {
      expect({ code: problem.code, row: problem.row, reasonZh: problem.reasonZh }).toEqual({
        code: problem.code,
        row: problem.row,
        reasonZh: expect.stringMatching(HAN),
      });
    }
  });
});
