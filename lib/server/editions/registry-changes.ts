import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IngestNewZone, RegistryChange, RegistryParkFields } from "@/lib/ingest";
import type { Database, SqlConnection } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { TParkChangeView, TParkField } from "@/lib/zone-changes";

// An edition's changes to the zone registry (edition_park): zones a table by
// zone names that the registry lacks, and the zones a registry upload adds or
// corrects. Publishing applies them in the publish transaction; retiring
// undoes them — a zone the edition brought in leaves the registry unless
// another published edition reports it, and corrected fields get their old
// values back.

const ZParkValues = z
  .object({
    nameZh: z.string().min(1),
    nameEn: z.string().nullable(),
    cityZh: z.string(),
    cityEn: z.string().nullable(),
    provinceAdcode: z.number().int(),
    approvedOn: z.string().nullable(),
    approvalYear: z.number().int().nullable(),
    sourceRef: z.string(),
    confidence: z.string(),
    note: z.string().nullable(),
  })
  .partial();
const ZAddedPark = ZParkValues.required();

export const PARK_FIELDS: readonly TParkField[] = [
  "nameZh",
  "nameEn",
  "cityZh",
  "cityEn",
  "provinceAdcode",
  "approvedOn",
  "approvalYear",
  "sourceRef",
  "confidence",
  "note",
];

/** The registry changes of an upload's new zones: each is added with what the upload says of it. */
export function newZoneChanges(zones: readonly IngestNewZone[], edition: { title: string; source: string }): RegistryChange[] {
  return zones.map((zone) => ({
    slug: zone.slug,
    kind: "ADD",
    values: {
      nameZh: zone.nameZh,
      nameEn: zone.nameEn,
      cityZh: zone.cityZh,
      cityEn: zone.cityEn,
      provinceAdcode: zone.provinceAdcode,
      approvedOn: null,
      approvalYear: null,
      sourceRef: `Reported in “${edition.title}”: ${edition.source}`,
      confidence: "medium",
      note: "Added to the registry by the edition that reports it; its approval date is not known here.",
    },
    sheet: zone.sheet,
    row: zone.row,
  }));
}

/** Saves a draft's registry changes (in the draft's own transaction). */
/** saveParkChanges on an upload's raw connection (see Database.transaction). */
export async function saveParkChangesOn(
  connection: SqlConnection,
  editionId: number,
  changes: readonly RegistryChange[],
): Promise<void> {
  for (const change of changes) {
    await connection.query(
      `INSERT INTO "edition_park" ("edition_id", "park_slug", "kind", "values", "sheet", "row")
       VALUES ($1, $2, $3::"ParkChangeKind", $4::jsonb, $5, $6)`,
      [editionId, change.slug, change.kind, JSON.stringify(change.values), change.sheet, change.row],
    );
  }
}

export async function saveParkChanges(tx: Prisma.TransactionClient, editionId: number, changes: readonly RegistryChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.editionPark.createMany({
    data: changes.map((change) => ({
      editionId,
      parkSlug: change.slug,
      kind: change.kind,
      values: change.values,
      sheet: change.sheet,
      row: change.row,
    })),
  });
}

export interface TAppliedParkChanges {
  added: string[];
  corrected: string[];
}

/** Applies a draft's registry changes as it is published; names the zones added and corrected, for the audit trail. */
export async function applyParkChanges(tx: Prisma.TransactionClient, editionId: number): Promise<TAppliedParkChanges> {
  const applied: TAppliedParkChanges = { added: [], corrected: [] };
  const changes = await tx.editionPark.findMany({ where: { editionId }, orderBy: { parkSlug: "asc" } });
  for (const change of changes) {
    const values = ZParkValues.parse(change.values);
    const park = await tx.park.findUnique({ where: { slug: change.parkSlug } });
    if (change.kind === "ADD") {
      // Another edition may have brought the same zone in since this draft was made; a different zone
      // under the same code would take this draft's figures, so that is refused.
      if (park && park.provinceAdcode !== values.provinceAdcode) {
        throw new AppError(
          "CONFLICT",
          `The new zone ${values.nameZh} would take the code ${park.nameZh} was given since this draft was made: delete the draft and upload the file again.`,
        );
      }
      if (park) continue;
      await tx.park.create({ data: { ...ZAddedPark.parse(values), slug: change.parkSlug, introducedByEditionId: editionId } });
      applied.added.push(values.nameZh!);
      continue;
    }
    if (!park) {
      throw new AppError(
        "CONFLICT",
        `The zone “${change.parkSlug}” this draft corrects is no longer in the registry: upload the registry file again.`,
      );
    }
    const fields = Object.keys(values) as TParkField[];
    const previous = Object.fromEntries(fields.map((field) => [field, park[field]]));
    await tx.park.update({ where: { slug: park.slug }, data: values });
    await tx.editionPark.update({ where: { editionId_parkSlug: { editionId, parkSlug: park.slug } }, data: { previous } });
    applied.corrected.push(park.nameZh);
  }
  return applied;
}

