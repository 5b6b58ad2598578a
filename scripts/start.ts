// npm start — validates the configuration, migrates and (if empty) seeds the
// database, builds the app if the build is missing or stale, then serves it.
import fs from "node:fs";
import path from "node:path";
import { readEnv } from "@/lib/env";
import { startAppServer } from "@/lib/server/app-server";
import { closeSharedDatabase, openDatabase } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { buildIfStale } from "./build-if-stale";
import { runCli } from "./cli";

runCli(async () => {
  const env = readEnv();
  const db = await openDatabase();
  try {
    const { migrationsApplied, seeded, renamed } = await prepareDatabase(db);
    if (migrationsApplied.length) console.log(`✔ Migrated ${db.kind} database: ${migrationsApplied.join(", ")}`);
    if (seeded) console.log(`✔ Seeded: ${seeded.written.map((e) => `${e.slug} (${e.observations})`).join(", ")}`);
    if (renamed) console.log(`✔ Renamed ${renamed.parks} zones to readable codes (${renamed.observations} observations, ${renamed.shortLinks} short links)`);
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
