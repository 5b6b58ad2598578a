import "server-only";
import { createHash } from "node:crypto";
import { ingestRegistryUpload, IngestLimitError, type IngestLimits, type RegistryUploadResult } from "@/lib/ingest";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { Database } from "@/lib/server/db";
import { slugFromTitle, uniqueSlug, type StoredReport } from "@/lib/server/editions/create-draft";
import { getIngestReference } from "@/lib/server/editions/ingest-reference";
import { saveParkChanges } from "@/lib/server/editions/registry-changes";
import { sanitiseFileName, type UploadMeta } from "@/lib/server/editions/upload-edition";
import { AppError } from "@/lib/server/errors";

/** A registry upload's report: everything it found except the changes themselves, and how many there are. */
export type RegistryUploadReport = Omit<RegistryUploadResult, "changes"> & { added: number; corrected: number };

export type RegistryUploadOutcome =
  | { status: "draft"; edition: { id: number; slug: string }; report: RegistryUploadReport }
  | { status: "invalid"; report: RegistryUploadReport };

function reportOf({ changes, ...report }: RegistryUploadResult): RegistryUploadReport {
  return {
    ...report,
    added: changes.filter((c) => c.kind === "ADD").length,
    corrected: changes.filter((c) => c.kind === "UPDATE").length,
  };
}

async function* hashing(body: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>): AsyncIterable<Uint8Array> {
  for await (const chunk of body) {
    hash.update(chunk);
    yield chunk;
  }
}

/**
 * Reads a registry upload (a file of zones). A clean file becomes a DRAFT edition that holds no figures,
 * only the zones it adds and the fields it corrects, published and retired like any edition; a file
 * with errors is reported and nothing is saved.
 */
export async function uploadRegistry(
  db: Database,
  meta: UploadMeta,
  body: AsyncIterable<Uint8Array>,
  actorId: string,
  limits?: Partial<IngestLimits>,
): Promise<RegistryUploadOutcome> {
  const fileName = sanitiseFileName(meta.fileName);
  const hash = createHash("sha256");
  const [reference, registry] = await Promise.all([
    getIngestReference(db),
    db.prisma.park.findMany({
      select: { slug: true, nameZh: true, nameEn: true, cityZh: true, provinceAdcode: true, approvedOn: true, sourceRef: true },
    }),
  ]);
  let result: RegistryUploadResult;
  try {
    result = await ingestRegistryUpload({ fileName, data: hashing(body, hash), reference, registry, source: meta.source, limits });
  } catch (error) {
    if (error instanceof IngestLimitError) throw new AppError("PAYLOAD_TOO_LARGE", error.message, { limit: error.limit, messageZh: error.zh });
    throw error;
  }
  const report = reportOf(result);
  if (result.errorCount > 0 || result.changes.length === 0) {
    await recordAudit(db, {
      actorId,
      action: "edition.upload_rejected",
      details: { kind: "registry", fileName, errors: result.errorCount, warnings: result.warningCount, rowsRead: result.rowsRead },
    });
    return { status: "invalid", report };
  }
  const stored: StoredReport = {
    kind: "registry",
    layout: "long",
    format: result.format,
    rowsRead: result.rowsRead,
    observations: 0,
    skippedCells: 0,
    warningCount: result.warningCount,
    warnings: result.problems.filter((p) => p.severity === "warning"),
  };
  const slug = await db.withConnection((connection) => uniqueSlug(connection, slugFromTitle(meta.title)));
  const edition = await db.prisma.$transaction(async (tx) => {
    const created = await tx.edition.create({
      data: {
        slug,
        title: meta.title,
        source: meta.source,
        yearbookYear: meta.yearbookYear,
        status: "DRAFT",
        fileName,
        fileSha256: hash.digest("hex"),
        createdById: actorId,
        report: JSON.parse(JSON.stringify(stored)),
      },
      select: { id: true, slug: true },
    });
    await saveParkChanges(tx, created.id, result.changes);
    await recordAudit(tx, {
      actorId,
      action: "edition.uploaded",
      editionId: created.id,
      details: {
        kind: "registry",
        slug,
        fileName,
        zonesAdded: result.changes.filter((c) => c.kind === "ADD").map((c) => c.values.nameZh ?? c.slug),
        zonesCorrected: result.changes
          .filter((c) => c.kind === "UPDATE")
          .map((c) => registry.find((zone) => zone.slug === c.slug)?.nameZh ?? c.slug),
        warnings: result.warningCount,
      },
    });
    return created;
  });
  return { status: "draft", edition, report };
}
