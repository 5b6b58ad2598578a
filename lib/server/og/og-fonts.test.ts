import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fontCoverage } from "@/lib/og/font-coverage";
import { ogCharacters, ogRequiredCharacters } from "@/lib/server/og/og-charset";
import { getOgFonts, OG_FONT_DIR } from "@/lib/server/og/og-fonts";

const FONT_FILES = ["NotoSansSC-Regular.subset.ttf", "NotoSansSC-Bold.subset.ttf"];
/** The committed fonts together stay under this (the full Noto Sans SC is ~10 MB a weight). */
const MAX_TOTAL_BYTES = 1_200_000;

describe("link-preview fonts", () => {
  it("ship with their licence and stay small", () => {
    expect(fs.readFileSync(path.join(OG_FONT_DIR, "OFL.txt"), "utf8")).toContain("SIL OPEN FONT LICENSE");
    const total = FONT_FILES.reduce((sum, file) => sum + fs.statSync(path.join(OG_FONT_DIR, file)).size, 0);
    expect(total).toBeLessThan(MAX_TOTAL_BYTES);
  });

  it("cover everything a preview prints: metric, unit and place names, its own strings (else run `npm run og:fonts`)", () => {
    // Characters Noto Sans SC itself lacks (the build lists them): drawn as a mark instead.
    const absent = new Set(fs.readFileSync(path.join(OG_FONT_DIR, "not-in-font.txt"), "utf8").trim());
    const wanted = [...ogRequiredCharacters()].filter((char) => !absent.has(char));
    expect(wanted.length).toBeGreaterThan(300);
    for (const file of FONT_FILES) {
      const covered = fontCoverage(fs.readFileSync(path.join(OG_FONT_DIR, file)));
      const missing = wanted.filter((char) => char !== " " && !covered.has(char.codePointAt(0)!));
      expect(missing.join(""), `${file} lacks these characters: run npm run og:fonts`).toBe("");
    }
  });

  it("are cut down to the app's own text: required characters, then the rest of the source", () => {
    const required = new Set(ogRequiredCharacters());
    const all = new Set(ogCharacters());
    expect([...required].every((char) => all.has(char))).toBe(true);
    expect(all.size).toBeGreaterThan(required.size);
  });

  it("cover province names and digits but not every Chinese character, so the renderer must check", () => {
    const { covers, fonts } = getOgFonts("Noto Sans SC");
    expect(fonts.map((f) => f.weight)).toEqual([400, 700]);
    for (const char of "北京广东新疆内蒙古黑龙江0123456789%¥—□") expect(covers(char.codePointAt(0)!), char).toBe(true);
    expect(covers("龘".codePointAt(0)!)).toBe(false);
  });
});
