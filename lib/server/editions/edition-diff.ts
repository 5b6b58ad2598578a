import "server-only";
import { diffObservations, type IngestObservation, type ObservationDiff } from "@/lib/ingest";
import type { Database } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { LruCache } from "@/lib/server/lru-cache";
import { getDataVersion } from "@/lib/server/queries/data-version";

const OBSERVATION_COLUMNS = `o.indicator_code AS "indicatorCode", o.year, o.geo_level AS "geoLevel", o.geo_code AS "geoCode",
  o.breakdown, o.value, o.note, o.source_ref AS "sourceRef"`;

function readEditionObservations(db: Database, editionId: number): Promise<IngestObservation[]> {
  return db.query<IngestObservation>(`SELECT ${OBSERVATION_COLUMNS} FROM observation o WHERE o.edition_id = $1`, [editionId]);
}

/**
 * The values readers saw before this edition, for the indicator × year × level
 * scopes it reports: for each key, the newest edition published before it
 * (a draft: every published edition) wins, as on the dashboard.
 */
function readValuesBefore(db: Database, editionId: number, publishedBefore: Date | null): Promise<IngestObservation[]> {
  return db.query<IngestObservation>(
    `SELECT DISTINCT ON (o.indicator_code, o.year, o.geo_level, o.geo_code, o.breakdown) ${OBSERVATION_COLUMNS}
     FROM observation o JOIN edition e ON e.id = o.edition_id
     WHERE e.status = 'PUBLISHED' AND e.id <> $1 AND ($2::timestamptz IS NULL OR e.published_at < $2::timestamptz)
       AND (o.indicator_code, o.year, o.geo_level) IN (
         SELECT DISTINCT indicator_code, year, geo_level FROM observation WHERE edition_id = $1)
     ORDER BY o.indicator_code, o.year, o.geo_level, o.geo_code, o.breakdown, e.published_at DESC, e.id DESC`,
    [editionId, publishedBefore?.toISOString() ?? null],
  );
}

const cache = new LruCache<ObservationDiff>(8);

/**
 * What an edition changes: a draft against everything published now, a
 * published or retired edition against what was published before it.
 */
export async function getEditionDiff(db: Database, editionId: number): Promise<ObservationDiff> {
  const edition = await db.prisma.edition.findUnique({ where: { id: editionId }, select: { status: true, publishedAt: true } });
  if (!edition) throw new AppError("NOT_FOUND", `No edition with id ${editionId}`);
  const key = `${editionId}|${edition.status}|${await getDataVersion(db)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const before = edition.status === "DRAFT" ? null : edition.publishedAt;
  const [draft, published] = await Promise.all([readEditionObservations(db, editionId), readValuesBefore(db, editionId, before)]);
  const diff = diffObservations(published, draft);
  cache.set(key, diff);
  return diff;
}

export interface DiffFilter {
  indicator?: string;
  /** A geo code (CN, a region code, an adcode or a zone slug). */
  geo?: string;
}

/** The diff narrowed to one indicator and/or one geography. */
export function filterDiff(diff: ObservationDiff, filter: DiffFilter): ObservationDiff {
  const keep = (o: { indicatorCode: string; geoCode: string }) =>
    (!filter.indicator || o.indicatorCode === filter.indicator) && (!filter.geo || o.geoCode === filter.geo);
  return {
    added: diff.added.filter(keep),
    changed: diff.changed.filter(keep),
    removed: diff.removed.filter(keep),
    unchangedCount: diff.unchangedCount,
  };
}
