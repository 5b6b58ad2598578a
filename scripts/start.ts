// npm start — validates the configuration, migrates and (if empty) seeds the
// database, builds the app if the build is missing or stale, then serves it.
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { readEnv } from "@/lib/env";
import { startAppServer } from "@/lib/server/app-server";
import { closeSharedDatabase, openDatabase } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { buildIfStale } from "./build-if-stale";
import { runCli } from "./cli";

/** How long a stopping server waits for the requests in flight before it cuts them. */
const DRAIN_MS = 10_000;

/**
 * Stops taking connections and closes the idle ones, then waits for the requests
 * in flight to be answered (a load balancer sends the next ones elsewhere), so a
 * rolling restart fails no request.
 */
async function drain(server: http.Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A keep-alive connection that answers its request while stopping is closed after it.
  server.on("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader("Connection", "close");
  });
  const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await closed;
  clearTimeout(timer);
}

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
  console.log(`… Stopping (${signal}): answering the requests in flight`);
  await drain(server);
  await closeSharedDatabase();
});
