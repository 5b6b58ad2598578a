import "server-only";
import type { IngestResult } from "@/lib/ingest";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { Database } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { newZoneChanges, saveParkChanges } from "@/lib/server/editions/registry-changes";
import { insertObservations } from "@/lib/server/queries/insert-observations";

export interface DraftEditionInput {
  title: string;
  source: string;
  yearbookYear: number | null;
  /** Already sanitised (see sanitiseFileName). */
  fileName: string;
  fileSha256: string;
  result: IngestResult;
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

export async function uniqueSlug(db: Database, base: string): Promise<string> {
  const taken = new Set(
    (await db.prisma.edition.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((e) => e.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** How often an upload tries the next free slug when a concurrent upload of the same title took its pick. */
const SLUG_ATTEMPTS = 5;

function isSlugTaken(error: unknown): boolean {
  const { code, meta } = (error ?? {}) as { code?: unknown; meta?: { modelName?: unknown } };
  return code === "P2002" && meta?.modelName === "Edition";
}

/**
 * Saves a valid upload as a DRAFT edition with its observations, in one
 * transaction with its audit event. Drafts are never read by the dashboard or
 * the API; publishing is a separate step.
 */
export async function createDraftEdition(db: Database, input: DraftEditionInput): Promise<{ id: number; slug: string }> {
  const { result } = input;
  if (result.errorCount > 0) {
    throw new AppError("BAD_REQUEST", `The file has ${result.errorCount} errors: fix them and upload it again.`);
  }
  if (result.observations.length === 0) {
    throw new AppError("BAD_REQUEST", "The file holds no figures to publish.");
  }
  const report: StoredReport = {
    layout: result.layout,
    format: result.format,
    rowsRead: result.rowsRead,
    observations: result.observations.length,
    skippedCells: result.skippedCells,
    warningCount: result.warningCount,
    warnings: result.problems.filter((p) => p.severity === "warning"),
  };
  // Two uploads with the same title at once pick the same free slug; the one
  // that loses the unique index tries the next one.
  for (let attempt = 1; ; attempt++) {
    const slug = await uniqueSlug(db, slugFromTitle(input.title));
    try {
      return await insertDraft(db, input, report, slug);
    } catch (error) {
      if (attempt >= SLUG_ATTEMPTS || !isSlugTaken(error)) throw error;
    }
  }
}

function insertDraft(
  db: Database,
  input: DraftEditionInput,
  report: StoredReport,
  slug: string,
): Promise<{ id: number; slug: string }> {
  const { result } = input;
  return db.prisma.$transaction(
    async (tx) => {
      const edition = await tx.edition.create({
        data: {
          slug,
          title: input.title,
          source: input.source,
          yearbookYear: input.yearbookYear,
          status: "DRAFT",
          fileName: input.fileName,
          fileSha256: input.fileSha256,
          createdById: input.actorId,
          report: JSON.parse(JSON.stringify(report)),
        },
        select: { id: true, slug: true },
      });
      // As they are: a mapped copy of a million observations would cost hundreds of MB.
      await insertObservations(tx, edition.id, result.observations);
      await saveParkChanges(tx, edition.id, newZoneChanges(result.newZones, input));
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "edition.uploaded",
        editionId: edition.id,
        details: {
          slug,
          fileName: input.fileName,
          observations: result.observations.length,
          warnings: result.warningCount,
          layout: result.layout,
          format: result.format,
          newZones: result.newZones.map((zone) => zone.nameZh),
        },
      });
      return edition;
    },
    { timeout: 120_000 },
  );
}
