// Publishes one edition and exits: the process tests/editions.int.test.ts
// kills while its publish transaction is blocked, to prove a publish that
// dies half-way leaves nothing behind.
//
//   DATABASE_URL=… npx tsx --conditions=react-server tests/support/publish-child.ts <editionId> <actorId>
import { closeSharedDatabase, getDatabase } from "@/lib/server/db";
import { publishEdition } from "@/lib/server/editions/edition-lifecycle";

const [editionArg, actorId] = process.argv.slice(2);
const editionId = Number(editionArg);
if (!Number.isInteger(editionId) || editionId < 1 || !actorId) {
  console.error("usage: publish-child.ts <editionId> <actorId>");
  process.exit(2);
}

try {
  const db = await getDatabase();
  console.log(`publishing edition ${editionId}`);
  await publishEdition(db, editionId, actorId);
  console.log(`published edition ${editionId}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await closeSharedDatabase();
}
