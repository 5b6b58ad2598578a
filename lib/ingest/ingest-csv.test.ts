import fs from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ingestUpload, IngestLimitError } from "@/lib/ingest";
import { seedIngestReference } from "@/lib/ingest/test-reference";
import { generateLongCsvWithFacts } from "@/lib/ingest/testing";
import type { IngestLimits, IngestResult } from "@/lib/ingest/types";

const reference = seedIngestReference();
const HEADER = "year,level,geo,indicator,value,unit,note,source_ref";

function ingestCsv(
  text: string | Buffer,
  limits?: Partial<IngestLimits>,
  fileName = "upload.csv",
): Promise<IngestResult> {
  return ingestUpload({
    fileName,
    data: Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8"),
    reference,
    ...(limits ? { limits } : {}),
  });
}

const errors = (result: IngestResult) => result.problems.filter((p) => p.severity === "error");
const warnings = (result: IngestResult) => result.problems.filter((p) => p.severity === "warning");

async function limitError(promise: Promise<unknown>): Promise<IngestLimitError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestLimitError);
  return error as IngestLimitError;
}

describe("long CSV", () => {
  it("ingests the shared upload example, ignoring its extra columns with a warning", async () => {
    const result = await ingestCsv(fs.readFileSync("/work/shared/data/upload_template_example.csv"));
    expect(result).toMatchObject({ layout: "long", format: "csv", errorCount: 0, rowsRead: 4 });
    expect(result.observations).toEqual([
      {
        indicatorCode: "revenue",
        year: 2013,
        geoLevel: "NATION",
        geoCode: "CN",
        breakdown: "",
        value: 20.3e12,
        note: "114 zones",
        sourceRef: "Xinhua via qdn.cn 2014-08-02",
        sheet: null,
        row: 2,
      },
      {
        indicatorCode: "exports",
        year: 2013,
        geoLevel: "NATION",
        geoCode: "CN",
        breakdown: "",
        value: 370e9,
        note: "114 zones",
        sourceRef: "Xinhua via qdn.cn 2014-08-02",
        sheet: null,
        row: 3,
      },
      {
        indicatorCode: "revenue",
        year: 2021,
        geoLevel: "NATION",
        geoCode: "CN",
        breakdown: "",
        value: 49_509_610_000_000,
        note: "169 zones",
        sourceRef: "Torch Center 2021 report (f-cn.cn repost)",
        sheet: null,
        row: 4,
      },
    ]);
    expect(warnings(result).map((p) => [p.code, p.column, p.row])).toEqual([
      ["unknown_column", "scope", 1],
      ["unknown_column", "table_ref", 1],
    ]);
  });

  it("reads Chinese headers and every way of writing a place", async () => {
    const csv = [
      "年份,级别,地区,指标,数值,单位,备注,来源",
      "2019,省份,北京市,营业收入,1.5,亿元,,",
      "2019,province,Inner Mongolia Autonomous Region,营业总收入,2,亿元,,",
      "2019,province,ＧＵＡＮＧＤＯＮＧ,技工贸总收入,3,亿元,,",
      "2019年,province,广西,revenue,4,亿元,,",
      "2019,province,650000,revenue,5,亿元,,",
      "2019,region,东部,上缴税额,6,万元,,",
      "2019,,东北,出口创汇额,7,千美元,,",
    ].join("\n");
    const result = await ingestCsv(csv);
    expect(errors(result)).toEqual([]);
    expect(result.observations.map((o) => [o.indicatorCode, o.geoLevel, o.geoCode, o.value])).toEqual([
      ["revenue", "PROVINCE", "110000", 150_000_000],
      ["revenue", "PROVINCE", "150000", 200_000_000],
      ["revenue", "PROVINCE", "440000", 300_000_000],
      ["revenue", "PROVINCE", "450000", 400_000_000],
      ["revenue", "PROVINCE", "650000", 500_000_000],
      ["tax_revenue", "REGION", "eastern", 60_000],
      ["exports", "REGION", "northeastern", 7000],
    ]);
  });

  it("takes the national figure from a national row without a place", async () => {
    const result = await ingestCsv(`${HEADER}\n2019,national,,employees,3.5,万人,,`);
    expect(result.observations[0]).toMatchObject({ geoLevel: "NATION", geoCode: "CN", value: 35_000 });
  });

  it("reads a UTF-8 BOM and CRLF line ends", async () => {
    const result = await ingestCsv(Buffer.from(`\uFEFF${HEADER}\r\n2019,province,北京,revenue,1,亿元,,\r\n`, "utf8"));
    expect(errors(result)).toEqual([]);
    expect(result).toMatchObject({ encoding: "utf-8-bom", separator: ",", sheets: [] });
    expect(result.observations).toHaveLength(1);
    expect(result.observations[0]).toMatchObject({ year: 2019, geoCode: "110000", value: 1e8 });
  });

  it("decodes multi-byte characters split across stream chunks", async () => {
    const bytes = Buffer.from(`${HEADER}\n2019,省份,内蒙古自治区,营业收入,1,亿元,说明：①,年鉴\n`, "utf8");
    const chunks = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) => bytes.subarray(i * 5, i * 5 + 5));
    const result = await ingestUpload({ fileName: "s.csv", data: Readable.from(chunks), reference });
    expect(errors(result)).toEqual([]);
    expect(result.observations[0]).toMatchObject({ geoCode: "150000", note: "说明：①", sourceRef: "年鉴" });
  });

  it("accepts an async iterable of chunks", async () => {
    async function* chunks() {
      yield Buffer.from(`${HEADER}\n2019,province,北京,`);
      yield Buffer.from("revenue,2,亿元,,\n");
    }
    const result = await ingestUpload({ fileName: "a.csv", data: chunks(), reference });
    expect(result.observations.map((o) => o.value)).toEqual([2e8]);
  });

  it("reports every kind of error with its row, column and value", async () => {
    const csv = [
      HEADER, // row 1
      "2019,province,Atlantis,revenue,1,亿元,,", // 2 unknown place
      "2019,province,北京,happiness,1,亿元,,", // 3 unknown indicator
      "2019,province,北京,revenue,12abc,亿元,,", // 4 not a number
      "2019,province,北京,employees,-5,人,,", // 5 negative count
      "2019,province,北京,tax_revenue,5,,,", // 6 unit missing
      "2019,province,天津,revenue,5,亿美元,,", // 7 unit of another currency
      "2019,province,河北,revenue,5,斤,,", // 8 unknown unit
      "1950,province,北京,revenue,5,亿元,,", // 9 year out of range
      "19x9,province,北京,revenue,5,亿元,,", // 10 not a year
      "2019,county,山西,revenue,5,亿元,,", // 11 unknown level
      "2019,region,北京,revenue,5,亿元,,", // 12 wrong level
      "2019,province,上海,revenue,5,亿元,,", // 13 fine
      "2019,province,Shanghai,revenue,6,亿元,,", // 14 duplicate of 13
      "2019,province,北京,exports,=1+2,千美元,,", // 15 a formula is text, not a number
    ].join("\n");
    const result = await ingestCsv(csv);
    expect(errors(result).map((p) => [p.row, p.code, p.column, p.value])).toEqual([
      [2, "unknown_geo", "geo", "Atlantis"],
      [3, "unknown_indicator", "indicator", "happiness"],
      [4, "not_a_number", "value", "12abc"],
      [5, "negative_value", "value", "-5"],
      [6, "missing_unit", "unit", undefined],
      [7, "unit_not_convertible", "unit", "亿美元"],
      [8, "unknown_unit", "unit", "斤"],
      [9, "year_out_of_range", "year", "1950"],
      [10, "bad_year", "year", "19x9"],
      [11, "unknown_level", "level", "county"],
      [12, "wrong_level", "geo", "北京"],
      [14, "duplicate_row", "value", "6"],
      [15, "not_a_number", "value", "=1+2"],
    ]);
    expect(result.errorCount).toBe(13);
    expect(result.observations.map((o) => [o.row, o.geoCode, o.value])).toEqual([[13, "310000", 5e8]]);
    const duplicate = errors(result).find((p) => p.code === "duplicate_row")!;
    expect(duplicate.reason).toMatch(/row 14 and row 13 both give Operating revenue for Shanghai in 2019/);
    expect(duplicate.reasonZh).toMatch(/第14行与第13行都填报了上海市2019年的营业收入/);
    expect(errors(result).find((p) => p.code === "unit_not_convertible")!.reason).toMatch(
      /measured in yuan; “亿美元” cannot be converted/,
    );
    expect(errors(result).find((p) => p.code === "year_out_of_range")!.reason).toMatch(/1988–2025/);
  });

  it("reports an unknown breakdown and accepts a known one by code or name", async () => {
    const csv = [
      "year,level,geo,indicator,breakdown,value,unit",
      "2017,national,CN,firm_ownership_share,state_owned,3,%",
      "2017,national,CN,firm_ownership_share,foreign,12,%",
      "2019,national,CN,revenue,高技术产业,100,亿元",
    ].join("\n");
    const result = await ingestCsv(csv);
    expect(errors(result).map((p) => [p.row, p.code, p.column, p.value])).toEqual([
      [3, "unknown_breakdown", "value", "foreign"],
    ]);
    expect(result.observations.map((o) => [o.indicatorCode, o.breakdown, o.value])).toEqual([
      ["firm_ownership_share", "state_owned", 3],
      ["revenue", "high_tech_industries", 1e10],
    ]);
  });

  it("allows a negative net profit but not a negative tax", async () => {
    const result = await ingestCsv(
      `${HEADER}\n2019,province,北京,net_profit,-3,亿元,,\n2019,province,北京,tax_revenue,-3,亿元,,`,
    );
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([["net_profit", -3e8]]);
    expect(errors(result).map((p) => p.code)).toEqual(["negative_value"]);
  });

  it("reports a duplicated column once and reads the first", async () => {
    const result = await ingestCsv("year,level,geo,indicator,value,unit,Value\n2019,province,北京,revenue,1,亿元,999");
    expect(errors(result).map((p) => [p.code, p.row, p.column])).toEqual([["duplicate_column", 1, "Value"]]);
    expect(errors(result)[0]!.reason).toMatch(/Columns E \(“value”\) and G \(“Value”\) both give the value/);
    expect(result.observations.map((o) => o.value)).toEqual([1e8]);
  });

  it("reports a missing unit column once, not on every row", async () => {
    const result = await ingestCsv(
      "year,level,geo,indicator,value\n2019,province,北京,revenue,1\n2019,province,上海,revenue,2",
    );
    expect(errors(result).map((p) => [p.code, p.row])).toEqual([["missing_column", 1]]);
    expect(result.observations).toEqual([]);
  });

  it("keeps formula-like text in notes and sources as text, evaluating nothing", async () => {
    const csv = `${HEADER}\n2019,province,北京,revenue,1,亿元,"=HYPERLINK(""http://example.invalid"",""x"")",@SUM(A1:A9)\n2019,province,上海,revenue,2,亿元,+1+2,-cmd`;
    const result = await ingestCsv(csv);
    expect(errors(result)).toEqual([]);
    expect(result.observations.map((o) => [o.note, o.sourceRef])).toEqual([
      ['=HYPERLINK("http://example.invalid","x")', "@SUM(A1:A9)"],
      ["+1+2", "-cmd"],
    ]);
  });

  it("skips not-available symbols without errors, counts them, and keeps footnotes in the note", async () => {
    const csv = [
      HEADER,
      "2019,province,北京,revenue,—,亿元,,",
      "2019,province,上海,revenue,/,亿元,,",
      "2019,province,天津,revenue,…,亿元,,",
      "2019,province,河北,revenue,,亿元,,",
      "2019,province,山西,revenue,-,亿元,,",
      '2019,province,江苏,revenue,"#1,234.5①",亿元,revised,',
      "2019,province,浙江,revenue,１２３,亿元,,",
    ].join("\n");
    const result = await ingestCsv(csv);
    expect(result.errorCount).toBe(0);
    expect(result.skippedCells).toBe(5);
    expect(result.observations.map((o) => [o.geoCode, o.value, o.note])).toEqual([
      ["320000", 123_450_000_000, "revised; footnote ① in the source"],
      ["330000", 12_300_000_000, null],
    ]);
    expect(warnings(result).map((p) => p.code)).toEqual(["skipped_symbols"]);
    expect(warnings(result)[0]!.reason).toMatch(/^5 cells/);
  });

  it("warns when provinces do not add up to the reported national or regional total", async () => {
    const csv = [
      HEADER,
      "2019,national,CN,revenue,100,亿元,,", // row 2: 北京 60 + 上海 30 = 90, 10% short
      "2019,region,eastern,revenue,90.4,亿元,,", // row 3: 90 vs 90.4 is 0.44%: within tolerance
      "2019,province,北京,revenue,60,亿元,,",
      "2019,province,上海,revenue,30,亿元,,",
      "2019,national,CN,employees,100,人,,", // row 6: 99 + 1 = 100: fine
      "2019,province,北京,employees,99,人,,",
      "2019,province,上海,employees,1,人,,",
      "2019,national,CN,exports_share_national,50,%,,", // shares are not summed
      "2019,province,北京,exports_share_national,10,%,,",
    ].join("\n");
    const result = await ingestCsv(csv);
    expect(result.errorCount).toBe(0);
    expect(warnings(result).map((p) => [p.code, p.row, p.column])).toEqual([["sum_mismatch", 2, "value"]]);
    expect(warnings(result)[0]!.reason).toMatch(
      /The 2 provinces in this upload add up to 9,000,000,000 yuan of Operating revenue in 2019, but the national total is 10,000,000,000 \(10\.0% apart\)/,
    );
  });

  it("allows sums off by the printed rounding beyond 0.5% for small figures", async () => {
    // Figures printed to whole 亿元 may each be off by 0.5: 1+1+1 against a total of 4 is within
    // the 4 × 0.5 = 2 亿元 rounding allows, against a total of 6 it is not.
    const csv = [
      HEADER,
      "2019,national,CN,revenue,4,亿元,,",
      "2019,province,北京,revenue,1,亿元,,",
      "2019,province,上海,revenue,1,亿元,,",
      "2019,province,天津,revenue,1,亿元,,",
    ].join("\n");
    expect(warnings(await ingestCsv(csv))).toEqual([]);
    const beyond = [
      HEADER,
      "2019,national,CN,revenue,6,亿元,,",
      "2019,province,北京,revenue,1,亿元,,",
      "2019,province,上海,revenue,1,亿元,,",
      "2019,province,天津,revenue,1,亿元,,",
    ].join("\n");
    expect(warnings(await ingestCsv(beyond)).map((p) => p.code)).toEqual(["sum_mismatch"]);
  });

  it("warns when a label column disagrees with the code", async () => {
    const csv =
      "year,geo_level,geo_code,geo_name_zh,indicator_code,indicator_name_zh,value,unit\n2019,province,110000,上海,revenue,上缴税费,1,亿元";
    const result = await ingestCsv(csv);
    expect(result.observations.map((o) => [o.geoCode, o.indicatorCode])).toEqual([["110000", "revenue"]]);
    expect(warnings(result).map((p) => [p.code, p.column])).toEqual([
      ["label_mismatch", "geo_name_zh"],
      ["label_mismatch", "indicator_name_zh"],
    ]);
  });

  it("caps the problems it keeps and says how many more there are", async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `2019,province,Nowhere${i},revenue,1,亿元,,`);
    const result = await ingestCsv([HEADER, ...rows].join("\n"));
    expect(result.errorCount).toBe(1500);
    expect(result.truncated).toBe(true);
    expect(result.problems).toHaveLength(1001);
    expect(result.problems[1000]).toMatchObject({ code: "problems_truncated", severity: "error" });
    expect(result.problems[1000]!.reason).toMatch(/^500 more problems are not listed \(500 errors, 0 warnings\)/);
  });

  it("reports a file with no recognisable table, and an empty file", async () => {
    const noTable = await ingestCsv("hello,world\n1,2\n");
    expect(noTable.problems.map((p) => p.code)).toEqual(["no_table", "no_table"]);
    expect(noTable.errorCount).toBe(1);
    const empty = await ingestCsv("");
    expect(empty.problems.map((p) => [p.severity, p.code])).toEqual([["error", "no_table"]]);
  });

  it("reports a table without a single figure", async () => {
    const result = await ingestCsv(
      `${HEADER}\n2019,province,北京,revenue,—,亿元,,\n2019,province,上海,revenue,/,亿元,,`,
    );
    expect(result.observations).toEqual([]);
    expect(result.skippedCells).toBe(2);
    expect(errors(result).map((p) => p.code)).toEqual(["no_figures"]);
  });

  it("reports a quote that is never closed", async () => {
    const result = await ingestCsv(`${HEADER}\n2019,province,北京,revenue,1,亿元,"never closed,\n`);
    expect(result.problems[0]).toMatchObject({ code: "unreadable_file" });
    expect(result.problems[0]!.reason).toMatch(/never closed/);
  });
});

