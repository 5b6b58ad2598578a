import "server-only";
import { randomUUID } from "node:crypto";
import type { IngestResult } from "@/lib/ingest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { lockEditions } from "@/lib/server/editions/edition-lock";

// A draft edition is written in one transaction with the upload's reading:
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
  layout: IngestResult["layout"];
  format: IngestResult["format"];
  rowsRead: number;
  observations: number;
  skippedCells: number;
  warningCount: number;
  warnings: IngestResult["problems"];
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

async function uniqueSlug(tx: Prisma.TransactionClient, base: string): Promise<string> {
  const taken = new Set(
    (await tx.edition.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((e) => e.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Inserts the DRAFT edition row under a placeholder slug unique to this upload
 * (the real one is chosen on completion, so two uploads of one title never wait on each other).
 */
export async function openDraftEdition(tx: Prisma.TransactionClient, meta: DraftEditionMeta): Promise<{ id: number }> {
  return tx.edition.create({
    data: {
      slug: `upload-${randomUUID()}`,
      title: meta.title,
      source: meta.source,
      yearbookYear: meta.yearbookYear,
      status: "DRAFT",
      fileName: meta.fileName,
      createdById: meta.actorId,
    },
    select: { id: true },
  });
}

/**
 * Completes a draft whose observations are in: its slug (under the editions
 * lock, so concurrent uploads of one title pick different ones), file hash,
 * stored report and audit event. Drafts are never read by the dashboard or the API.
 */
export async function completeDraftEdition(
  tx: Prisma.TransactionClient,
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
  };
  await lockEditions(tx);
  const slug = await uniqueSlug(tx, slugFromTitle(meta.title));
  const edition = await tx.edition.update({
    where: { id },
    data: { slug, fileSha256: meta.fileSha256, report: JSON.parse(JSON.stringify(report)) },
    select: { id: true, slug: true },
  });
  await recordAudit(tx, {
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
    },
  });
  return edition;
}
