import { DEFAULT_GEO_ORDER } from "@/lib/ingest/aliases";
import type { IndicatorMatch } from "@/lib/ingest/indicator-aliases";
import { columnLetter, reportGeo, type IngestContext, type LayoutReader } from "@/lib/ingest/ingest-context";
import { resolvePlace } from "@/lib/ingest/new-zones";
import { parseYearbookNumber } from "@/lib/ingest/symbols";
import { nameKey, textParts } from "@/lib/ingest/text";
import { cellText, isBlankRow, type SheetRow } from "@/lib/ingest/table-source";
import { settleColumnUnit } from "@/lib/ingest/column-unit";
import { findUnitLine, type UnitLine } from "@/lib/ingest/unit-line";
import { resolveSourceUnit, splitHeaderUnit } from "@/lib/ingest/units-from-header";
import type { CellLocation } from "@/lib/ingest/validate";
import type { GeoLevel } from "@/lib/ingest/types";

// The wide layout — the yearbook's own table shape: one year per sheet (or per
// file), places down the first column (or the column headed 地区/省份/Region/
// 园区/Zone), indicators across with the unit in the header ("营业收入（千元）")
// or in a unit row under it. Title rows above the header give the year
// ("2019年国家高新区主要经济指标"); a unit line above or below the header, or
// on the right of the title ("单位：个、千元、千美元"), gives the unit of every
// column without one of its own.

const GEO_HEADERS = [
  "地区",
  "省份",
  "省市",
  "省(区、市)",
  "省区市",
  "地区名称",
  "省份名称",
  "区域",
  "region",
  "province",
  "area",
  "place",
  "geo",
  "name",
  "名称",
];
const PARK_HEADERS = [
  "园区",
  "园区名称",
  "高新区",
  "高新区名称",
  "国家高新区",
  "开发区",
  "zone",
  "zones",
  "park",
  "parks",
  "stip",
  "high-tech zone",
];
const NOTE_HEADERS = ["备注", "注", "说明", "note", "notes", "remark", "remarks"];
const SOURCE_HEADERS = ["来源", "资料来源", "数据来源", "source", "source ref", "reference"];
const IGNORED_HEADERS = [
  "序号",
  "编号",
  "排名",
  "排序",
  "no",
  "no.",
  "#",
  "rank",
  "代码",
  "code",
  "adcode",
  "行政区划代码",
];
const NOTE_ROW = /^(注|备注|说明|资料来源|数据来源|note|notes|source|sources)\s*[:：.]/i;

const keySet = (names: readonly string[]) => new Set(names.map((n) => nameKey(n)));
const GEO_KEYS = keySet(GEO_HEADERS);
const PARK_KEYS = keySet(PARK_HEADERS);
const NOTE_KEYS = keySet(NOTE_HEADERS);
const SOURCE_KEYS = keySet(SOURCE_HEADERS);
const IGNORED_KEYS = keySet(IGNORED_HEADERS);

/** A header is one of these names, or one of its parts is ("地区\nRegion", "地区 Region"). */
function isHeaderIn(text: string, keys: ReadonlySet<string>): boolean {
  return [text, ...textParts(text)].some((part) => keys.has(nameKey(part)));
}

/**
 * An indicator column's header: "营业收入（千元）", "Revenue (CNY thousand)", or
 * bilingual over lines or parts — "营业收入\nOperating Revenue\n(千元)",
 * "营业收入（千元） Operating revenue (1000 yuan)". null when no part names an indicator.
 */
