// Which characters a TrueType/OpenType font has glyphs for, read from its cmap table.
// The link-preview renderer uses it to keep every character it draws inside the shipped
// fonts: Satori would otherwise try to download a fallback font for the rest.

function findTable(view: DataView, tag: string): number | null {
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    if (name === tag) return view.getUint32(record + 8);
  }
  return null;
}

/** Format 4: segments of BMP code points (Unicode BMP subtables). */
function readFormat4(view: DataView, offset: number, into: Set<number>): void {
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (code + delta) & 0xffff;
      } else {
        const at = rangeOffsetAt + rangeOffset + (code - start) * 2;
        const raw = view.getUint16(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) into.add(code);
    }
  }
}

/** Format 12: groups of code points, any plane (Unicode full-repertoire subtables). */
function readFormat12(view: DataView, offset: number, into: Set<number>): void {
  const groups = view.getUint32(offset + 12);
  for (let g = 0; g < groups; g++) {
    const group = offset + 16 + g * 12;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const firstGlyph = view.getUint32(group + 8);
    for (let code = start; code <= end; code++) if (firstGlyph + (code - start) !== 0) into.add(code);
  }
}

/**
 * The code points the font maps to a glyph, from its Unicode cmap subtables
 * (formats 4 and 12, which every TrueType/OpenType font with Unicode text has).
 */
export function fontCoverage(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = findTable(view, "cmap");
  const covered = new Set<number>();
  if (cmap === null) return covered;
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const isUnicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!isUnicode) continue;
    const subtable = cmap + view.getUint32(record + 4);
    const format = view.getUint16(subtable);
    if (format === 4) readFormat4(view, subtable, covered);
    else if (format === 12) readFormat12(view, subtable, covered);
  }
  return covered;
}
