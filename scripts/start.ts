// npm start — validates the configuration, migrates and (if empty) seeds the
// database, builds the app if the build is missing or stale, then serves it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readEnv } from "@/lib/env";
import { startAppServer } from "@/lib/server/app-server";
import { closeSharedDatabase, openDatabase } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { runCli } from "./cli";

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

/** A hash of everything the production build depends on, to rebuild only when it changed. */
function hashSources(): string {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap(listFiles)) hash.update(file).update(fs.readFileSync(file));
  return hash.digest("hex");
}

function buildIfStale(): void {
  const sourceHash = hashSources();
  const isFresh =
    fs.existsSync(path.join(".next", "BUILD_ID")) &&
    fs.existsSync(HASH_FILE) &&
    fs.readFileSync(HASH_FILE, "utf8") === sourceHash;
  if (isFresh) return;
  console.log("… Building the app (first start or changed sources; takes a minute or two)");
  const build = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed (see the output above)");
  fs.writeFileSync(HASH_FILE, sourceHash);
}

runCli(async () => {
  const env = readEnv();
  const db = await openDatabase();
  try {
    const { migrationsApplied, seeded } = await prepareDatabase(db);
    if (migrationsApplied.length) console.log(`✔ Migrated ${db.kind} database: ${migrationsApplied.join(", ")}`);
    if (seeded) console.log(`✔ Seeded: ${seeded.written.map((e) => `${e.slug} (${e.observations})`).join(", ")}`);
    console.log(`✔ Using the ${db.kind} database at ${db.location}`);
  } finally {
    // PGlite allows one process at a time: release it before the server opens it.
    await db.close();
  }
  if (process.argv.includes("--no-build")) {
    if (!fs.existsSync(path.join(".next", "BUILD_ID"))) throw new Error("No production build: run npm run build first.");
  } else {
    buildIfStale();
  }

  const server = await startAppServer(env.PORT, { trustProxy: env.TRUST_PROXY });
  console.log(`✔ Torch Atlas is ready on http://localhost:${env.PORT}`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const name of ["SIGINT", "SIGTERM"] as const) process.once(name, () => resolve(name));
  });
  console.log(`… Stopping (${signal})`);
  server.close();
  server.closeAllConnections();
  await closeSharedDatabase();
});
