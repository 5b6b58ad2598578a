// Text helpers for the link-preview image: keep every character inside the shipped
// fonts, and shorten lines to the space they get (Satori cannot measure text for us
// before laying it out, so widths are estimated in ems).

/** Does the preview font have a glyph for this code point? */
export type TCovers = (codePoint: number) => boolean;

/** Drawn in place of a character the fonts lack (it is in them itself). */
export const MISSING_MARK = "□";

function isSpace(char: string): boolean {
  return /\s/.test(char);
}

/** True when the fonts can draw every character of the text. */
export function isCovered(text: string, covers: TCovers): boolean {
  for (const char of text) if (!isSpace(char) && !covers(char.codePointAt(0)!)) return false;
  return true;
}

/**
 * The text with whitespace runs made single spaces and every character the fonts
 * lack replaced by a visible mark, so the renderer never looks for another font.
 */
export function coverText(text: string, covers: TCovers): string {
  const mark = covers(MISSING_MARK.codePointAt(0)!) ? MISSING_MARK : "?";
  let out = "";
  for (const char of text.replace(/\s+/g, " ")) out += char === " " || covers(char.codePointAt(0)!) ? char : mark;
  return out;
}

/** The preferred text (e.g. a Chinese name) when the fonts cover it, else the fallback (e.g. the English one). */
export function pickCovered(preferred: string, fallback: string, covers: TCovers): string {
  return isCovered(preferred, covers) ? preferred : coverText(fallback, covers);
}

/** Approximate advance width in ems: CJK is square, Latin about half as wide. */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x2e80 || (code >= 0xff00 && code <= 0xffef)) em += 1;
    else if (char === " ") em += 0.26;
    else if (/[0-9]/.test(char)) em += 0.56;
    else if (/[mwMW@%]/.test(char)) em += 0.86;
    else if (/[A-Z]/.test(char)) em += 0.66;
    else if (/[ijlt.,:;'|!()[\]·]/.test(char)) em += 0.28;
    else em += 0.53;
  }
  return em;
}

/** The text cut to fit maxEm ems, ending in "…" when cut. */
export function fitText(text: string, maxEm: number): string {
  if (textWidthEm(text) <= maxEm) return text;
  const chars = [...text];
  let out = "";
  for (const char of chars) {
    if (textWidthEm(`${out}${char}…`) > maxEm) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}
