import "server-only";
import fs from "node:fs";
import path from "node:path";
import { fontCoverage } from "@/lib/og/font-coverage";
import type { TCovers } from "@/lib/og/og-text";

// The link-preview fonts: Noto Sans SC Regular and Bold (SIL OFL 1.1, fonts/OFL.txt),
// cut down to the characters the app prints by `npm run og:fonts`. Read from disk once;
// the same array goes to every render, which lets Satori keep its parsed fonts.

export const OG_FONT_DIR = path.join(process.cwd(), "lib", "server", "og", "fonts");
const FILES = [
  { file: "NotoSansSC-Regular.subset.ttf", weight: 400 },
  { file: "NotoSansSC-Bold.subset.ttf", weight: 700 },
] as const;

export interface OgFont {
  name: string;
  data: ArrayBuffer;
  weight: 400 | 700;
  style: "normal";
}

export interface OgFonts {
  fonts: OgFont[];
  /** True for code points every weight can draw; anything else is replaced before rendering. */
  covers: TCovers;
}

let loaded: OgFonts | undefined;

/** The fonts and the characters they cover, loaded on first use. */
export function getOgFonts(family: string): OgFonts {
  if (loaded && loaded.fonts[0]?.name === family) return loaded;
  const files = FILES.map(({ file, weight }) => ({ weight, bytes: fs.readFileSync(path.join(OG_FONT_DIR, file)) }));
  const coverages = files.map(({ bytes }) => fontCoverage(bytes));
  const [first, ...rest] = coverages;
  const covered = new Set([...first!].filter((code) => rest.every((coverage) => coverage.has(code))));
  loaded = {
    fonts: files.map(({ weight, bytes }) => ({
      name: family,
      data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      weight,
      style: "normal",
    })),
    covers: (code) => covered.has(code),
  };
  return loaded;
}
