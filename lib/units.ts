// Units: the canonical unit each indicator is stored in, and the units that
// yearbook tables and other sources print, with their factors. Isomorphic.

export type TDimension = "count" | "people" | "cny" | "usd" | "percent";

export const CANONICAL_UNITS = {
  zones: { dimension: "count", en: "zones", zh: "个" },
  firms: { dimension: "count", en: "firms", zh: "家" },
  persons: { dimension: "people", en: "persons", zh: "人" },
  CNY: { dimension: "cny", en: "yuan", zh: "元" },
  USD: { dimension: "usd", en: "US dollars", zh: "美元" },
  percent: { dimension: "percent", en: "%", zh: "%" },
} as const satisfies Record<string, { dimension: TDimension; en: string; zh: string }>;

export type TCanonicalUnit = keyof typeof CANONICAL_UNITS;

interface SourceUnit {
  dimension: TDimension;
  factor: number;
}

const SOURCE_UNITS: Record<string, SourceUnit> = {
  个: { dimension: "count", factor: 1 },
  家: { dimension: "count", factor: 1 },
  户: { dimension: "count", factor: 1 },
  万家: { dimension: "count", factor: 1e4 },
  万户: { dimension: "count", factor: 1e4 },
  count: { dimension: "count", factor: 1 },
  firms: { dimension: "count", factor: 1 },
  enterprises: { dimension: "count", factor: 1 },
  zones: { dimension: "count", factor: 1 },
  人: { dimension: "people", factor: 1 },
  千人: { dimension: "people", factor: 1e3 },
  万人: { dimension: "people", factor: 1e4 },
  persons: { dimension: "people", factor: 1 },
  "thousand persons": { dimension: "people", factor: 1e3 },
  "10k persons": { dimension: "people", factor: 1e4 },
  元: { dimension: "cny", factor: 1 },
  千元: { dimension: "cny", factor: 1e3 },
  万元: { dimension: "cny", factor: 1e4 },
  百万元: { dimension: "cny", factor: 1e6 },
  亿元: { dimension: "cny", factor: 1e8 },
  万亿: { dimension: "cny", factor: 1e12 },
  万亿元: { dimension: "cny", factor: 1e12 },
  CNY: { dimension: "cny", factor: 1 },
  "CNY thousand": { dimension: "cny", factor: 1e3 },
  "CNY 10k": { dimension: "cny", factor: 1e4 },
  "CNY million": { dimension: "cny", factor: 1e6 },
  "CNY 100 million": { dimension: "cny", factor: 1e8 },
  "CNY billion": { dimension: "cny", factor: 1e9 },
  "CNY trillion": { dimension: "cny", factor: 1e12 },
  "trillion yuan": { dimension: "cny", factor: 1e12 },
  美元: { dimension: "usd", factor: 1 },
  千美元: { dimension: "usd", factor: 1e3 },
  万美元: { dimension: "usd", factor: 1e4 },
  百万美元: { dimension: "usd", factor: 1e6 },
  亿美元: { dimension: "usd", factor: 1e8 },
  USD: { dimension: "usd", factor: 1 },
  "USD thousand": { dimension: "usd", factor: 1e3 },
  "USD 10k": { dimension: "usd", factor: 1e4 },
  "USD million": { dimension: "usd", factor: 1e6 },
  "USD 100 million": { dimension: "usd", factor: 1e8 },
  "USD billion": { dimension: "usd", factor: 1e9 },
  "USD trillion": { dimension: "usd", factor: 1e12 },
  "%": { dimension: "percent", factor: 1 },
  percent: { dimension: "percent", factor: 1 },
};

export class UnitError extends Error {
  override name = "UnitError";
}

/** The units a source may be written in, e.g. for an upload template. */
export const KNOWN_SOURCE_UNITS = Object.keys(SOURCE_UNITS);

/** The dimension a source unit measures (cny, usd, people …), or undefined when the unit is unknown. */
export function sourceUnitDimension(sourceUnit: string): TDimension | undefined {
  return SOURCE_UNITS[sourceUnit.trim()]?.dimension;
}

/** How many canonical units one source unit is (千元 → 1000), or undefined when the unit is unknown. */
export function sourceUnitFactor(sourceUnit: string): number | undefined {
  return SOURCE_UNITS[sourceUnit.trim()]?.factor;
}

/**
 * Converts a value written in a source unit (亿元, 千美元, 万人 …) to the canonical unit.
 * Throws UnitError when the unit is unknown or measures something else (亿美元 into CNY).
 */
export function toCanonical(value: number, sourceUnit: string, canonical: TCanonicalUnit): number {
  const unit = SOURCE_UNITS[sourceUnit.trim()];
  if (!unit) throw new UnitError(`Unknown unit "${sourceUnit}"`);
  const target = CANONICAL_UNITS[canonical];
  if (unit.dimension !== target.dimension) {
    throw new UnitError(`Unit "${sourceUnit}" cannot be converted to ${target.en}`);
  }
  // Multiply by the factor, then round to 12 significant digits so 1.73 × 1e12
  // stays 1 730 000 000 000 rather than 1 729 999 999 999.9998. An integer below
  // 1e12 is what that rounding would give, without its cost (most figures).
  const product = value * unit.factor;
  if (Number.isInteger(product) && Math.abs(product) < 1e12) return product || 0; // no -0
  return Number(product.toPrecision(12));
}
