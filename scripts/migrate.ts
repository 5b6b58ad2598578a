// npm run db:migrate — applies prisma/migrations to the configured database.
import { openDatabase } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { runCli } from "./cli";

runCli(async () => {
  const db = await openDatabase();
  try {
    const { applied, latest } = await migrate(db);
    console.log(
      applied.length
        ? `✔ Applied ${applied.length} migration(s) to ${db.kind} database ${db.location}: ${applied.join(", ")}`
        : `✔ ${db.kind} database ${db.location} is up to date (${latest})`,
    );
  } finally {
    await db.close();
  }
});
