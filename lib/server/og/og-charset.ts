import "server-only";
import fs from "node:fs";
import path from "node:path";

// The characters the link-preview fonts must hold: every character in the app's own
// source (UI strings, metric, unit and place names live there or in the seed data) plus
// printable ASCII, Latin-1 and the punctuation numbers and captions use. Used by
// scripts/build-og-fonts.ts to cut the fonts down, and by a unit test that fails when new
// text needs characters the committed fonts lack.

const SOURCE_DIRS = ["lib", "components", "app"];
const SEED_DATA_DIR = path.join("prisma", "seed", "data");
/** The fallback mark for characters outside the fonts (see og-text.ts) and common punctuation. */
const EXTRA =
  "□–—‘’“”…•·→←↑↓×÷−±≤≥%‰№、。〈〉《》「」『』【】〔〕（），：；！？～％＋－＝．／ ";

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated" && entry.name !== "fonts") yield* sourceFiles(full);
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
      yield full;
    }
  }
}

function range(from: number, to: number): string {
  return String.fromCodePoint(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/** Every character the preview fonts should cover, sorted by code point, no duplicates. */
export function ogCharacters(root: string = process.cwd()): string {
  const texts = [range(0x20, 0x7e), range(0xa0, 0xff), EXTRA];
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(path.join(root, dir))) texts.push(fs.readFileSync(file, "utf8"));
  }
  for (const name of fs.readdirSync(path.join(root, SEED_DATA_DIR))) {
    if (name.endsWith(".csv")) texts.push(fs.readFileSync(path.join(root, SEED_DATA_DIR, name), "utf8"));
  }
  const set = new Set<number>();
  for (const text of texts) {
    for (const char of text) {
      const code = char.codePointAt(0)!;
      // Control characters, private use, variation selectors and emoji have no place in a preview.
      if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xe000 && code <= 0xf8ff) || (code >= 0xfe00 && code <= 0xfe0f) || code > 0xffff) continue;
      set.add(code);
    }
  }
  return String.fromCodePoint(...[...set].sort((a, b) => a - b));
}
