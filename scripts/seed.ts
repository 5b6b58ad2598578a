// npm run db:seed — loads the reference data and seed editions (idempotent).
import { openDatabase } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { seedDatabase } from "@/lib/server/seed/seed-database";
import { runCli } from "./cli";

runCli(async () => {
  const db = await openDatabase();
  try {
    await migrate(db);
    const { written, unchanged, renamed } = await seedDatabase(db);
    if (renamed.parks) console.log(`✔ Renamed ${renamed.parks} zones to readable codes (${renamed.observations} observations, ${renamed.shortLinks} short links)`);
    for (const edition of written) console.log(`✔ Seeded edition ${edition.slug}: ${edition.observations} observations`);
    if (unchanged.length) console.log(`✔ Unchanged: ${unchanged.join(", ")}`);
  } finally {
    await db.close();
  }
});
