import "server-only";
import { createHash } from "node:crypto";
import { ingestUpload, IngestLimitError, type IngestLimits, type IngestResult } from "@/lib/ingest";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { Database } from "@/lib/server/db";
import { createDraftEdition } from "@/lib/server/editions/create-draft";
import { getIngestReference } from "@/lib/server/editions/ingest-reference";
import { AppError } from "@/lib/server/errors";

export interface UploadMeta {
  title: string;
  source: string;
  yearbookYear: number | null;
  fileName: string;
}

/** The validation report: everything the ingest found except the observations themselves. */
export type UploadReport = Omit<IngestResult, "observations"> & { observationCount: number };

export type UploadOutcome =
  | { status: "draft"; edition: { id: number; slug: string }; report: UploadReport }
  | { status: "invalid"; report: UploadReport };

function reportOf({ observations, ...report }: IngestResult): UploadReport {
  return { ...report, observationCount: observations.length };
}

/** Keeps letters (any script), digits, dot, dash and underscore; never a path. */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._-]+/gu, "_")
    .replace(/^[._]+/, "")
    .slice(0, 120);
  return clean || "upload";
}

async function* hashing(body: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>): AsyncIterable<Uint8Array> {
  for await (const chunk of body) {
    hash.update(chunk);
    yield chunk;
  }
}

/**
 * Reads an upload through the ingest library. A clean file becomes a DRAFT
 * edition; a file with errors is reported and nothing is saved (an audit
 * event records the attempt). Limits broken mid-stream are a 413.
 */
export async function uploadEdition(
  db: Database,
  meta: UploadMeta,
  body: AsyncIterable<Uint8Array>,
  actorId: string,
  limits?: Partial<IngestLimits>,
): Promise<UploadOutcome> {
  const fileName = sanitiseFileName(meta.fileName);
  const hash = createHash("sha256");
  let result: IngestResult;
  try {
    result = await ingestUpload({ fileName, data: hashing(body, hash), reference: await getIngestReference(db), limits });
  } catch (error) {
    if (error instanceof IngestLimitError) throw new AppError("PAYLOAD_TOO_LARGE", error.message, { limit: error.limit });
    throw error;
  }
  if (result.errorCount > 0 || result.observations.length === 0) {
    await recordAudit(db, {
      actorId,
      action: "edition.upload_rejected",
      details: { fileName, errors: result.errorCount, warnings: result.warningCount, rowsRead: result.rowsRead },
    });
    return { status: "invalid", report: reportOf(result) };
  }
  const edition = await createDraftEdition(db, { ...meta, fileName, fileSha256: hash.digest("hex"), result, actorId });
  // The observations are in the database now; the caller gets the report only, so they can be collected.
  return { status: "draft", edition, report: reportOf(result) };
}
