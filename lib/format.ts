import { CANONICAL_UNITS, type TCanonicalUnit } from "@/lib/units";

// Number and unit formatting for people, in English or Chinese. Isomorphic.

export type TLanguage = "en" | "zh";

const round = (value: number, digits = 3) => Number(value.toPrecision(digits));

function scaleEn(value: number): { scaled: number; word: string } {
  const abs = Math.abs(value);
  if (abs >= 1e12) return { scaled: value / 1e12, word: " trillion" };
  if (abs >= 1e9) return { scaled: value / 1e9, word: " billion" };
  if (abs >= 1e6) return { scaled: value / 1e6, word: " million" };
  return { scaled: value, word: "" };
}

function scaleZh(value: number): { scaled: number; word: string } {
  const abs = Math.abs(value);
  if (abs >= 1e12) return { scaled: value / 1e12, word: "万亿" };
  if (abs >= 1e8) return { scaled: value / 1e8, word: "亿" };
  if (abs >= 1e4) return { scaled: value / 1e4, word: "万" };
  return { scaled: value, word: "" };
}

function number(value: number, language: TLanguage, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(language === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits }).format(value);
}

/** A count as people write it: "1,020" (the same in Chinese). */
export function formatCount(value: number, language: TLanguage = "en"): string {
  return number(value, language, 0);
}

/** "1.73 trillion yuan", "$478 billion", "1.85 million firms", "20%"; in Chinese "1.73万亿元", "4780亿美元". */
export function formatValue(value: number, unit: TCanonicalUnit, language: TLanguage = "en"): string {
  if (unit === "percent") return `${number(round(value), language)}%`;
  if (language === "zh") {
    const { scaled, word } = scaleZh(value);
    const shown = word ? number(round(scaled), "zh") : number(Math.round(scaled), "zh", 0);
    return `${shown}${word}${CANONICAL_UNITS[unit].zh}`;
  }
  const { scaled, word } = scaleEn(value);
  const shown = word ? number(round(scaled), "en") : number(Math.round(scaled), "en", 0);
  if (unit === "USD") return `$${shown}${word}`;
  const unitName = shown === "1" && !word ? CANONICAL_UNITS[unit].en.replace(/s$/, "") : CANONICAL_UNITS[unit].en;
  return `${shown}${word} ${unitName}`;
}

/**
 * A value that is only a lower bound (a sum whose parts are incomplete, a source's
 * "more than"): "at least 42 zones" / "至少 42个", or "≥42" where space is short.
 * Every "at least" on screen, in exports and in link previews comes from here, so a
 * lower bound never reads as the total.
 */
export function formatAtLeast(formatted: string, language: TLanguage = "en", style: "long" | "short" = "long"): string {
  if (style === "short") return `≥${formatted}`;
  return language === "zh" ? `至少 ${formatted}` : `at least ${formatted}`;
}
