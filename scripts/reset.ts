// npm run db:reset — drops everything in the configured database, then migrates and seeds it again.
import fs from "node:fs/promises";
import { EnvError, getDatabaseConfig } from "@/lib/env";
import { openDatabase } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { seedDatabase } from "@/lib/server/seed/seed-database";
import { runCli } from "./cli";

runCli(async () => {
  const config = getDatabaseConfig();
  if (config.kind === "postgres" && !process.argv.includes("--yes")) {
    throw new EnvError("db:reset drops every table in DATABASE_URL's database: run `npm run db:reset -- --yes` to confirm.");
  }
  if (config.kind === "embedded") {
    await fs.rm(config.dataDir, { recursive: true, force: true });
  }
  const db = await openDatabase(config);
  try {
    if (db.kind === "postgres") {
      await db.withConnection((connection) =>
        connection.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`),
      );
    }
    await migrate(db);
    const { written } = await seedDatabase(db);
    console.log(`✔ Reset ${db.kind} database ${db.location}: ${written.map((e) => `${e.slug} (${e.observations})`).join(", ")}`);
  } finally {
    await db.close();
  }
});
