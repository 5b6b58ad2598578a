// Text normalisation shared by the alias tables: yearbook names come with
// full-width characters, padding spaces ("北　京"), odd brackets and case.

/** Full-width ASCII (Ｂｅｉｊｉｎｇ，１２３) and the ideographic space to their plain forms; leaves ①, ² and CJK alone. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * A lookup key for a name: NFKC (full-width → half-width), lower case, and
 * without whitespace or the punctuation names are written with in varying
 * ways, so "Inner  Mongolia", "inner-mongolia" and "ＩＮＮＥＲ ＭＯＮＧＯＬＩＡ" meet.
 */
export function nameKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s._'’·•\-–—:：,，、"“”]+/g, "");
}

/** Trims and collapses runs of whitespace (incl. full-width) to one space. */
export function cleanText(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, " ").trim();
}

/** Strips the "of which" marks a yearbook puts before sub-items: "#", "其中：", "其中:". */
export function stripOfWhich(text: string): string {
  return text.replace(/^\s*(?:[#＃]+|其中\s*[:：]?)\s*/, "");
}

/**
 * The parts of a bilingual or multi-line cell, as the yearbook prints them:
 * "北 京 Beijing" → ["北 京", "Beijing"]; "营业收入\nOperating Revenue\n(千元)" → its
 * lines. Empty when the text is one part only.
 */
export function textParts(text: string): string[] {
  const parts = new Set<string>();
  for (const line of text.split(/[\r\n]+/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    parts.add(trimmed);
    // Chinese first, then English: split where the Latin letters start.
    const mixed = /^([^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*?)\s*([A-Za-z].*)$/.exec(trimmed);
    if (mixed) {
      parts.add(mixed[1]!.trim());
      parts.add(mixed[2]!.trim());
    }
  }
  parts.delete(text.trim());
  return [...parts];
}
