// npm run og:fonts — rebuilds the link-preview fonts in lib/server/og/fonts/: Noto Sans SC
// (SIL Open Font License 1.1) Regular and Bold, cut down to the characters the app prints,
// so the committed files stay small and the preview renderer never needs the network.
//
// The full fonts come from the npm package below, fetched with `npm pack` into a temporary
// folder (or taken from --source <unpacked package folder>) and checked against its
// integrity hash. Run it again after adding UI text, metric or place names in new
// characters; lib/server/og/og-fonts.test.ts fails until you do.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import subsetFont from "subset-font";
import { fontCoverage } from "@/lib/og/font-coverage";
import { ogCharacters } from "@/lib/server/og/og-charset";

const PACKAGE = "@expo-google-fonts/noto-sans-sc@0.4.3";
const PACKAGE_INTEGRITY = "sha512-9rAwdFTFHbO/u6Cs0gj2jZbW74TGIiaFNQnXYH2s5wA1bzVkwbaviL4t8YUV642eGYjg86eH6DkAEQmfNHDncQ==";
const WEIGHTS = [
  { file: "400Regular/NotoSansSC_400Regular.ttf", out: "NotoSansSC-Regular.subset.ttf" },
  { file: "700Bold/NotoSansSC_700Bold.ttf", out: "NotoSansSC-Bold.subset.ttf" },
] as const;
const OUT_DIR = path.join("lib", "server", "og", "fonts");

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${result.stderr.trim().split("\n").pop()}`);
  return result.stdout;
}

/** Unpacks the pinned font package into a temporary folder and returns the package folder. */
function fetchPackage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "og-fonts-"));
  const tarball = run("npm", ["pack", PACKAGE, "--silent", "--pack-destination", dir], dir).trim().split("\n").pop()!;
  const bytes = fs.readFileSync(path.join(dir, tarball));
  const integrity = `sha512-${createHash("sha512").update(bytes).digest("base64")}`;
  if (integrity !== PACKAGE_INTEGRITY) throw new Error(`${PACKAGE}: integrity ${integrity} is not the pinned one`);
  run("tar", ["xzf", tarball], dir);
  return path.join(dir, "package");
}

async function main(): Promise<void> {
  const sourceFlag = process.argv.indexOf("--source");
  const source = sourceFlag === -1 ? fetchPackage() : path.resolve(process.argv[sourceFlag + 1] ?? "");
  try {
    await writeSubsets(source);
  } finally {
    if (sourceFlag === -1) fs.rmSync(path.dirname(source), { recursive: true, force: true });
  }
}

async function writeSubsets(source: string): Promise<void> {
  const text = ogCharacters();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const absent = new Set<string>();
  for (const weight of WEIGHTS) {
    const full = fs.readFileSync(path.join(source, weight.file));
    const subset = await subsetFont(full, text, { targetFormat: "truetype" });
    fs.writeFileSync(path.join(OUT_DIR, weight.out), subset);
    const covered = fontCoverage(subset);
    for (const char of text) if (char !== " " && !covered.has(char.codePointAt(0)!)) absent.add(char);
    console.log(`${weight.out}: ${covered.size} characters, ${(subset.length / 1024).toFixed(0)} KB`);
  }
  // Characters the app uses that Noto Sans SC itself lacks: the renderer draws a mark instead.
  fs.writeFileSync(path.join(OUT_DIR, "not-in-font.txt"), `${[...absent].join("")}\n`);
  console.log(`not in the font: ${[...absent].join("") || "none"}`);
  fs.copyFileSync(path.join(source, "LICENSE_FONT"), path.join(OUT_DIR, "OFL.txt"));
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
