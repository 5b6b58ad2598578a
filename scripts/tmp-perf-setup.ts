import { openDatabase } from "@/lib/server/db";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { addSyntheticZones, createDatabase } from "./bench-data";
const ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres";
(async () => {
  const url = await createDatabase(ADMIN, "perf_tpl");
  const db = await openDatabase({ kind: "postgres", url });
  await prepareDatabase(db).finally(() => db.close());
  await addSyntheticZones(url, 100);
  console.log(url);
})();
