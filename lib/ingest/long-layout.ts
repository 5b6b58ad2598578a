import { parseGeoLevel, NATION_CODE, type GeoResolution } from "@/lib/ingest/aliases";
import { normalizeBreakdown } from "@/lib/ingest/indicator-aliases";
import { resolvePlace } from "@/lib/ingest/new-zones";
import { columnLetter, reportGeo, type IngestContext, type LayoutReader } from "@/lib/ingest/ingest-context";
import { nameKey } from "@/lib/ingest/text";
import { cellText, isBlankRow, type RawCell, type SheetRow } from "@/lib/ingest/table-source";
import { resolveSourceUnit } from "@/lib/ingest/units-from-header";
import type { BilingualText } from "@/lib/ingest/names";
import { parseYear, type CellLocation } from "@/lib/ingest/validate";

// The long layout: one value per row, with columns for year, level, place,
// breakdown, indicator, value, unit, note and source. Header names are matched
// case-insensitively in English or Chinese; unknown columns are ignored with a
// warning.

type LongRole =
  | "year"
  | "level"
  | "geo"
  | "geoName"
  | "breakdown"
  | "indicator"
  | "indicatorName"
  | "value"
  | "unit"
  | "note"
  | "sourceRef";

const ROLE_NAMES: Record<LongRole, readonly string[]> = {
  year: ["year", "data year", "年", "年份", "年度", "统计年度", "数据年份"],
  level: ["level", "geo level", "geography level", "层级", "级别", "地区级别", "地理级别"],
  geo: [
    "geo",
    "geo code",
    "code",
    "adcode",
    "place",
    "geography",
    "area",
    "region",
    "province",
    "zone",
    "地区",
    "地区代码",
    "行政区划代码",
    "代码",
    "省份",
    "园区",
  ],
  geoName: ["geo name", "geo name zh", "geo name en", "place name", "name", "名称", "地区名称"],
  breakdown: ["breakdown", "category", "分组", "细分", "分类"],
  indicator: ["indicator", "indicator code", "metric", "指标", "指标代码"],
  indicatorName: ["indicator name", "indicator name zh", "indicator name en", "指标名称"],
  value: ["value", "amount", "figure", "数值", "值", "数据", "数量"],
  unit: ["unit", "units", "单位", "计量单位"],
  note: ["note", "notes", "remark", "remarks", "comment", "备注", "注", "说明"],
  sourceRef: ["source ref", "source", "source reference", "reference", "citation", "来源", "资料来源", "数据来源"],
};

const ROLE_BY_KEY = new Map<string, LongRole>(
  Object.entries(ROLE_NAMES).flatMap(([role, names]) =>
    names.map((name): [string, LongRole] => [nameKey(name), role as LongRole]),
  ),
);

const ROLE_LABEL: Record<LongRole, BilingualText> = {
  year: { en: "the year", zh: "年份" },
  level: { en: "the level", zh: "地区级别" },
  geo: { en: "the place", zh: "地区" },
  geoName: { en: "the place name", zh: "地区名称" },
  breakdown: { en: "the breakdown", zh: "分组" },
  indicator: { en: "the indicator", zh: "指标" },
  indicatorName: { en: "the indicator name", zh: "指标名称" },
  value: { en: "the value", zh: "数值" },
  unit: { en: "the unit", zh: "计量单位" },
  note: { en: "the note", zh: "备注" },
  sourceRef: { en: "the source", zh: "资料来源" },
};

export interface LongHeader {
  columns: Partial<Record<LongRole, number>>;
  headers: string[];
  duplicates: { role: LongRole; first: number; again: number }[];
  unknown: number[];
}

/** Reads a row as a long-layout header: needs year, value and an indicator column; null otherwise. */
export function detectLongHeader(row: SheetRow): LongHeader | null {
  const headers = row.cells.map((cell) => cellText(cell));
  const columns: Partial<Record<LongRole, number>> = {};
  const duplicates: LongHeader["duplicates"] = [];
  const unknown: number[] = [];
  headers.forEach((header, index) => {
    if (!header) return;
    const role = ROLE_BY_KEY.get(nameKey(header));
    if (!role) unknown.push(index);
    else if (columns[role] === undefined) columns[role] = index;
    else duplicates.push({ role, first: columns[role], again: index });
  });
  const hasIndicator = columns.indicator !== undefined || columns.indicatorName !== undefined;
  if (columns.year === undefined || columns.value === undefined || !hasIndicator) return null;
  return { columns, headers, duplicates, unknown };
}

