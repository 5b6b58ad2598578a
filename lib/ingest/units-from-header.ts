import { KNOWN_SOURCE_UNITS } from "@/lib/units";

// Units as people write them — "千元", "单位：亿元", "CNY thousand", "thousand
// yuan", "RMB 10k", "USD mn", "％" — to a key of lib/units' table, and the unit
// inside a column header: "营业收入（千元）", "Revenue (CNY thousand)".

const UNIT_BY_LOWER = new Map(KNOWN_SOURCE_UNITS.map((unit) => [unit.toLowerCase(), unit]));

const MULTIPLIERS: readonly [RegExp, number][] = [
  [/^(100 ?million|hundred million|100 ?mn|100 ?m)$/, 1e8],
  [/^(10 ?thousand|ten thousand|10 ?k|10,?000)$/, 1e4],
  [/^(thousand|thousands|1,?000|k)$/, 1e3],
  [/^(million|millions|mn|m|mio)$/, 1e6],
  [/^(billion|billions|bn|b)$/, 1e9],
  [/^(trillion|trillions|tn)$/, 1e12],
  [/^$/, 1],
];

const MONEY_KEYS: Record<"CNY" | "USD", Record<number, string>> = {
  CNY: {
    1: "CNY",
    1e3: "CNY thousand",
    1e4: "CNY 10k",
    1e6: "CNY million",
    1e8: "CNY 100 million",
    1e9: "CNY billion",
    1e12: "CNY trillion",
  },
  USD: {
    1: "USD",
    1e3: "USD thousand",
    1e4: "USD 10k",
    1e6: "USD million",
    1e8: "USD 100 million",
    1e9: "USD billion",
    1e12: "USD trillion",
  },
};
const PEOPLE_KEYS: Record<number, string> = { 1: "persons", 1e3: "thousand persons", 1e4: "10k persons" };
const COUNT_KEYS: Record<number, string> = { 1: "count", 1e4: "万家" };

function multiplierOf(text: string): number | undefined {
  const t = text.trim();
  return MULTIPLIERS.find(([pattern]) => pattern.test(t))?.[1];
}

/** "thousand yuan", "RMB 10k", "USD mn", "10k persons" → a key of the unit table. */
function parseEnglishUnit(lower: string): string | null {
  const money = /^(?:(.*?)\s+)?(cny|rmb|yuan|renminbi|usd|us\$|us dollars?|dollars?|\$)(?:\s*(.*))?$/.exec(lower);
  if (money) {
    const currency = /^(usd|us\$|us dollars?|dollars?|\$)$/.test(money[2]!) ? "USD" : "CNY";
    const before = (money[1] ?? "").trim();
    const after = (money[3] ?? "").trim();
    if (before && after) return null;
    const factor = multiplierOf(before || after);
    return factor === undefined ? null : (MONEY_KEYS[currency][factor] ?? null);
  }
  const people = /^(.*?)\s*(persons?|people)$/.exec(lower);
  if (people) {
    const factor = multiplierOf(people[1]!);
    return factor === undefined ? null : (PEOPLE_KEYS[factor] ?? null);
  }
  const count = /^(.*?)\s*(firms?|enterprises?|companies|company|zones?|units?|number|count|no\.?)$/.exec(lower);
  if (count) {
    const factor = multiplierOf(count[1]!);
    return factor === undefined ? null : (COUNT_KEYS[factor] ?? null);
  }
  if (/^(per ?cent|percentage|pct)$/.test(lower)) return "%";
  return null;
}

// A long file writes the same few units on every row.
const resolvedUnits = new Map<string, string | null>();

/**
 * A unit as written → the key lib/units' toCanonical takes ("千元", "CNY thousand" …);
 * null when it is not a unit this app knows.
 */
export function resolveSourceUnit(text: string): string | null {
  let unit = resolvedUnits.get(text);
  if (unit === undefined) {
    unit = readSourceUnit(text);
    if (resolvedUnits.size < 10_000) resolvedUnits.set(text, unit);
  }
  return unit;
}

function readSourceUnit(text: string): string | null {
  const t = text
    .normalize("NFKC")
    .trim()
    .replace(/^(单位|计量单位|unit|units)\s*[:：]?\s*/i, "")
    .trim();
  if (!t) return null;
  const compact = t.replace(/\s+/g, "").replace(/人民币/g, "");
  const direct = UNIT_BY_LOWER.get(compact.toLowerCase()) ?? UNIT_BY_LOWER.get(t.toLowerCase().replace(/\s+/g, " "));
  if (direct) return direct;
  if (/[\u4e00-\u9fff]/.test(compact)) return null;
  return parseEnglishUnit(t.toLowerCase().replace(/\s+/g, " ").replace(/[.,]$/, ""));
}

export interface HeaderParts {
  /** The header without its unit: "营业收入". */
  label: string;
  /** The unit key, when the header carries a known one. */
  unit: string | null;
  /** The unit as written in the header. */
  unitText: string | null;
}

/** "营业收入（千元）" → { label: "营业收入", unit: "千元" }; a bracket that is not a unit ("出口总额（人民币）") stays in the label. */
export function splitHeaderUnit(header: string): HeaderParts {
  const text = header.trim();
  const bracketed = /^(.*?)\s*[(（[【]([^()（）[\]【】]*)[)）\]】]\s*$/.exec(text);
  if (bracketed) {
    const unit = resolveSourceUnit(bracketed[2]!);
    if (unit) return { label: bracketed[1]!.trim(), unit, unitText: bracketed[2]!.trim() };
  }
  const separated = /^(.*?)\s*[/,，;；]\s*([^/,，;；]+)$/.exec(text);
  if (separated) {
    const unit = resolveSourceUnit(separated[2]!);
    if (unit) return { label: separated[1]!.trim(), unit, unitText: separated[2]!.trim() };
  }
  return { label: text, unit: null, unitText: null };
}
