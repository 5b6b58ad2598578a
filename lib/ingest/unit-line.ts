import { resolveSourceUnit } from "@/lib/ingest/units-from-header";
import { CANONICAL_UNITS, sourceUnitDimension, sourceUnitFactor, type TCanonicalUnit } from "@/lib/units";

// A unit line, as yearbooks print one above or below a table's header or on the
// right of its title row: "单位：千元", "计量单位：万元", "Unit: 10,000 yuan", or a
// list, "单位：个、千元、千美元", which gives one unit per kind — the count unit for
// the counts, the yuan unit for yuan amounts, the dollar unit for dollar amounts.

export interface UnitLineItem {
  /** A key of lib/units' table. */
  unit: string;
  /** As written: "千美元", "10,000 yuan". */
  text: string;
}

export interface UnitLine {
  /** The line as written, for messages: "单位：个、千元、千美元". */
  text: string;
  units: UnitLineItem[];
  /** Parts of the line that are no unit this app knows. */
  unknown: string[];
}

// "金额单位：千元" gives the unit of the amounts only, which is what a list by kind does anyway.
const PREFIX = String.raw`(?:(?:计量|金额|货币|数量)?单位|units?)\s*[:：]`;
const AT_START = new RegExp(String.raw`^[(（[【]?\s*${PREFIX}\s*(.*)$`, "is");
const ANYWHERE = new RegExp(String.raw`(?<![a-z])${PREFIX}\s*(.*)$`, "is");
const REPEATED_PREFIX = new RegExp(String.raw`(?<![a-z])${PREFIX}`, "i");

/** "千元 Unit: CNY thousand", "个、千元、千美元", "10,000 yuan" → the units written, one a part. */
function splitUnitList(list: string): string[] {
  return (
    list
      // A bilingual line says it twice: "单位：千元 Unit: CNY thousand".
      .split(REPEATED_PREFIX)
      // "10,000 yuan" is one unit: a comma before three digits is a thousands separator.
      .flatMap((part) => part.split(/[、，;；/]|,(?!\d{3})|\s+and\s+/i))
      .map((part) =>
        part
          .trim()
          .replace(/^[(（[【]+|[)）\]】。.]+$/g, "")
          .trim(),
      )
      .filter(Boolean)
  );
}

/**
 * The unit line in a cell, or null when the cell is none. `where: "start"` (a
 * cell of its own, "单位：千元") or `"anywhere"` (a title that ends with one,
 * "2019年国家高新区主要经济指标　单位：亿元").
 */
export function findUnitLine(text: string, where: "start" | "anywhere" = "start"): UnitLine | null {
  const normalized = text.normalize("NFKC").trim();
  const list = (where === "start" ? AT_START : ANYWHERE).exec(normalized)?.[1];
  if (list === undefined) return null;
  const parts = splitUnitList(list);
  if (parts.length === 0) return null;
  const units: UnitLineItem[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const unit = resolveSourceUnit(part);
    if (unit) units.push({ unit, text: part });
    else unknown.push(part);
  }
  // Shown as written ("单位：千元", not its normalised "单位:千元"), from where the line starts.
  const written = text.trim();
  const start = where === "start" ? 0 : written.search(REPEATED_PREFIX);
  const shown = start >= 0 ? written.slice(start) : normalized.slice(normalized.search(REPEATED_PREFIX));
  return { text: shown.replace(/^[(（[【]\s*|\s*[)）\]】]$/g, ""), units, unknown };
}

export type LineUnitChoice =
  | { kind: "unit"; item: UnitLineItem }
  | { kind: "ambiguous"; canonical: TCanonicalUnit; items: UnitLineItem[] }
  | { kind: "none" };

/**
 * The line's unit for a column measured in one of `canonicalUnits`, tried in
 * order (exports: dollars, then yuan for the yuan series): the line's one unit
 * of that kind. Several of the same size (个 and 家) are one choice — the
 * indicator's own is taken; several sizes (千元 and 万元) are ambiguous.
 */
export function chooseLineUnit(line: UnitLine, canonicalUnits: readonly TCanonicalUnit[]): LineUnitChoice {
  for (const canonical of canonicalUnits) {
    const { dimension, zh } = CANONICAL_UNITS[canonical];
    const fitting = line.units.filter((item) => sourceUnitDimension(item.unit) === dimension);
    if (fitting.length === 0) continue;
    if (new Set(fitting.map((item) => sourceUnitFactor(item.unit))).size > 1) {
      return { kind: "ambiguous", canonical, items: fitting };
    }
    return { kind: "unit", item: fitting.find((item) => item.unit === zh) ?? fitting[0]! };
  }
  return { kind: "none" };
}
