import "server-only";
import fs from "node:fs";
import path from "node:path";
import { dictionary } from "@/lib/i18n";

// The characters the link-preview fonts hold. ogRequiredCharacters(): what a preview can
// print — printable ASCII, Latin-1, common punctuation, metric, unit and place names, the
// preview's own strings — which a unit test checks the committed fonts cover.
// ogCharacters(): that plus every character in the app's source, which
// scripts/build-og-fonts.ts cuts the fonts down to, so most other text renders too.

const SOURCE_DIRS = ["lib", "components", "app"];
const SEED_DATA_DIR = path.join("prisma", "seed", "data");
/** Sources of what a preview prints: its own strings, metric and unit names (growth rates' too), number words. */
const REQUIRED_FILES = ["lib/og/describe-view.ts", "lib/og/og-model.ts", "lib/coverage.ts", "lib/metrics.ts", "lib/units.ts", "lib/format.ts", "lib/display-unit.ts", "lib/growth.ts"];
/** Seed data with place names (provinces, regions, zones). */
const REQUIRED_SEED_FILES = ["provinces_regions.csv", "zones_registry_partial.csv", "zones_1988_1997_cohorts_partial.csv", "zone_codes.csv"];
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

function toCharacterSet(texts: string[]): string {
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

function requiredTexts(root: string): string[] {
  const zh = dictionary("zh");
  return [
    range(0x20, 0x7e),
    range(0xa0, 0xff),
    EXTRA,
    zh.appName,
    ...Object.values(zh.modes),
    ...Object.values(zh.coverageStatus),
    ...REQUIRED_FILES.map((file) => fs.readFileSync(path.join(root, file), "utf8")),
    ...REQUIRED_SEED_FILES.map((file) => fs.readFileSync(path.join(root, SEED_DATA_DIR, file), "utf8")),
  ];
}

/** What a preview prints: the committed fonts must cover all of it (a unit test checks). */
export function ogRequiredCharacters(root: string = process.cwd()): string {
  return toCharacterSet(requiredTexts(root));
}

/** What the fonts are cut down to: the required characters and every character of the app's source and seed data. */
export function ogCharacters(root: string = process.cwd()): string {
  const texts = requiredTexts(root);
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(path.join(root, dir))) texts.push(fs.readFileSync(file, "utf8"));
  }
  for (const name of fs.readdirSync(path.join(root, SEED_DATA_DIR))) {
    if (name.endsWith(".csv")) texts.push(fs.readFileSync(path.join(root, SEED_DATA_DIR, name), "utf8"));
  }
  return toCharacterSet(texts);
}