export interface TRevertedParkChanges {
  removed: string[];
  kept: string[];
  restored: string[];
}

/** The newest other published edition that reports a zone or adds it; null when none does. */
async function otherPublishedEditionOf(tx: Prisma.TransactionClient, slug: string, editionId: number): Promise<number | null> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT e.id FROM "edition" e
    WHERE e.status = 'PUBLISHED' AND e.id <> ${editionId}
      AND (EXISTS (SELECT 1 FROM "observation" o WHERE o.edition_id = e.id AND o.geo_level = 'PARK' AND o.geo_code = ${slug})
        OR EXISTS (SELECT 1 FROM "edition_park" p WHERE p.edition_id = e.id AND p.park_slug = ${slug} AND p.kind = 'ADD'))
    ORDER BY e.published_at DESC, e.id DESC
    LIMIT 1`;
  return rows[0]?.id ?? null;
}

/**
 * Undoes an edition's registry changes as it is retired. A zone it brought in stays when another published
 * edition reports it (which then holds it), else it leaves the registry — and a draft that reports it gets
 * it as a zone of its own to add, so publishing the draft brings it back. A corrected field gets its old
 * value back unless a later edition has changed it since.
 */
export async function revertParkChanges(tx: Prisma.TransactionClient, editionId: number): Promise<TRevertedParkChanges> {
  const reverted: TRevertedParkChanges = { removed: [], kept: [], restored: [] };
  const corrections = await tx.editionPark.findMany({ where: { editionId, kind: "UPDATE" } });
  for (const correction of corrections) {
    if (correction.previous === null) continue;
    const park = await tx.park.findUnique({ where: { slug: correction.parkSlug } });
    if (!park) continue;
    const values = ZParkValues.parse(correction.values);
    const previous = ZParkValues.parse(correction.previous);
    const restore = Object.fromEntries(
      (Object.keys(values) as TParkField[]).filter((f) => park[f] === values[f] && f in previous).map((f) => [f, previous[f]]),
    );
    if (Object.keys(restore).length === 0) continue;
    await tx.park.update({ where: { slug: park.slug }, data: restore });
    reverted.restored.push(park.nameZh);
  }

  const introduced = await tx.park.findMany({ where: { introducedByEditionId: editionId } });
  for (const park of introduced) {
    const holder = await otherPublishedEditionOf(tx, park.slug, editionId);
    if (holder !== null) {
      await tx.park.update({ where: { slug: park.slug }, data: { introducedByEditionId: holder } });
      reverted.kept.push(park.nameZh);
      continue;
    }
    const { slug } = park;
    const values = Object.fromEntries(PARK_FIELDS.map((field) => [field, park[field]]));
    const drafts = await tx.$queryRaw<{ id: number }[]>`
      SELECT e.id FROM "edition" e
      WHERE e.status = 'DRAFT'
        AND EXISTS (SELECT 1 FROM "observation" o WHERE o.edition_id = e.id AND o.geo_level = 'PARK' AND o.geo_code = ${slug})`;
    if (drafts.length > 0) {
      await tx.editionPark.createMany({
        data: drafts.map((draft) => ({ editionId: draft.id, parkSlug: slug, kind: "ADD" as const, values })),
        skipDuplicates: true,
      });
    }
    await tx.park.delete({ where: { slug } });
    reverted.removed.push(park.nameZh);
  }
  return reverted;
}


/**
 * What an edition does to the registry, for its review page: for a draft, against the registry as it is
 * now; for a published or retired edition, against the values it replaced.
 */
export async function getEditionParkChanges(db: Database, editionId: number, status: "DRAFT" | "PUBLISHED" | "RETIRED"): Promise<TParkChangeView[]> {
  const changes = await db.prisma.editionPark.findMany({ where: { editionId }, orderBy: [{ kind: "asc" }, { parkSlug: "asc" }] });
  const parks = new Map(
    (await db.prisma.park.findMany({ where: { slug: { in: changes.map((c) => c.parkSlug) } } })).map((p) => [p.slug, p]),
  );
  return changes.map((change) => {
    const values = ZParkValues.parse(change.values);
    const park = parks.get(change.parkSlug);
    const before = change.kind === "ADD" ? {} : status === "DRAFT" ? (park ?? {}) : ZParkValues.parse(change.previous ?? {});
    const fields = (Object.keys(values) as TParkField[])
      .sort((a, b) => PARK_FIELDS.indexOf(a) - PARK_FIELDS.indexOf(b))
      .map((field) => ({ field, old: (before as Partial<RegistryParkFields>)[field] ?? null, new: values[field] ?? null }));
    return {
      slug: change.parkSlug,
      kind: change.kind,
      nameZh: values.nameZh ?? park?.nameZh ?? change.parkSlug,
      nameEn: values.nameEn ?? park?.nameEn ?? null,
      sheet: change.sheet,
      row: change.row,
      fields,
      isInRegistry: change.kind === "ADD" && status === "DRAFT" && park !== undefined,
    };
  });
}