export class LongLayoutReader implements LayoutReader {
  readonly layout = "long";

  constructor(
    private readonly context: IngestContext,
    private readonly header: LongHeader,
    private readonly sheet: string | null,
    private readonly headerRow: number,
  ) {
    const { builder } = context;
    const at = (index: number) => ({ sheet, row: headerRow, column: this.columnName(index) });
    for (const { role, first, again } of header.duplicates) {
      const [a, b] = [columnLetter(first), columnLetter(again)];
      const [nameA, nameB] = [header.headers[first], header.headers[again]];
      builder.error("duplicate_column", at(again), {
        en: `Columns ${a} (“${nameA}”) and ${b} (“${nameB}”) both give ${ROLE_LABEL[role].en}; only column ${a} is read. Remove or rename one.`,
        zh: `${a}列（“${nameA}”）与${b}列（“${nameB}”）都是${ROLE_LABEL[role].zh}，只读取${a}列。请删除或重命名其中一列。`,
      });
    }
    for (const index of header.unknown) {
      builder.problem("warning", "unknown_column", at(index), {
        en: `Column “${header.headers[index]}” is not one this app reads; its values are ignored.`,
        zh: `本系统不读取“${header.headers[index]}”列，该列的内容将被忽略。`,
      });
    }
    if (header.columns.unit === undefined) {
      builder.error(
        "missing_column",
        { sheet, row: headerRow },
        {
          en: "There is no unit column: every value needs its unit (千元, 亿元, 千美元, 人 …) in a column named “unit”.",
          zh: "缺少计量单位列：每个数值都要注明单位（千元、亿元、千美元、人……），请添加名为“unit”或“单位”的列。",
        },
      );
    }
    if (
      header.columns.geo === undefined &&
      header.columns.geoName === undefined &&
      header.columns.level === undefined
    ) {
      builder.error(
        "missing_column",
        { sheet, row: headerRow },
        {
          en: "There is no place column: add one named “geo” with adcodes or names (or “level” = national for national figures).",
          zh: "缺少地区列：请添加名为“geo”或“地区”的列，填写行政区划代码或地区名称（全国数据也可只在“level”列填 national）。",
        },
      );
    }
  }

  private columnName(index: number | undefined): string | null {
    if (index === undefined) return null;
    return this.header.headers[index] || `column ${columnLetter(index)}`;
  }

  private cell(row: SheetRow, role: LongRole): RawCell {
    const index = this.header.columns[role];
    return index === undefined ? null : (row.cells[index] ?? null);
  }

  private text(row: SheetRow, role: LongRole): string {
    return cellText(this.cell(row, role));
  }

  private at(row: SheetRow, role: LongRole): CellLocation {
    return { sheet: this.sheet, row: row.number, column: this.columnName(this.header.columns[role]) };
  }

