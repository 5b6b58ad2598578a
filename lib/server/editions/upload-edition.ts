import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { ingestUpload, IngestLimitError, type IngestLimits, type IngestResult } from "@/lib/ingest";
import { ObservationStore } from "@/lib/ingest/observation-store";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { Database, SqlConnection } from "@/lib/server/db";
import { completeDraftEdition, openDraftEdition } from "@/lib/server/editions/create-draft";
import { getIngestReference } from "@/lib/server/editions/ingest-reference";
import { INSERT_BATCH_ROWS, insertStoredObservations } from "@/lib/server/editions/insert-stored-observations";
import { AppError } from "@/lib/server/errors";

export interface UploadMeta {
  title: string;
  source: string;
  yearbookYear: number | null;
  fileName: string;
}

/** The validation report: everything the ingest found except the observations themselves. */
export type UploadReport = Omit<IngestResult, "observations" | "store"> & { observationCount: number };

export type UploadOutcome =
  | { status: "draft"; edition: { id: number; slug: string }; report: UploadReport }
  | { status: "invalid"; report: UploadReport };

/** How long the writer waits for the reader to validate another batch. */
const WRITER_POLL_MS = 20;

function reportOf({ store, ...report }: IngestResult): UploadReport {
  return { ...report, observationCount: store.length };
}

function isRejected(result: IngestResult): boolean {
  return result.errorCount > 0 || result.store.length === 0;
}

/** Thrown inside the upload's transaction to roll back what was written of a file that proved invalid. */
class RejectedUpload extends Error {
  constructor(readonly result: IngestResult) {
    super("The upload has errors");
  }
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
 * Runs `read` (the ingest, filling `store`) while writing what it has
 * validated so far into the draft, a batch at a time: PostgreSQL inserts one
 * batch while Node validates the next. Once reading ends, the rest goes in,
 * unless the file had errors (then the transaction is rolled back anyway).
 */
async function readIntoDraft(
  connection: SqlConnection,
  editionId: number,
  read: (store: ObservationStore) => Promise<IngestResult>,
): Promise<IngestResult> {
  const store = new ObservationStore();
  let result: IngestResult | null = null;
  let isReading = true;
  const reading = read(store)
    .then((r) => (result = r))
    .finally(() => (isReading = false));
  const writing = (async () => {
    let written = 0;
    for (;;) {
      const isDone = !isReading;
      if (isDone && (result === null || isRejected(result))) return;
      const ready = store.length - written;
      if (ready >= INSERT_BATCH_ROWS || (isDone && ready > 0)) {
        const to = isDone ? store.length : written + INSERT_BATCH_ROWS;
        await insertStoredObservations(connection, editionId, store, written, to);
        written = to;
      } else if (isDone) {
        return;
      } else {
        await sleep(WRITER_POLL_MS);
      }
    }
  })();
  const [readOutcome, writeOutcome] = await Promise.allSettled([reading, writing]);
  if (readOutcome.status === "rejected") throw readOutcome.reason;
  if (writeOutcome.status === "rejected") throw writeOutcome.reason;
  return readOutcome.value;
}

/**
 * Reads an upload through the ingest library into a DRAFT edition, in one
 * transaction. A file with errors is reported and nothing is saved (an audit
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
  const draftMeta = { ...meta, fileName, actorId };
  const hash = createHash("sha256");
  const reference = await getIngestReference(db);
  try {
    return await db.transaction(async (connection) => {
      const draft = await openDraftEdition(connection, draftMeta);
      const result = await readIntoDraft(connection, draft.id, (store) =>
        ingestUpload({ fileName, data: hashing(body, hash), reference, limits, store }),
      );
      if (isRejected(result)) throw new RejectedUpload(result);
      const edition = await completeDraftEdition(connection, draft.id, { ...draftMeta, fileSha256: hash.digest("hex"), result });
      return { status: "draft" as const, edition, report: reportOf(result) };
    });
  } catch (error) {
    if (error instanceof IngestLimitError) throw new AppError("PAYLOAD_TOO_LARGE", error.message, { limit: error.limit, messageZh: error.zh });
    if (!(error instanceof RejectedUpload)) throw error;
    const { result } = error;
    await recordAudit(db, {
      actorId,
      action: "edition.upload_rejected",
      details: { fileName, errors: result.errorCount, warnings: result.warningCount, rowsRead: result.rowsRead },
    });
    return { status: "invalid", report: reportOf(result) };
  }
}
