import { toHalfWidth } from "@/lib/ingest/text";

// Numbers as a yearbook prints them. Blank, "/", "—", "-", "…" mean "not
// available": no observation and no error. "#" marks an "of which" item.
// Footnote marks (*, ①, ², a, 注1) are stripped and kept for the note.
// "1,234.5" and full-width digits are fine.

export type ParsedNumber =
  | { kind: "missing"; symbol: string }
  | {
      kind: "number";
      value: number;
      /** The footnote mark(s) stripped from the figure, e.g. "①" or "注1". */
      footnote: string | null;
      /** Digits after the decimal point as printed; null for numbers typed into a spreadsheet. */
      decimals: number | null;
      /** Written with a trailing % sign. */
      hasPercentSign: boolean;
    }
  | { kind: "invalid" };

const NOT_AVAILABLE = new Set([
  "",
  "/",
  "-",
  "--",
  "—",
  "——",
  "–",
  "−",
  "…",
  "……",
  "...",
  "..",
  "x",
  "×",
  "n.a.",
  "n/a",
  "na",
  "无",
  "空",
]);

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const LEADING_MARK = new RegExp(`^([*※†‡${CIRCLED}]+)`);
const TRAILING_MARKS: readonly RegExp[] = [
  new RegExp(`([*※†‡${CIRCLED}${SUPERSCRIPTS}]+)$`),
  /[(（[]?(注\s*\d+)[)）\]]?$/,
  /[([](\d{1,2})[)\]]$/,
  /(?<=\d)([a-e])$/,
];

/** A number as most cells hold it: no marks, separators or full-width digits to undo. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Parses one cell's text as a yearbook number. */
export function parseYearbookNumber(raw: string): ParsedNumber {
  if (PLAIN_NUMBER.test(raw)) {
    const point = raw.indexOf(".");
    return { kind: "number", value: Number(raw), footnote: null, decimals: point < 0 ? 0 : raw.length - point - 1, hasPercentSign: false };
  }
  let text = toHalfWidth(raw).replace(/[\s\u00a0\u2009\u202f]+/g, "");
  if (NOT_AVAILABLE.has(text.toLowerCase())) return { kind: "missing", symbol: raw.trim() };

  text = text.replace(/^#+/, "");
  const footnotes: string[] = [];
  const leading = LEADING_MARK.exec(text);
  if (leading) {
    footnotes.push(leading[1]!);
    text = text.slice(leading[1]!.length);
  }
  for (let stripped = true; stripped;) {
    stripped = false;
    for (const pattern of TRAILING_MARKS) {
      const match = pattern.exec(text);
      if (match && match.index > 0) {
        footnotes.unshift(match[1]!);
        text = text.slice(0, match.index);
        stripped = true;
      }
    }
  }

  const hasPercentSign = text.endsWith("%");
  if (hasPercentSign) text = text.slice(0, -1);
  text = text.replace(/^[−–]/, "-");

  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { kind: "invalid" };

  const value = Number(text);
  if (!Number.isFinite(value)) return { kind: "invalid" };
  const decimals = /e/i.test(text) ? null : (text.split(".")[1]?.length ?? 0);
  return { kind: "number", value, footnote: footnotes.length ? footnotes.join(" ") : null, decimals, hasPercentSign };
}

/** True for the text of a cell that holds nothing, or a "not available" symbol. */
export function isNotAvailable(raw: string): boolean {
  return NOT_AVAILABLE.has(toHalfWidth(raw).replace(/\s+/g, "").toLowerCase());
}
