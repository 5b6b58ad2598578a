// Ingest measures for scripts/bench.ts: one generated upload per size, each
// through the real ingest path in a process of its own, on a fresh copy of the
// same database, so the sizes differ only in the number of rows.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_LIMITS } from "@/lib/ingest";
import { createDatabase, databaseName, dropDatabase } from "./bench-data";

export interface IngestResult {
  rows: number;
  bytes: number;
  uploadMs: number;
  diffMs: number;
  publishMs: number;
  changed: number;
  added: number;
  baselineRssMb: number;
  peakRssMb: number;
}

function runBenchIngest(databaseUrl: string, args: string[]): string {
  const run = spawnSync(
    "npx",
    ["--no-install", "tsx", "--conditions=react-server", "scripts/bench-ingest.ts", ...args],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(`The ingest benchmark failed: ${run.stderr.trim().split("\n").pop()}`);
  return run.stdout.trim().split("\n").pop() ?? "";
}

/**
 * Generates a `rows`-row file from the reference in `templateUrl` and ingests it
 * into a copy of that database (dropped afterwards). A file over the product's
 * upload limit is refused by the upload itself, as it would be in the app.
 */
export async function measureIngest(adminUrl: string, templateUrl: string, rows: number): Promise<IngestResult> {
  const file = path.join(os.tmpdir(), `torch-atlas-bench-${process.pid}-${rows}.csv`);
  const copy = `${databaseName(templateUrl)}_run`;
  try {
    runBenchIngest(templateUrl, ["generate", String(rows), file]);
    const url = await createDatabase(adminUrl, copy, databaseName(templateUrl));
    return JSON.parse(runBenchIngest(url, ["ingest", file])) as IngestResult;
  } finally {
    fs.rmSync(file, { force: true });
    await dropDatabase(adminUrl, copy);
  }
}

export const UPLOAD_LIMIT_BYTES = DEFAULT_LIMITS.maxBytes;
