// Laying out SVG on the server, which cannot measure text. Used by the static charts and
// their models: the plot area is an <svg> placed with CSS (pixel margins, calc() sizes), so
// everything inside can be positioned in percentages of the plot box plus pixel offsets.
// Text, dots and bars keep their real pixel size at any container width, exactly like
// Recharts, instead of a viewBox that scales the fonts.

/** Recharts' defaults, so the swap to the interactive chart is barely visible. */
export const FONT_SIZE = 12;
export const TICK_SIZE = 6;
/** Tick length plus Recharts' tick margin: the gap between the axis line and a tick label. */
export const TICK_LABEL_GAP = TICK_SIZE + 2;
/** Recharts' Text vertical anchors (capHeight 0.71em). */
export const DY_MIDDLE = "0.355em";
export const DY_START = "0.71em";

/** A number for an SVG attribute: rounded so the markup is small and stable, never "-0". */
export function fmt(value: number, digits = 2): string {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return String(rounded === 0 ? 0 : rounded);
}

/** A fraction of the plot box (0 → 1) as an SVG percentage. */
export function pct(fraction: number): string {
  return `${fmt(fraction * 100, 3)}%`;
}

// ---------------------------------------------------------------------------
// Text size, estimated (the server cannot measure text). Recharts measures tick labels at
// their 12px font size in a span that takes the page's line height (1.5), but wraps
// category names measuring each word at the page's 16px font (Text has no style).

export const MEASURE_FONT_SIZE = 16;
/** Height Recharts measures for a 12px tick label: the page's line height of 1.5. */
export const MEASURED_LABEL_HEIGHT = 18;

export function estimateTextWidth(text: string, fontSize = FONT_SIZE): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x2e80) em += 1;
    else if (char === " ") em += 0.28;
    else if (/[0-9]/.test(char)) em += 0.6;
    else if (/[mwMW]/.test(char)) em += 0.85;
    else if (/[A-Z]/.test(char)) em += 0.68;
    else if (/[ijlt.,:;'|!()[\]]/.test(char)) em += 0.3;
    else em += 0.57;
  }
  return em * fontSize;
}

/**
 * Container widths (px) of Tailwind's named container sizes, with a class that hides an
 * element in any narrower container. The classes are spelled out so Tailwind finds them.
 */
const HIDE_BELOW: readonly [number, string][] = [
  [256, "@max-3xs:hidden"],
  [288, "@max-2xs:hidden"],
  [320, "@max-xs:hidden"],
  [384, "@max-sm:hidden"],
  [448, "@max-md:hidden"],
  [512, "@max-lg:hidden"],
  [576, "@max-xl:hidden"],
  [672, "@max-2xl:hidden"],
  [768, "@max-3xl:hidden"],
  [896, "@max-4xl:hidden"],
  [1024, "@max-5xl:hidden"],
  [1152, "@max-6xl:hidden"],
  [1280, "@max-7xl:hidden"],
];

/**
 * The class that hides an element while its @container is narrower than minWidth px
 * (rounded up to a named size: an element may hide a little early, never show too
 * early); "" when it always fits, null when no named size is wide enough.
 */
export function hideBelowClass(minWidth: number): string | null {
  if (minWidth <= 0) return "";
  const found = HIDE_BELOW.find(([width]) => width >= minWidth);
  return found ? found[1] : null;
}

/** Greedy word wrap to maxWidth, like Recharts' Text with a width; a word longer than a line stays whole. */
export function wrapWords(text: string, maxWidth: number, fontSize = MEASURE_FONT_SIZE): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && estimateTextWidth(candidate, fontSize) > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [text];
}

/**
 * The dy of each line of a label centred on its y, as Recharts' Text with verticalAnchor
 * "middle" (line height 1em, cap height 0.71em): ["0.355em"] for one line.
 */
export function middleAnchorDy(lineCount: number): string[] {
  return Array.from({ length: lineCount }, (_, index) =>
    index === 0 ? `${fmt(-(lineCount - 1) / 2 + 0.355, 3)}em` : "1em",
  );
}
