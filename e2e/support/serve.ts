// Starts one e2e server: recreates its database (the e2e PostgreSQL database
// or PGlite folder only), creates the test accounts with `admin:create`, then
// runs the app's own start script without building.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { getDatabaseConfig } from "@/lib/env";
import { E2E_USERS } from "./users";

async function resetDatabase(): Promise<void> {
  const config = getDatabaseConfig();
  if (config.kind === "embedded") {
    fs.rmSync(config.dataDir, { recursive: true, force: true });
    return;
  }
  const target = new URL(config.url);
  const name = target.pathname.slice(1);
  if (!name.endsWith("_e2e")) throw new Error(`Refusing to reset ${name}: not an e2e database`);
  const client = new pg.Client({ connectionString: process.env.E2E_ADMIN_DATABASE_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

/** The same path an operator takes: the admin:create script, password from ADMIN_PASSWORD. */
function createAccounts(): void {
  for (const user of Object.values(E2E_USERS)) {
    const result = spawnSync(
      "npx",
      ["--no-install", "tsx", "--conditions=react-server", "scripts/admin-create.ts", "--email", user.email, "--role", user.role],
      { stdio: "inherit", env: { ...process.env, ADMIN_PASSWORD: user.password } },
    );
    if (result.status !== 0) throw new Error(`admin:create failed for ${user.email}`);
  }
}

await resetDatabase();
createAccounts();
const server = spawn("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/start.ts", "--no-build"], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
