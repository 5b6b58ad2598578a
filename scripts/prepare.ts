// Migrates the configured database and seeds it if empty (used by `npm run dev`).
import { openDatabase } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { runCli } from "./cli";

runCli(async () => {
  const db = await openDatabase();
  try {
    const result = await prepareDatabase(db);
    console.log(`✔ ${db.kind} database ${db.location} ready${result.seeded ? " (seeded)" : ""}`);
  } finally {
    await db.close();
  }
});
