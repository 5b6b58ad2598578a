import "server-only";
import { randomUUID } from "node:crypto";
import type { IngestResult } from "@/lib/ingest";
import { recordAuditOn } from "@/lib/server/audit/record-audit";
import type { SqlConnection } from "@/lib/server/db";
import { lockEditionsOn } from "@/lib/server/editions/edition-lock";
import { newZoneChanges, saveParkChangesOn } from "@/lib/server/editions/registry-changes";

// A draft edition is written in one transaction with the upload's reading (on a
// raw connection: see Database.transaction):
// opened before the first byte (so its observations can go in while the rest
// is still being validated), completed once the file proved clean. A file with
// errors rolls the whole transaction back, so nothing of it is saved.

export interface DraftEditionMeta {
  title: string;
  source: string;
  yearbookYear: number | null;
  /** Already sanitised (see sanitiseFileName). */
  fileName: string;
  actorId: string;
}

/** What the edition keeps of its validation report: the summary and the warnings. */
export interface StoredReport {
  /** A registry upload's draft changes zones, not figures; absent for figures. */
  kind?: "figures" | "registry";
  layout: IngestResult["layout"];
  format: IngestResult["format"];
  rowsRead: number;
  observations: number;
  skippedCells: number;
  warningCount: number;
  warnings: IngestResult["problems"];
  /** How the file was read (absent in reports stored before they were kept). */
  encoding?: IngestResult["encoding"];
  separator?: IngestResult["separator"];
  sheets?: IngestResult["sheets"];
}

/** "Torch Yearbook 2019 (corrected)" → "torch-yearbook-2019-corrected"; Chinese-only titles fall back to a dated slug. */
export function slugFromTitle(title: string, now: Date = new Date()): string {
  const ascii = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return ascii || `edition-${now.toISOString().slice(0, 10)}`;
}

export async function uniqueSlug(connection: SqlConnection, base: string): Promise<string> {
  const rows = await connection.query<{ slug: string }>(`SELECT slug FROM "edition" WHERE left(slug, length($1)) = $1`, [base]);
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Inserts the DRAFT edition row under a placeholder slug unique to this upload
 * (the real one is chosen on completion, so two uploads of one title never wait on each other).
 */
export async function openDraftEdition(connection: SqlConnection, meta: DraftEditionMeta): Promise<{ id: number }> {
  const [row] = await connection.query<{ id: number }>(
    `INSERT INTO "edition" ("slug", "title", "source", "yearbook_year", "status", "file_name", "created_by_id")
     VALUES ($1, $2, $3, $4, 'DRAFT', $5, $6) RETURNING "id"`,
    [`upload-${randomUUID()}`, meta.title, meta.source, meta.yearbookYear, meta.fileName, meta.actorId],
  );
  return row!;
}

/**
 * Completes a draft whose observations are in: its slug (under the editions
 * lock, so concurrent uploads of one title pick different ones), file hash,
 * stored report and audit event. Drafts are never read by the dashboard or the API.
 */
export async function completeDraftEdition(
  connection: SqlConnection,
  id: number,
  meta: DraftEditionMeta & { fileSha256: string; result: IngestResult },
): Promise<{ id: number; slug: string }> {
  const { result } = meta;
  const report: StoredReport = {
    layout: result.layout,
    format: result.format,
    rowsRead: result.rowsRead,
    observations: result.store.length,
    skippedCells: result.skippedCells,
    warningCount: result.warningCount,
    warnings: result.problems.filter((p) => p.severity === "warning"),
    encoding: result.encoding,
    separator: result.separator,
    sheets: result.sheets,
  };
  await lockEditionsOn(connection);
  const slug = await uniqueSlug(connection, slugFromTitle(meta.title));
  await saveParkChangesOn(connection, id, newZoneChanges(result.newZones, meta));
  // The planner's statistics must know the draft's rows before its diff is read: without them a
  // million-row draft looks empty, and the diff's joins run as nested loops (minutes, not seconds).
  await connection.exec(`ANALYZE "observation"`);
  await connection.query(`UPDATE "edition" SET "slug" = $2, "file_sha256" = $3, "report" = $4::jsonb WHERE "id" = $1`, [
    id,
    slug,
    meta.fileSha256,
    JSON.stringify(report),
  ]);
  await recordAuditOn(connection, {
    actorId: meta.actorId,
    action: "edition.uploaded",
    editionId: id,
    details: {
      slug,
      fileName: meta.fileName,
      observations: result.store.length,
      warnings: result.warningCount,
      layout: result.layout,
      format: result.format,
      newZones: result.newZones.map((zone) => zone.nameZh),
    },
  });
  return { id, slug };
}