export function parseIndicatorHeader(
  header: string,
  context: Pick<IngestContext, "indicators">,
): { indicator: IndicatorMatch; unit: string | null; unitText: string | null } | null {
  const candidates = [header, ...textParts(header)];
  for (const candidate of candidates) {
    const parts = splitHeaderUnit(candidate);
    const indicator = context.indicators.resolve(parts.label);
    if (!indicator) continue;
    if (parts.unit) return { indicator, unit: parts.unit, unitText: parts.unitText };
    // The unit on a line or part of its own: "(千元)", "单位：千元", "(1000 yuan)".
    for (const other of candidates) {
      if (other === candidate || other === parts.label) continue;
      const inner = /^[(（[【]\s*(.*?)\s*[)）\]】]$/.exec(other)?.[1] ?? other;
      const unit = resolveSourceUnit(inner) ?? splitHeaderUnit(other).unit;
      if (unit) return { indicator, unit, unitText: inner };
    }
    return { indicator, unit: null, unitText: null };
  }
  return null;
}

/** "2019", "2019年", "Table 2019", "表1-3 2019年" → 2019: a year in a sheet name, title or file name, if exactly one. */
export function findYear(text: string): number | null {
  const years = new Set(
    [...text.normalize("NFKC").matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1])),
  );
  return years.size === 1 ? [...years][0]! : null;
}

interface IndicatorColumn {
  index: number;
  header: string;
  indicator: IndicatorMatch;
  unit: string | null;
  unitText: string | null;
  unitColumn: string | null;
}

export interface WideHeader {
  headerIndex: number;
  geoIndex: number;
  geoOrder: readonly GeoLevel[];
  headers: string[];
  indicatorColumns: IndicatorColumn[];
  noteIndex: number | null;
  sourceIndex: number | null;
  /** A table by zone's province column (地区, 省份 …): where a zone new to the registry is. */
  provinceIndex: number | null;
  /** Columns with a header that is no indicator (reported as unknown indicators). */
  unknownColumns: number[];
  /** The last row of the header block among the scanned rows: the header, or a unit row or English header row under it. */
  lastHeaderIndex: number;
  /** The unit line above or below the header, or in it: for the columns without a unit of their own. */
  unitLine: UnitLine | null;
  titleYear: number | null;
}

/**
 * Finds a wide-layout header among a sheet's first rows: a row with at least
 * one indicator column, and a place column (by its header, else the first).
 */
