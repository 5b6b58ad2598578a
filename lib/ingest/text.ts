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
