import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { Database } from "@/lib/server/db";
import { lockEditions } from "@/lib/server/editions/edition-lock";
import { applyParkChanges, revertParkChanges } from "@/lib/server/editions/registry-changes";
import { AppError } from "@/lib/server/errors";
import { changePublishedData } from "@/lib/server/queries/data-version";

// Publishing, retiring and deleting editions. Each is one transaction under
// the editions lock: the status change, the data version bump (which turns
// over every cache and ETag, on every instance) and the audit event commit
// together or not at all.

type TEditionStatus = "DRAFT" | "PUBLISHED" | "RETIRED";

/** A change may wait behind another one's lock, and deleting a large draft takes a while. */
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 120_000 };

async function lockedEdition(tx: Prisma.TransactionClient, id: number) {
  await lockEditions(tx);
  const edition = await tx.edition.findUnique({
    where: { id },
    select: { id: true, slug: true, status: true, isSample: true, _count: { select: { observations: true } } },
  });
  if (!edition) throw new AppError("NOT_FOUND", `No edition with id ${id}`);
  return edition;
}

function requireStatus(edition: { slug: string; status: TEditionStatus }, expected: TEditionStatus, action: string): void {
  if (edition.status !== expected) {
    throw new AppError("CONFLICT", `Edition "${edition.slug}" is ${edition.status.toLowerCase()}: only a ${expected.toLowerCase()} edition can be ${action}.`);
  }
}

/** Makes a draft the newest published edition: its figures win wherever it reports them. */
export async function publishEdition(db: Database, id: number, actorId: string): Promise<void> {
  await changePublishedData(db, async (tx, bumpDataVersion) => {
    const edition = await lockedEdition(tx, id);
    requireStatus(edition, "DRAFT", "published");
    const zones = await applyParkChanges(tx, id);
    await tx.edition.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    await bumpDataVersion();
    await recordAudit(tx, {
      actorId,
      action: "edition.published",
      editionId: id,
      details: { slug: edition.slug, observations: edition._count.observations, zonesAdded: zones.added, zonesCorrected: zones.corrected },
    });
  }, TRANSACTION_OPTIONS);
}

/** Rolls back: the edition stops counting, so the figures it replaced come back. */
export async function retireEdition(db: Database, id: number, actorId: string): Promise<void> {
  await changePublishedData(db, async (tx, bumpDataVersion) => {
    const edition = await lockedEdition(tx, id);
    requireStatus(edition, "PUBLISHED", "retired");
    await tx.edition.update({ where: { id }, data: { status: "RETIRED", retiredAt: new Date() } });
    const zones = await revertParkChanges(tx, id);
    await bumpDataVersion();
    await recordAudit(tx, {
      actorId,
      action: "edition.retired",
      editionId: id,
      details: {
        slug: edition.slug,
        observations: edition._count.observations,
        zonesRemoved: zones.removed,
        zonesKept: zones.kept,
        zonesRestored: zones.restored,
      },
    });
  }, TRANSACTION_OPTIONS);
}

/** Deletes a draft and its observations; published and retired editions stay for the record. */
export async function deleteDraftEdition(db: Database, id: number, actorId: string): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    const edition = await lockedEdition(tx, id);
    requireStatus(edition, "DRAFT", "deleted");
    // The event outlives the edition (its edition_id becomes null), so it names the slug.
    await recordAudit(tx, {
      actorId,
      action: "edition.deleted",
      editionId: null,
      details: { slug: edition.slug, editionId: id, observations: edition._count.observations },
    });
    await tx.edition.delete({ where: { id } });
  }, TRANSACTION_OPTIONS);
}
