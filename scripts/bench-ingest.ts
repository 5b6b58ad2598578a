// One ingest measurement, run by scripts/bench.ts in a process of its own so
// its peak RSS is the ingest's: a generated long-layout CSV of N rows goes
// through the real path (stream → validate → draft → diff → publish) on the
// database in DATABASE_URL. Prints one JSON line.
import { randomUUID } from "node:crypto";
import { generateLongCsv } from "@/lib/ingest/testing";
import { closeSharedDatabase, getDatabase } from "@/lib/server/db";
import { getEditionDiff } from "@/lib/server/editions/edition-diff";
import { publishEdition } from "@/lib/server/editions/edition-lifecycle";
import { getIngestReference } from "@/lib/server/editions/ingest-reference";
import { uploadEdition } from "@/lib/server/editions/upload-edition";
import { createUser } from "@/lib/server/users/create-user";
import { runCli } from "./cli";

const CHUNK_BYTES = 64 * 1024;

async function* chunksOf(buffer: Buffer): AsyncIterable<Uint8Array> {
  for (let start = 0; start < buffer.length; start += CHUNK_BYTES) yield buffer.subarray(start, start + CHUNK_BYTES);
}

runCli(async () => {
  const rows = Number(process.argv[2] ?? "100000");
  const db = await getDatabase();
  const actor = await createUser(
    db,
    { email: `bench-${randomUUID()}@example.org`, name: "Benchmark", role: "editor", password: randomUUID() },
    null,
  );
  const csv = generateLongCsv(rows, await getIngestReference(db));

  let started = performance.now();
  const outcome = await uploadEdition(db, { title: `Bench ${rows} rows`, source: "generated", yearbookYear: null, fileName: "bench.csv" }, chunksOf(csv), actor.id);
  const uploadMs = performance.now() - started;
  if (outcome.status !== "draft") throw new Error(`The generated file did not validate: ${outcome.report.problems[0]?.reason}`);

  started = performance.now();
  const diff = await getEditionDiff(db, outcome.edition.id);
  const diffMs = performance.now() - started;

  started = performance.now();
  await publishEdition(db, outcome.edition.id, actor.id);
  const publishMs = performance.now() - started;

  console.log(
    JSON.stringify({
      rows,
      bytes: csv.length,
      uploadMs,
      diffMs,
      publishMs,
      changed: diff.changed.length,
      added: diff.added.length,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
  await closeSharedDatabase();
});
