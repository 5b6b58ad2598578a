import ExcelJS from "exceljs";
import { NATION_CODE } from "@/lib/ingest/aliases";
import type { IngestReference, IngestReferenceIndicator } from "@/lib/ingest/types";
import { CANONICAL_UNITS, type TCanonicalUnit } from "@/lib/units";

// Upload templates an admin downloads and fills in: a long CSV (header and a
// few example rows with real indicator codes and Chinese names) or a wide XLSX
// shaped like the yearbook's tables (one sheet per year, provinces down, indicators
// across with the unit in the header). Both read back without errors.

/** The unit each canonical unit is written in on templates: the yearbook's own. */
const TEMPLATE_UNIT: Record<TCanonicalUnit, string> = {
  zones: "个",
  firms: "家",
  persons: "人",
  CNY: "千元",
  USD: "千美元",
  percent: "%",
};

const LONG_HEADER = [
  "year",
  "level",
  "geo",
  "geo_name_zh",
  "indicator",
  "indicator_name_zh",
  "breakdown",
  "value",
  "unit",
  "note",
  "source_ref",
];
const EXAMPLE_NOTE = "Example row: replace with real figures";

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The indicator with this code, or else the first with the same canonical unit, or else the first. */
function pickIndicator(reference: IngestReference, code: string, unit: TCanonicalUnit): IngestReferenceIndicator {
  const indicator =
    reference.indicators.find((i) => i.code === code) ??
    reference.indicators.find((i) => i.unit === unit) ??
    reference.indicators[0];
  if (!indicator) throw new Error("The reference has no indicators to build a template from.");
  return indicator;
}

function exampleYears(reference: IngestReference): [number, number] {
  const last = Math.max(reference.yearRange.min, reference.yearRange.max - 1);
  return [Math.max(reference.yearRange.min, last - 1), last];
}

function buildLongCsv(reference: IngestReference): Buffer {
  const [, year] = exampleYears(reference);
  const revenue = pickIndicator(reference, "revenue", "CNY");
  const exports = pickIndicator(reference, "exports", "USD");
  const employees = pickIndicator(reference, "employees", "persons");
  const hte = pickIndicator(reference, "high_tech_enterprises", "firms");
  const rows: (string | number)[][] = [
    [
      year,
      "national",
      NATION_CODE,
      "全国",
      revenue.code,
      revenue.nameZh,
      "",
      "495096.1",
      "亿元",
      EXAMPLE_NOTE,
      "Torch Center annual report, table 1",
    ],
    [
      year,
      "national",
      NATION_CODE,
      "全国",
      exports.code,
      exports.nameZh,
      "",
      "5210.3",
      "亿美元",
      EXAMPLE_NOTE,
      "Torch Center annual report, table 1",
    ],
  ];
  for (const province of reference.provinces.slice(0, 2)) {
    rows.push([
      year,
      "province",
      province.adcode,
      province.nameZh,
      employees.code,
      employees.nameZh,
      "",
      250000 + province.adcode / 1000,
      "人",
      EXAMPLE_NOTE,
      "",
    ]);
  }
  const park = reference.parks[0];
  if (park) rows.push([year, "zone", park.slug, park.nameZh, hte.code, hte.nameZh, "", 1234, "家", EXAMPLE_NOTE, ""]);
  const lines = [LONG_HEADER, ...rows].map((row) => row.map(csvField).join(","));
  // The BOM makes Excel open the file as UTF-8 (Chinese names intact).
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

/** A made-up but plausible figure for one province and indicator: deterministic, so totals add up exactly. */
function exampleValue(indicator: IngestReferenceIndicator, adcode: number, year: number, column: number): number {
  const seed = ((adcode / 10000) * 37 + column * 11 + (year % 100) * 3) % 97;
  switch (CANONICAL_UNITS[indicator.unit].dimension) {
    case "percent":
      return Math.round(seed) / 10;
    case "count":
      return indicator.unit === "zones" ? 1 + (Math.round(seed) % 7) : 100 + Math.round(seed * 53);
    case "people":
      return 10000 + Math.round(seed * 1709);
    default:
      return 1000000 + Math.round(seed * 98765);
  }
}

async function buildWideXlsx(reference: IngestReference): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const indicators = reference.indicators;
  for (const year of exampleYears(reference)) {
    const sheet = workbook.addWorksheet(`${year}年`);
    sheet.addRow([`${year}年国家高新区主要经济指标（示例）`]);
    sheet.addRow(["地区", ...indicators.map((i) => `${i.nameZh}（${TEMPLATE_UNIT[i.unit]}）`)]);

    const provinceValues = reference.provinces.map((p) =>
      indicators.map((indicator, c) => exampleValue(indicator, p.adcode, year, c)),
    );
    const sumOf = (rows: number[][], c: number, indicator: IngestReferenceIndicator) =>
      indicator.unit === "percent"
        ? Math.round((rows.reduce((s, r) => s + r[c]!, 0) / Math.max(rows.length, 1)) * 10) / 10
        : rows.reduce((s, r) => s + r[c]!, 0);

    sheet.addRow(["全国", ...indicators.map((indicator, c) => sumOf(provinceValues, c, indicator))]);
    for (const region of reference.regions) {
      const rows = provinceValues.filter((_, i) => reference.provinces[i]!.regionCode === region.code);
      sheet.addRow([region.nameZh, ...indicators.map((indicator, c) => sumOf(rows, c, indicator))]);
    }
    reference.provinces.forEach((province, i) => sheet.addRow([province.nameZh, ...provinceValues[i]!]));
    sheet.addRow([]);
    sheet.addRow(["注：示例数据，仅说明格式；上传前请替换为年鉴数据。"]);
    sheet.getRow(2).font = { bold: true };
    sheet.getColumn(1).width = 18;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An upload template: a long-layout CSV or a wide-layout XLSX; both read back through ingestUpload without errors. */
export async function buildTemplate(
  layout: "long" | "wide",
  format: "csv" | "xlsx",
  reference: IngestReference,
): Promise<Buffer> {
  if (layout === "long" && format === "csv") return buildLongCsv(reference);
  if (layout === "wide" && format === "xlsx") return buildWideXlsx(reference);
  throw new Error(`There is no ${layout} ${format.toUpperCase()} template: use a long CSV or a wide XLSX.`);
}