export function detectWideHeader(rows: SheetRow[], context: IngestContext): WideHeader | null {
  for (let h = 0; h < rows.length; h++) {
    const upper = rows[h]!.cells.map((cell) => cellText(cell));
    const parkIndex = upper.findIndex((text) => isHeaderIn(text, PARK_KEYS));
    const geoHeaderIndex = parkIndex >= 0 ? parkIndex : upper.findIndex((text) => isHeaderIn(text, GEO_KEYS));
    const geoIndex = geoHeaderIndex >= 0 ? geoHeaderIndex : 0;
    const headers = geoHeaderIndex >= 0 ? withSubHeaders(upper, rows[h + 1], geoIndex, context) : upper;
    const hasSubHeaders = headers !== upper;
    const provinceHeaderIndex =
      parkIndex >= 0 ? headers.findIndex((text, i) => i !== parkIndex && isHeaderIn(text, GEO_KEYS)) : -1;
    const provinceIndex = provinceHeaderIndex >= 0 ? provinceHeaderIndex : null;

    const indicatorColumns: IndicatorColumn[] = [];
    const unknownColumns: number[] = [];
    let noteIndex: number | null = null;
    let sourceIndex: number | null = null;
    let unitLine: UnitLine | null = null;
    headers.forEach((header, index) => {
      if (index === geoIndex || index === provinceIndex || !header) return;
      const key = nameKey(header);
      const lineInHeader = findUnitLine(header);
      if (lineInHeader) unitLine ??= lineInHeader;
      else if (isHeaderIn(header, NOTE_KEYS)) noteIndex ??= index;
      else if (isHeaderIn(header, SOURCE_KEYS)) sourceIndex ??= index;
      else if (IGNORED_KEYS.has(key)) return;
      else {
        const parsed = parseIndicatorHeader(header, context);
        if (parsed) indicatorColumns.push({ index, header, ...parsed, unitColumn: null });
        else unknownColumns.push(index);
      }
    });
    if (indicatorColumns.length === 0) continue;
    // A row of figures is data, not a header: a header's place cell is a label or empty.
    if (geoHeaderIndex < 0 && headers[0] && context.indicators.resolve(splitHeaderUnit(headers[0]).label)) continue;

    const titleRows = rows.slice(0, h);
    const titles = titleRows.map((row) => row.cells.map((cell) => cellText(cell)).join(" "));
    const titleYear = titles.map(findYear).find((year) => year !== null) ?? null;
    unitLine ??= findRowUnitLine(titleRows, "anywhere");

    // Rows under the header that are not data yet: a unit row ("千元", "CNY 100 million") or the
    // header again in English. Stop at the first row with a place or a figure in it.
    let lastHeaderIndex = hasSubHeaders ? h + 1 : h;
    for (let k = lastHeaderIndex + 1; k <= h + 3 && k < rows.length; k++) {
      const row = rows[k]!;
      const lineBelow = findRowUnitLine([row], "start");
      if (lineBelow && !row.cells.some((cell) => isFigure(cellText(cell)))) {
        unitLine ??= lineBelow;
        lastHeaderIndex = k;
        continue;
      }
      const geoCell = cellText(row.cells[geoIndex]);
      if (
        geoCell &&
        !/^(单位|计量单位|units?)(?![a-z])/i.test(geoCell) &&
        !isHeaderIn(geoCell, GEO_KEYS) &&
        !isHeaderIn(geoCell, PARK_KEYS)
      )
        break;
      const cells = indicatorColumns.map((c) => cellText(row.cells[c.index]));
      if (cells.every((text) => !text) || cells.some((text) => text && parseYearbookNumber(text).kind !== "invalid"))
        break;
      lastHeaderIndex = k;
      for (const [c, column] of indicatorColumns.entries()) {
        const text = cells[c]!;
        const unit = text ? (resolveSourceUnit(text) ?? splitHeaderUnit(text).unit) : null;
        if (!column.unit && unit) {
          column.unit = unit;
          column.unitText = text;
          column.unitColumn = `${column.header} (row ${row.number})`;
        }
      }
    }

    const isParkTable = parkIndex >= 0;
    return {
      headerIndex: h,
      geoIndex,
      geoOrder: isParkTable ? ["NATION", "REGION", "PARK", "PROVINCE"] : DEFAULT_GEO_ORDER,
      headers,
      indicatorColumns,
      noteIndex,
      sourceIndex,
      provinceIndex,
      unknownColumns,
      lastHeaderIndex,
      unitLine,
      titleYear,
    };
  }
  return null;
}

export class WideLayoutReader implements LayoutReader {
  readonly layout = "wide";
  private readonly year: number | null;
  private readonly isYearUsable: boolean;
  /** Columns whose unit is missing or unusable: reported once, their figures still checked. */
  private readonly unitReported = new Set<number>();
  /** The header's row number, or the unit row's: rows up to it are titles and headers. */
  private readonly lastHeaderRow: number;
  private readonly headerKeys: Set<string>;