  readRow(row: SheetRow): void {
    // Title rows above the header, and the header itself, are not data.
    if (row.number <= this.headerRow || isBlankRow(row)) return;
    const { builder, geo: geoResolver, indicators } = this.context;
    const { names } = builder;
    // Every part is checked whatever the others hold; the value is checked by the builder even in a row with errors.
    const errorsBefore = builder.log.errorCount;

    // Year
    const yearCell = this.cell(row, "year");
    const yearText = cellText(yearCell);
    const year = parseYear(yearCell);
    if (year === null) {
      builder.error(
        "bad_year",
        this.at(row, "year"),
        yearText
          ? { en: `“${yearText}” is not a year (write it as 2019).`, zh: `“${yearText}”不是年份（请写作 2019）。` }
          : { en: "The year is empty.", zh: "年份为空。" },
        yearText,
      );
    } else {
      builder.checkYear(year, this.at(row, "year"));
    }

    // Level and place
    const levelText = this.text(row, "level");
    const level = levelText ? parseGeoLevel(levelText) : null;
    if (levelText && !level) {
      builder.error(
        "unknown_level",
        this.at(row, "level"),
        {
          en: `“${levelText}” is not a level; use national, region, province or zone.`,
          zh: `“${levelText}”不是地区级别，请填写 national（全国）、region（地区）、province（省份）或 zone（高新区）。`,
        },
        levelText,
      );
    }
    const geoText = this.text(row, "geo");
    const nameText = this.text(row, "geoName");
    const primaryRole: LongRole = geoText ? "geo" : "geoName";
    const placeText = geoText || nameText;
    let geo: GeoResolution | null;
    if (!placeText && level === "NATION") geo = { kind: "found", match: { level: "NATION", code: NATION_CODE } };
    else geo = resolvePlace(this.context, placeText, { level }, null, this.at(row, primaryRole));
    if (geo && !(levelText && !level)) reportGeo(this.context, geo, placeText, this.at(row, primaryRole), levelText);
    if (geo?.kind === "found" && geoText && nameText) {
      const byName = geoResolver.resolve(nameText, { level: geo.match.level });
      if (byName.kind === "found" && byName.match.code !== geo.match.code) {
        const place = names.geo(geo.match, geoText);
        builder.problem(
          "warning",
          "label_mismatch",
          this.at(row, "geoName"),
          {
            en: `The place name “${nameText}” is not the place with code “${geoText}” (${place.en}); the code is used.`,
            zh: `地区名称“${nameText}”与代码“${geoText}”所指的地区（${place.zh}）不符，以代码为准。`,
          },
          nameText,
        );
      }
    }

    // Indicator
    const codeText = this.text(row, "indicator");
    const indicatorNameText = this.text(row, "indicatorName");
    const indicatorRole: LongRole = codeText ? "indicator" : "indicatorName";
    const indicatorText = codeText || indicatorNameText;
    const indicator = indicatorText ? indicators.resolve(indicatorText) : null;
    if (!indicator) {
      builder.error(
        "unknown_indicator",
        this.at(row, indicatorRole),
        indicatorText
          ? {
              en: `“${indicatorText}” is not an indicator this app knows (use a code such as revenue, or its Chinese name such as 营业收入). The row's value, year, place and unit are still checked; whether the unit suits the indicator can be checked only once the indicator is known.`,
              zh: `“${indicatorText}”不是本系统可识别的指标（请使用指标代码如 revenue，或中文名称如 营业收入）。本行的数值、年份、地区和单位仍会检查，但在指标确定之前，无法核对单位是否与指标相符。`,
            }
          : { en: "The indicator is empty.", zh: "指标为空。" },
        indicatorText,
      );
    } else if (codeText && indicatorNameText) {
      const byName = indicators.resolve(indicatorNameText);
      if (byName && (byName.code !== indicator.code || byName.breakdown !== indicator.breakdown)) {
        const named = names.indicator(byName.code, byName.breakdown);
        const used = names.indicator(indicator.code, indicator.breakdown);
        builder.problem(
          "warning",
          "label_mismatch",
          this.at(row, "indicatorName"),
          {
            en: `The indicator name “${indicatorNameText}” stands for ${named.en}, not ${used.en}; ${used.en} (the code's) is used.`,
            zh: `指标名称“${indicatorNameText}”对应的是${named.zh}，而不是${used.zh}；以指标代码对应的${used.zh}为准。`,
          },
          indicatorNameText,
        );
      }
    }

    const unitText = this.text(row, "unit");
    const breakdownText = this.text(row, "breakdown");
    builder.add({
      indicator,
      indicatorText,
      year,
      yearText,
      geo: geo?.kind === "found" ? geo.match : null,
      geoText: placeText,
      hasRowError: builder.log.errorCount > errorsBefore,
      breakdown: breakdownText ? normalizeBreakdown(breakdownText) : (indicator?.breakdown ?? ""),
      valueCell: this.cell(row, "value"),
      unit: unitText ? resolveSourceUnit(unitText) : null,
      unitText: unitText || null,
      unitColumn: this.columnName(this.header.columns.unit),
      note: this.text(row, "note") || null,
      sourceRef: this.text(row, "sourceRef") || null,
      location: this.at(row, "value"),
      isUnitReported: this.header.columns.unit === undefined,
    });
  }
}
