import { parseGeoLevel, NATION_CODE, type GeoResolution } from "@/lib/ingest/aliases";
import { normalizeBreakdown } from "@/lib/ingest/indicator-aliases";
import { resolvePlace } from "@/lib/ingest/new-zones";
import { columnLetter, reportGeo, type IngestContext, type LayoutReader } from "@/lib/ingest/ingest-context";
import { nameKey } from "@/lib/ingest/text";
import { cellText, isBlankRow, type RawCell, type SheetRow } from "@/lib/ingest/table-source";
import { resolveSourceUnit } from "@/lib/ingest/units-from-header";
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

const ROLE_LABEL: Record<LongRole, string> = {
  year: "the year",
  level: "the level",
  geo: "the place",
  geoName: "the place name",
  breakdown: "the breakdown",
  indicator: "the indicator",
  indicatorName: "the indicator name",
  value: "the value",
  unit: "the unit",
  note: "the note",
  sourceRef: "the source",
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
      builder.error(
        "duplicate_column",
        at(again),
        `Columns ${columnLetter(first)} (“${header.headers[first]}”) and ${columnLetter(again)} (“${header.headers[again]}”) both give ${ROLE_LABEL[role]}; only column ${columnLetter(first)} is read. Remove or rename one.`,
      );
    }
    for (const index of header.unknown) {
      builder.problem(
        "warning",
        "unknown_column",
        at(index),
        `Column “${header.headers[index]}” is not one this app reads; its values are ignored.`,
      );
    }
    if (header.columns.unit === undefined) {
      builder.error(
        "missing_column",
        { sheet, row: headerRow },
        "There is no unit column: every value needs its unit (千元, 亿元, 千美元, 人 …) in a column named “unit”.",
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
        "There is no place column: add one named “geo” with adcodes or names (or “level” = national for national figures).",
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
    let isValid = true;

    // Year
    const yearCell = this.cell(row, "year");
    const year = parseYear(yearCell);
    if (year === null) {
      const text = cellText(yearCell);
      builder.error(
        "bad_year",
        this.at(row, "year"),
        text ? `“${text}” is not a year (write it as 2019).` : "The year is empty.",
        text,
      );
      isValid = false;
    } else if (!builder.checkYear(year, this.at(row, "year"))) {
      isValid = false;
    }

    // Level and place
    const levelText = this.text(row, "level");
    const level = levelText ? parseGeoLevel(levelText) : null;
    if (levelText && !level) {
      builder.error(
        "unknown_level",
        this.at(row, "level"),
        `“${levelText}” is not a level; use national, region, province or zone.`,
        levelText,
      );
      isValid = false;
    }
    const geoText = this.text(row, "geo");
    const nameText = this.text(row, "geoName");
    const primaryRole: LongRole = geoText ? "geo" : "geoName";
    const placeText = geoText || nameText;
    let geo: GeoResolution | null;
    if (!placeText && level === "NATION") geo = { kind: "found", match: { level: "NATION", code: NATION_CODE } };
    else geo = resolvePlace(this.context, placeText, { level }, null, this.at(row, primaryRole));
    if (!geo) isValid = false;
    else if (!(levelText && !level) && !reportGeo(this.context, geo, placeText, this.at(row, primaryRole), levelText))
      isValid = false;
    if (geo?.kind === "found" && geoText && nameText) {
      const byName = geoResolver.resolve(nameText, { level: geo.match.level });
      if (byName.kind === "found" && byName.match.code !== geo.match.code) {
        builder.problem(
          "warning",
          "label_mismatch",
          this.at(row, "geoName"),
          `The place name “${nameText}” is not the place with code “${geoText}” (${geo.match.code}); the code is used.`,
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
          ? `“${indicatorText}” is not an indicator this app knows (use a code such as revenue, or its Chinese name such as 营业收入).`
          : "The indicator is empty.",
        indicatorText,
      );
      isValid = false;
    } else if (codeText && indicatorNameText) {
      const byName = indicators.resolve(indicatorNameText);
      if (byName && (byName.code !== indicator.code || byName.breakdown !== indicator.breakdown)) {
        builder.problem(
          "warning",
          "label_mismatch",
          this.at(row, "indicatorName"),
          `The indicator name “${indicatorNameText}” stands for ${byName.code}, not ${indicator.code}; ${indicator.code} is used.`,
          indicatorNameText,
        );
      }
    }

    if (!isValid || !indicator || year === null || geo?.kind !== "found") return;

    const unitText = this.text(row, "unit");
    const breakdownText = this.text(row, "breakdown");
    builder.add({
      indicator,
      year,
      geo: geo.match,
      breakdown: breakdownText ? normalizeBreakdown(breakdownText) : indicator.breakdown,
      valueCell: this.cell(row, "value"),
      unit: unitText ? resolveSourceUnit(unitText) : null,
      unitText: unitText || null,
      unitColumn: this.columnName(this.header.columns.unit),
      note: this.text(row, "note") || null,
      sourceRef: this.text(row, "sourceRef") || null,
      location: this.at(row, "value"),
      isMissingUnitReported: this.header.columns.unit === undefined,
    });
  }
}