  constructor(
    private readonly context: IngestContext,
    private readonly header: WideHeader,
    private readonly sheet: string | null,
    scannedRows: SheetRow[],
  ) {
    const { builder } = context;
    const headerRow = scannedRows[header.headerIndex]!.number;
    this.lastHeaderRow = scannedRows[header.lastHeaderIndex]!.number;
    this.headerKeys = new Set(header.headers.filter(Boolean).map((h) => nameKey(h)));

    // The year: the sheet's name, else a title row, else the file name.
    const fromSheet = sheet !== null ? findYear(sheet) : null;
    const fromFile = findYear(context.fileName.replace(/\.[a-z]+$/i, ""));
    this.year = fromSheet ?? header.titleYear ?? fromFile;
    const sheetAt = { sheet, row: null, column: null } as const;
    if (this.year === null) {
      builder.error("no_year", sheetAt, {
        en: `No year found for ${sheet === null ? "this table" : `sheet “${sheet}”`}: name the sheet after its year (“2019”), put it in a title row (“2019年国家高新区主要经济指标”) or in the file name.`,
        zh: `${sheet === null ? "该表" : `工作表“${sheet}”`}未找到年份：请以年份命名工作表（“2019”），或在标题行中写明（“2019年国家高新区主要经济指标”），或写在文件名中。`,
      });
    } else if (fromSheet !== null && header.titleYear !== null && header.titleYear !== fromSheet) {
      builder.problem(
        "warning",
        "year_conflict",
        { sheet, row: scannedRows[0]?.number ?? null, column: null },
        {
          en: `The sheet is named for ${fromSheet} but its title says ${header.titleYear}; ${fromSheet} is used.`,
          zh: `工作表名称为${fromSheet}年，但标题写的是${header.titleYear}年；以${fromSheet}年为准。`,
        },
      );
    } else if (fromSheet === null && header.titleYear === null) {
      // A yearbook's file is named for its edition, which reports the year before: 2020年鉴 holds 2019 data.
      builder.problem(
        "warning",
        "year_from_file_name",
        sheetAt,
        {
          en: `The year ${this.year} comes from the file name. Check it is the year of the data, not of the yearbook edition (the 2020 yearbook reports 2019); to be sure, name the sheet after the year.`,
          zh: `年份${this.year}取自文件名。请确认这是数据所属年份，而不是年鉴的出版年份（2020年版年鉴收录的是2019年数据）；为确保无误，请以年份命名工作表。`,
        },
      );
    }
    this.isYearUsable = this.year !== null && builder.checkYear(this.year, { sheet, row: headerRow, column: null });

    for (const index of header.unknownColumns) {
      builder.error(
        "unknown_indicator",
        { sheet, row: headerRow, column: header.headers[index]! },
        {
          en: `Column “${header.headers[index]}” is not an indicator this app knows (use its Chinese name with the unit, e.g. 营业收入（千元）, or its code); the column is not read.`,
          zh: `“${header.headers[index]}”列不是本系统可识别的指标（请使用带单位的中文名称，如 营业收入（千元），或指标代码）；该列不予读取。`,
        },
        header.headers[index],
      );
    }
    // Units are checked once per column here, not on every row; the column's figures are still checked.
    for (const column of header.indicatorColumns) {
      const at = { sheet, row: headerRow, column: column.header };
      if (!column.unit && column.unitText) {
        builder.error(
          "missing_unit",
          at,
          {
            en: `Column “${column.header}”: “${column.unitText}” is not a unit this app knows (e.g. 千元, 万元, 亿元, 千美元, 人, 个, %).`,
            zh: `“${column.header}”列：“${column.unitText}”不是本系统能识别的计量单位（可用千元、万元、亿元、千美元、人、个、% 等）。`,
          },
          column.unitText,
        );
        this.unitReported.add(column.index);
        continue;
      }
      if (!column.unit) {
        const settled = settleColumnUnit(column, header.unitLine, builder, at);
        if (!settled) {
          this.unitReported.add(column.index);
          continue;
        }
        column.unit = settled.unit;
        column.unitText = settled.unitText;
      }
      const mismatch = builder.unitMismatch(column.indicator, column.unit, column.unitText);
      if (mismatch) {
        builder.error(
          "unit_not_convertible",
          at,
          { en: `Column “${column.header}”: ${mismatch.en}`, zh: `“${column.header}”列：${mismatch.zh}` },
          column.unitText ?? column.unit,
        );
        this.unitReported.add(column.index);
      }
    }
  }

