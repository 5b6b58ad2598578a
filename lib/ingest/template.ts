import ExcelJS from "exceljs";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { NATION_CODE } from "@/lib/ingest/aliases";
import type { IngestReference, IngestReferenceIndicator } from "@/lib/ingest/types";
import { CANONICAL_UNITS, type TCanonicalUnit } from "@/lib/units";
import type { TLang } from "@/lib/view-state";

// Upload templates an admin downloads and fills in: the long layout (header
// and a few example rows with real indicator codes and Chinese names) or the
// wide layout shaped like the yearbook's tables (provinces down, indicators
// across with the unit in the header), as CSV or XLSX, with their instructions
// in English or Chinese. All read back without errors.

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

type Cell = string | number | null;

type TTemplateText = ReturnType<typeof appDictionary>["admin"]["templates"];

/** The long template's rows, header first. */
function longRows(reference: IngestReference, text: TTemplateText): Cell[][] {
  const [, year] = exampleYears(reference);
  const revenue = pickIndicator(reference, "revenue", "CNY");
  const exports = pickIndicator(reference, "exports", "USD");
  const employees = pickIndicator(reference, "employees", "persons");
  const hte = pickIndicator(reference, "high_tech_enterprises", "firms");
  const rows: Cell[][] = [
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
      text.exampleNote,
      text.exampleSource,
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
      text.exampleNote,
      text.exampleSource,
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
      text.exampleNote,
      "",
    ]);
  }
  const park = reference.parks[0];
  if (park) rows.push([year, "zone", park.slug, park.nameZh, hte.code, hte.nameZh, "", 1234, "家", text.exampleNote, ""]);
  return [LONG_HEADER, ...rows];
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

interface Table {
  name: string;
  rows: Cell[][];
}

/** The wide template's tables, one per example year: title, header, nation, regions, provinces, a note. */
function wideTables(reference: IngestReference, text: TTemplateText): Table[] {
  const indicators = reference.indicators;
  return exampleYears(reference).map((year) => {
    const provinceValues = reference.provinces.map((p) =>
      indicators.map((indicator, c) => exampleValue(indicator, p.adcode, year, c)),
    );
    // Totals are the sums of their provinces (shares: their mean), so the template passes the totals check.
    const totalOf = (rows: number[][]) =>
      indicators.map((indicator, c) => {
        const sum = rows.reduce((s, r) => s + r[c]!, 0);
        return indicator.unit === "percent" ? Math.round((sum / Math.max(rows.length, 1)) * 10) / 10 : sum;
      });
    return {
      name: `${year}年`,
      rows: [
        // The title stays the yearbook's, in Chinese, in either language: it names the table's year.
        [`${year}年国家高新区主要经济指标（示例）`],
        ["地区", ...indicators.map((i) => `${i.nameZh}（${TEMPLATE_UNIT[i.unit]}）`)],
        ["全国", ...totalOf(provinceValues)],
        ...reference.regions.map((region) => [
          region.nameZh,
          ...totalOf(provinceValues.filter((_, i) => reference.provinces[i]!.regionCode === region.code)),
        ]),
        ...reference.provinces.map((province, i) => [province.nameZh, ...provinceValues[i]!]),
        [],
        [text.wideNote],
      ],
    };
  });
}

function toCsv(rows: Cell[][]): Buffer {
  const lines = rows.map((row) => row.map((cell) => csvField(cell ?? "")).join(","));
  // The BOM makes Excel open the file as UTF-8 (Chinese names intact).
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

async function toXlsx(tables: Table[], headerRow: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    for (const row of table.rows) sheet.addRow(row);
    sheet.getRow(headerRow).font = { bold: true };
    sheet.getColumn(1).width = 18;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * An upload template an admin fills in; every one reads back through ingestUpload without errors.
 * long: a header and example rows with real indicator codes and Chinese names (CSV, or one XLSX sheet).
 * wide: the yearbook's table shape, provinces down and indicators across with units in the header
 * (XLSX: a sheet per example year; CSV: the latest example year, which its title row names).
 * Example notes and the note row are in `lang`; headers, place and unit names stay the yearbook's.
 */
export async function buildTemplate(
  layout: "long" | "wide",
  format: "csv" | "xlsx",
  reference: IngestReference,
  lang: TLang = "en",
): Promise<Buffer> {
  const text = appDictionary(lang).admin.templates;
  if (layout === "long") {
    const rows = longRows(reference, text);
    return format === "csv" ? toCsv(rows) : toXlsx([{ name: "data", rows }], 1);
  }
  const tables = wideTables(reference, text);
  return format === "csv" ? toCsv(tables.at(-1)!.rows) : toXlsx(tables, 2);
}
