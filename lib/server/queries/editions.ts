import "server-only";
import type { Database } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { getDataVersion } from "@/lib/server/queries/data-version";
import type { EditionInfo } from "@/lib/series-math";

export interface EditionSummary extends EditionInfo {
  title: string;
  source: string;
  publishedAt: Date | null;
  observationCount: number;
}

const cache = new WeakMap<Database, { version: number; editions: EditionSummary[] }>();

/**
 * Published editions, oldest first, each ranked by publication order. Cached
 * per database and data version: every publish or retire bumps the version.
 */
export async function listPublishedEditions(db: Database): Promise<EditionSummary[]> {
  const version = await getDataVersion(db);
  const cached = cache.get(db);
  if (cached?.version === version) return cached.editions;
  const editions = await readPublishedEditions(db);
  cache.set(db, { version, editions });
  return editions;
}

async function readPublishedEditions(db: Database): Promise<EditionSummary[]> {
  const rows = await db.prisma.edition.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      source: true,
      isSample: true,
      publishedAt: true,
      _count: { select: { observations: true } },
    },
  });
  return rows.map(({ _count, ...row }, index) => ({ ...row, rank: index + 1, observationCount: _count.observations }));
}

/**
 * The editions a view may read: all published ones for "latest", or, for a
 * pinned edition, those published up to and including it (the vintage rule).
 */
export async function getEditionsInView(db: Database, edition: string): Promise<EditionSummary[]> {
  const published = await listPublishedEditions(db);
  if (edition === "latest") return published;
  const pinned = published.find((e) => e.slug === edition);
  if (!pinned) throw new AppError("NOT_FOUND", `No published edition "${edition}"`, { parameter: "edition" });
  return published.filter((e) => e.rank <= pinned.rank);
}