  readRow(row: SheetRow): void {
    if (row.number <= this.lastHeaderRow || isBlankRow(row)) return;
    const { builder } = this.context;
    const { header, sheet } = this;
    const geoText = cellText(row.cells[header.geoIndex]);
    const others = row.cells.some((cell, i) => i !== header.geoIndex && cellText(cell) !== "");

    if (!geoText) {
      if (header.indicatorColumns.some((c) => isFigure(cellText(row.cells[c.index])))) {
        builder.problem(
          "warning",
          "unknown_geo",
          { sheet, row: row.number, column: this.geoColumnName() },
          { en: "This row has figures but no place; it is skipped.", zh: "该行有数值但没有地区，已跳过。" },
        );
      }
      return;
    }
    const isNoteOrUnitLine = !others && (NOTE_ROW.test(geoText) || findUnitLine(geoText) !== null);
    if (isNoteOrUnitLine || this.headerKeys.has(nameKey(geoText))) return;

    // An unknown place or an unusable year is reported once; the row's figures are checked all the same.
    const at: CellLocation = { sheet, row: row.number, column: this.geoColumnName() };
    const provinceText = header.provinceIndex !== null ? cellText(row.cells[header.provinceIndex]) || null : null;
    const geo = resolvePlace(this.context, geoText, { order: header.geoOrder }, provinceText, at);
    const isPlaceKnown = geo !== null && reportGeo(this.context, geo, geoText, at) && geo.kind === "found";

    const note = header.noteIndex !== null ? cellText(row.cells[header.noteIndex]) || null : null;
    const sourceRef = header.sourceIndex !== null ? cellText(row.cells[header.sourceIndex]) || null : null;
    for (const column of header.indicatorColumns) {
      builder.add({
        indicator: column.indicator,
        indicatorText: column.header,
        year: this.year,
        yearText: this.year === null ? "" : String(this.year),
        geo: isPlaceKnown ? geo.match : null,
        geoText,
        hasRowError: !isPlaceKnown || !this.isYearUsable,
        breakdown: column.indicator.breakdown,
        valueCell: row.cells[column.index] ?? null,
        unit: column.unit,
        unitText: column.unitText,
        unitColumn: column.unitColumn,
        note,
        sourceRef,
        location: { sheet, row: row.number, column: column.header },
        isUnitReported: this.unitReported.has(column.index),
      });
    }
  }

  private geoColumnName(): string {
    return this.header.headers[this.header.geoIndex] || `column ${columnLetter(this.header.geoIndex)}`;
  }
}

/**
 * A header of two rows where the upper one groups columns ("企业主要经济指标"
 * merged over several) and the lower names them: each column's indicator from
 * the lower row where the upper names another or none. The upper row itself
 * when the row below is no such header (its place cell holds a place, or it
 * names nothing new).
 */
function withSubHeaders(
  upper: string[],
  below: SheetRow | undefined,
  geoIndex: number,
  context: IngestContext,
): string[] {
  if (!below) return upper;
  const lower = below.cells.map((cell) => cellText(cell));
  const lowerGeo = lower[geoIndex] ?? "";
  if (lowerGeo && !isHeaderIn(lowerGeo, GEO_KEYS) && !isHeaderIn(lowerGeo, PARK_KEYS)) return upper;
  const indicatorOf = (text: string | undefined) => (text ? parseIndicatorHeader(text, context)?.indicator.code : null);
  let isCombined = false;
  const combined = Array.from({ length: Math.max(upper.length, lower.length) }, (_, i) => {
    const text = upper[i] ?? "";
    const named = indicatorOf(lower[i]);
    // The same indicator in both rows is a bilingual header: the upper row, which may carry the unit.
    if (i === geoIndex || !named || named === indicatorOf(text)) return text;
    isCombined = true;
    return lower[i]!;
  });
  return isCombined ? combined : upper;
}

/** The first unit line in any cell of these rows. */
function findRowUnitLine(rows: SheetRow[], where: "start" | "anywhere"): UnitLine | null {
  for (const row of rows) {
    for (const cell of row.cells) {
      const line = typeof cell === "string" ? findUnitLine(cell, where) : null;
      if (line) return line;
    }
  }
  return null;
}

function isFigure(text: string): boolean {
  return parseYearbookNumber(text).kind === "number";
}