describe("CSV limits", () => {
  const oneRow = `${HEADER}\n2019,province,北京,revenue,1,亿元,,\n`;

  it("refuses a file over the byte limit, from a buffer or a stream", async () => {
    expect((await limitError(ingestCsv(oneRow, { maxBytes: 20 }))).limit).toBe("maxBytes");
    const big = Buffer.from(oneRow.repeat(50));
    const fromStream = await limitError(
      ingestUpload({
        fileName: "x.csv",
        data: Readable.from([big.subarray(0, 1000), big.subarray(1000)]),
        reference,
        limits: { maxBytes: 1500 },
      }),
    );
    expect(fromStream.limit).toBe("maxBytes");
    expect(fromStream.message).toMatch(/larger than 1,500 bytes/);
  });

  it("refuses more rows than allowed", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${1990 + i},province,北京,revenue,1,亿元,,`);
    const error = await limitError(ingestCsv([HEADER, ...rows].join("\n"), { maxRows: 10 }));
    expect(error.limit).toBe("maxRows");
    expect(error.message).toMatch(/more than 10 rows/);
    const fits = await ingestCsv([HEADER, ...rows.slice(0, 9)].join("\n"), { maxRows: 10 });
    expect(fits.observations).toHaveLength(9);
  });

  it("refuses a row with too many columns", async () => {
    const error = await limitError(ingestCsv(`${HEADER},x,y\n`, { maxColumns: 9 }));
    expect(error.limit).toBe("maxColumns");
    expect(error.message).toMatch(/Row 1 has 10 columns; an upload may have at most 9/);
  });

  it("refuses a cell longer than allowed", async () => {
    const error = await limitError(
      ingestCsv(`${HEADER}\n2019,province,北京,revenue,1,亿元,${"n".repeat(101)},\n`, { maxCellChars: 100 }),
    );
    expect(error.limit).toBe("maxCellChars");
    expect(error.message).toMatch(/row 2 has 101 characters/);
  });

  it("refuses a limit that is not a positive number", async () => {
    await expect(ingestCsv(oneRow, { maxRows: -1 })).rejects.toThrow();
  });
});

describe("a 100,000-row upload", () => {
  it("ingests every row (the diff against published data is in SQL: tests/edition-diff.int.test.ts)", async () => {
    const { csv, facts } = generateLongCsvWithFacts(100_000, reference);
    const result = await ingestCsv(csv);
    expect(result.rowsRead).toBe(100_001);
    expect(result.errorCount).toBe(0);
    expect(result.warningCount).toBe(0);
    expect(result.observations).toHaveLength(100_000);
    const first = result.observations[0]!;
    expect(`${first.indicatorCode}|${first.year}|${first.geoLevel}|${first.geoCode}|${first.breakdown}`).toBe(
      facts.firstKey,
    );
    expect(first.value).toBe(facts.firstValue);
  }, 60_000);

  it("reads the compact layout (no level, note or source columns) to the same observations", async () => {
    const full = await ingestCsv(generateLongCsvWithFacts(20_000, reference).csv);
    const { csv } = generateLongCsvWithFacts(20_000, reference, { compact: true });
    const compact = await ingestCsv(csv);
    expect(compact).toMatchObject({ errorCount: 0, warningCount: 0 });
    expect(csv.length / 20_000).toBeLessThan(50);
    const withoutText = (result: IngestResult) => result.observations.map((o) => ({ ...o, note: null, sourceRef: null }));
    expect(withoutText(compact)).toEqual(withoutText(full));
  }, 60_000);
});
