// One ingest measurement, run by scripts/bench.ts in processes of their own so
// the peak RSS is the ingest's: `generate <rows> <file>` writes a compact
// long-layout CSV from the reference in DATABASE_URL; `ingest <file>` streams it
// through the real path (validate → draft → diff → publish) on the database in
// DATABASE_URL, under the product's upload limits, and prints one JSON line.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { generateLongCsv } from "@/lib/ingest/testing";
import { closeSharedDatabase, getDatabase } from "@/lib/server/db";
import { getEditionDiffOverview } from "@/lib/server/editions/edition-diff";
import { publishEdition } from "@/lib/server/editions/edition-lifecycle";
import { getIngestReference } from "@/lib/server/editions/ingest-reference";
import { uploadEdition } from "@/lib/server/editions/upload-edition";
import { runCli } from "./cli";

const megabytes = (bytes: number) => bytes / (1024 * 1024);

runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  const db = await getDatabase();
  if (command === "generate") {
    const [rows, file] = args;
    fs.writeFileSync(file!, generateLongCsv(Number(rows), await getIngestReference(db), { compact: true }));
    await closeSharedDatabase();
    return;
  }
  const file = args[0]!;
  // The uploader: only its id matters here (no password hashing in the measured process).
  const actor = await db.prisma.user.create({
    data: { id: randomUUID(), name: "Benchmark", email: `bench-${randomUUID()}@example.org`, role: "editor" },
    select: { id: true },
  });
  const bytes = fs.statSync(file).size;
  // What the process holds before reading a byte: Node, Prisma's engine and the pool.
  const baselineRssMb = megabytes(process.memoryUsage().rss);

  let started = performance.now();
  const outcome = await uploadEdition(
    db,
    { title: "Bench upload", source: "generated", yearbookYear: null, fileName: "bench.csv" },
    fs.createReadStream(file),
    actor.id,
  );
  const uploadMs = performance.now() - started;
  if (outcome.status !== "draft")
    throw new Error(`The generated file did not validate: ${outcome.report.problems[0]?.reason}`);

  // The diff as the draft's page reads it: the counts and the first page of each list.
  started = performance.now();
  const { counts } = await getEditionDiffOverview(db, outcome.edition.id, { limit: 100 });
  const diffMs = performance.now() - started;

  started = performance.now();
  await publishEdition(db, outcome.edition.id, actor.id);
  const publishMs = performance.now() - started;

  console.log(
    JSON.stringify({
      rows: outcome.report.observationCount,
      bytes,
      uploadMs,
      diffMs,
      publishMs,
      changed: counts.changed,
      added: counts.added,
      baselineRssMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
  await closeSharedDatabase();
});
