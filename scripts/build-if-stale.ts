// The production build, redone only when something it depends on changed:
// `npm start`, `npm run build`, the bench and the resilience suite share it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const HASH_FILE = path.join(".next", "torch-source-hash");

function listFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry)
    .sort()
    .flatMap((name) => listFiles(path.join(entry, name)));
}

/** A hash of everything the production build depends on. */
function hashSources(): string {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap(listFiles)) hash.update(file).update(fs.readFileSync(file));
  return hash.digest("hex");
}

/** Runs `next build` unless the build in .next was made from these very sources (or always, with force). */
export function buildIfStale(options: { force?: boolean } = {}): void {
  const sourceHash = hashSources();
  const isFresh =
    fs.existsSync(path.join(".next", "BUILD_ID")) &&
    fs.existsSync(HASH_FILE) &&
    fs.readFileSync(HASH_FILE, "utf8") === sourceHash;
  if (isFresh && !options.force) return;
  console.log("… Building the app (first start or changed sources; takes a minute or two)");
  const build = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed (see the output above)");
  fs.writeFileSync(HASH_FILE, sourceHash);
}
