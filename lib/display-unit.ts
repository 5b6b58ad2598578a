import type { z } from "zod";
import type { ZDisplayUnit } from "@/lib/api/series-response";
import { formatAtLeast, formatValue, type TLanguage } from "@/lib/format";
import { CANONICAL_UNITS } from "@/lib/units";

/** A canonical unit with an optional qualifier: "yuan" + "per zone", "%" + "of national total". */
export type DisplayUnit = z.infer<typeof ZDisplayUnit>;

/** How a value is to be read: isLowerBound makes it "at least …" (ViewRow.isLowerBound). */
export interface MeasureOptions {
  isLowerBound?: boolean;
}

/**
 * "1.2 billion yuan per zone", "2.65% of registered firms"; in Chinese the qualifier goes in brackets.
 * A lower bound says so: "at least 42 zones", "至少 42个".
 */
export function formatMeasure(value: number, unit: DisplayUnit, language: TLanguage, options: MeasureOptions = {}): string {
  const base = formatValue(value, unit.unit, language);
  const measure =
    language === "zh" ? (unit.suffixZh ? `${base}（${unit.suffixZh}）` : base) : unit.suffixEn ? `${base} ${unit.suffixEn}` : base;
  return options.isLowerBound ? formatAtLeast(measure, language) : measure;
}

/** The unit alone, for axis titles, table headers and CSV columns: "yuan per zone", "% of registered firms". */
export function unitLabel(unit: DisplayUnit, language: TLanguage): string {
  const name = CANONICAL_UNITS[unit.unit][language];
  if (language === "zh") return unit.suffixZh ? `${name}（${unit.suffixZh}）` : name;
  return unit.suffixEn ? `${name} ${unit.suffixEn}` : name;
}

/** Short tick labels: "1.2T", "350B", "4.5M" / "1.2万亿", "350亿", "4.5万"; a lower bound "≥42". */
export function formatTick(value: number, unit: DisplayUnit, language: TLanguage, options: MeasureOptions = {}): string {
  const tick = shortNumber(value, unit, language);
  return options.isLowerBound ? formatAtLeast(tick, language, "short") : tick;
}

function shortNumber(value: number, unit: DisplayUnit, language: TLanguage): string {
  if (unit.unit === "percent") return `${Number(value.toPrecision(3))}%`;
  const abs = Math.abs(value);
  const steps: [number, string][] =
    language === "zh"
      ? [[1e12, "万亿"], [1e8, "亿"], [1e4, "万"]]
      : [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "k"]];
  for (const [size, word] of steps) {
    if (abs >= size) return `${unit.unit === "USD" && language === "en" ? "$" : ""}${Number((value / size).toPrecision(3))}${word}`;
  }
  return String(Number(value.toPrecision(3)));
}
