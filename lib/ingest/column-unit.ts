import type { IndicatorMatch } from "@/lib/ingest/indicator-aliases";
import { textParts } from "@/lib/ingest/text";
import { chooseLineUnit, type UnitLine } from "@/lib/ingest/unit-line";
import type { ObservationBuilder, ProblemLocation } from "@/lib/ingest/validate";
import { CANONICAL_UNITS, type TCanonicalUnit, type TDimension } from "@/lib/units";

// The unit of a wide table's column that has none in its header or unit row:
// the table's unit line's unit of the column's kind; for a count (zones, firms,
// persons) with none, its natural unit, with a warning; otherwise an error that
// says how to give one.

export interface ColumnUnit {
  unit: string;
  unitText: string;
}

const KIND: Record<TDimension, { en: string; zh: string; example: string }> = {
  count: { en: "counts", zh: "个数", example: "个" },
  people: { en: "numbers of persons", zh: "人数", example: "人" },
  cny: { en: "yuan amounts", zh: "人民币金额", example: "千元" },
  usd: { en: "US-dollar amounts", zh: "美元金额", example: "千美元" },
  percent: { en: "percentages", zh: "百分比", example: "%" },
};

/** "营业收入\nOperating Revenue" → "营业收入": the header's first part, for an example the admin can copy. */
function headerLabel(header: string): string {
  return textParts(header)[0] ?? header;
}

/**
 * Settles the unit of a column without one of its own. Reports a warning when
 * a count is read in its natural unit, an error when no unit can be told (and
 * returns null then).
 */
export function settleColumnUnit(
  column: { header: string; indicator: IndicatorMatch },
  unitLine: UnitLine | null,
  builder: ObservationBuilder,
  at: ProblemLocation,
): ColumnUnit | null {
  const own = builder.indicatorFor(column.indicator, null);
  if (!own) return null;
  // Exports printed in yuan are the yuan export series: dollars first, then yuan.
  const inYuan = builder.indicatorFor(column.indicator, "元");
  const canonicalUnits: TCanonicalUnit[] = inYuan && inYuan !== own ? [own.unit, inYuan.unit] : [own.unit];
  const header = column.header;
  const label = headerLabel(header);
  const kind = KIND[CANONICAL_UNITS[own.unit].dimension];

  const choice = unitLine ? chooseLineUnit(unitLine, canonicalUnits) : { kind: "none" as const };
  if (choice.kind === "unit") return { unit: choice.item.unit, unitText: choice.item.text };
  if (choice.kind === "ambiguous" && unitLine) {
    const units = choice.items.map((item) => item.text);
    const ambiguousKind = KIND[CANONICAL_UNITS[choice.canonical].dimension];
    builder.error(
      "missing_unit",
      at,
      {
        en: `Column “${header}” has no unit of its own, and the unit line “${unitLine.text}” gives more than one unit for ${ambiguousKind.en} (${units.join(", ")}): write the unit into the header, e.g. ${label}（${units[0]}）.`,
        zh: `“${header}”列没有注明计量单位，而单位行“${unitLine.text}”中适用于${ambiguousKind.zh}的单位不止一个（${units.join("、")}）：请在表头注明单位，例如“${label}（${units[0]}）”。`,
      },
      unitLine.text,
    );
    return null;
  }

  if (own.isCount) {
    const natural = CANONICAL_UNITS[own.unit].zh;
    builder.problem("warning", "unit_assumed", at, {
      en: `Column “${header}” has no unit; its figures are read as ${CANONICAL_UNITS[own.unit].en} (${natural}). To be sure, write the unit into the header, e.g. ${label}（${natural}）.`,
      zh: `“${header}”列没有注明计量单位，按“${natural}”读取。为确保无误，请在表头注明单位，例如“${label}（${natural}）”。`,
    });
    return { unit: natural, unitText: natural };
  }

  const example = kind.example;
  if (unitLine) {
    const unknown = unitLine.unknown.length
      ? {
          en: ` (${unitLine.unknown.map((u) => `“${u}”`).join(", ")} in it is not a unit this app knows)`,
          zh: `（其中${unitLine.unknown.map((u) => `“${u}”`).join("、")}不是本系统能识别的单位）`,
        }
      : { en: "", zh: "" };
    builder.error(
      "missing_unit",
      at,
      {
        en: `Column “${header}” has no unit of its own, and the unit line “${unitLine.text}” gives none for ${kind.en}${unknown.en}: write the unit into the header, e.g. ${label}（${example}）, or add it to the unit line.`,
        zh: `“${header}”列没有注明计量单位，单位行“${unitLine.text}”中也没有适用于${kind.zh}的单位${unknown.zh}：请在表头注明单位，例如“${label}（${example}）”，或在单位行中补上。`,
      },
      unitLine.text,
    );
    return null;
  }
  builder.error("missing_unit", at, {
    en: `Column “${header}” has no unit: write the unit into the header, e.g. ${label}（${example}）, or add a line 单位：${example} above the table.`,
    zh: `“${header}”列没有注明计量单位：请在表头注明单位，例如“${label}（${example}）”，或在表格上方加一行“单位：${example}”。`,
  });
  return null;
}
