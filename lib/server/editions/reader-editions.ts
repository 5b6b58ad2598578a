import "server-only";
import type { EditionChange, TChangeKind } from "@/lib/edition-changes";
import type { DiffFilter, DiffRow, TDiffList } from "@/lib/edition-diff";
import { findIndicator, INDICATORS } from "@/lib/metrics";
import { geoNameOf } from "@/lib/og/describe-view";
import type { Database } from "@/lib/server/db";
import { getEditionDiffOverview } from "@/lib/server/editions/edition-diff";
import { AppError } from "@/lib/server/errors";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import type { Catalogue } from "@/lib/view-data";
import type { TLevel } from "@/lib/view-state";
import { LEGACY_ZONE_CODES } from "@/lib/view-state-migrations";

// Editions as readers see them on /editions: every published edition and every retired
// one (drafts never), and what each changed against what was published before it.

export interface ReaderEdition {
  id: number;
  slug: string;
  title: string;
  source: string;
  status: "PUBLISHED" | "RETIRED";
  isSample: boolean;
  yearbookYear: number | null;
  publishedAt: Date | null;
  retiredAt: Date | null;
  /** Figures (observations) the edition reports. */
  figures: number;
  indicators: number;
  years: { min: number; max: number } | null;
}

interface EditionCounts {
  editionId: number;
  figures: number;
  indicators: number;
  minYear: number | null;
  maxYear: number | null;
}

async function readEditions(db: Database, where: { slug?: string }): Promise<ReaderEdition[]> {
  const editions = await db.prisma.edition.findMany({
    where: { status: { in: ["PUBLISHED", "RETIRED"] }, ...where },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { id: true, slug: true, title: true, source: true, status: true, isSample: true, yearbookYear: true, publishedAt: true, retiredAt: true },
  });
  if (editions.length === 0) return [];
  const counts = await db.query<EditionCounts>(
    `SELECT edition_id AS "editionId", count(*)::int AS figures, count(DISTINCT indicator_code)::int AS indicators,
            min(year) AS "minYear", max(year) AS "maxYear"
     FROM observation WHERE edition_id = ANY($1::int[]) GROUP BY edition_id`,
    [editions.map((e) => e.id)],
  );
  const byEdition = new Map(counts.map((c) => [c.editionId, c]));
  return editions.map((edition) => {
    const count = byEdition.get(edition.id);
    return {
      ...edition,
      status: edition.status as ReaderEdition["status"],
      figures: count?.figures ?? 0,
      indicators: count?.indicators ?? 0,
      years: count?.minYear != null && count.maxYear != null ? { min: count.minYear, max: count.maxYear } : null,
    };
  });
}

/** Published editions (newest first) and, apart, retired ones. */
export async function listReaderEditions(db: Database): Promise<{ published: ReaderEdition[]; retired: ReaderEdition[] }> {
  const editions = await readEditions(db, {});
  return { published: editions.filter((e) => e.status === "PUBLISHED"), retired: editions.filter((e) => e.status === "RETIRED") };
}

/** A published or retired edition by slug; null for drafts and unknown slugs. */
export async function findReaderEdition(db: Database, slug: string): Promise<ReaderEdition | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return null;
  const [edition] = await readEditions(db, { slug });
  return edition ?? null;
}

export interface ChangeFilter {
  indicator?: string;
  geo?: string;
}

/** A filter parameter that names no indicator or geography, and what it may be. */
export interface FilterProblem {
  parameter: "indicator" | "geo";
  message: string;
  allowed: string[];
}

/** Reads ?indicator=&geo= (blank = all); unknown codes are reported, not applied. */
export function parseChangeFilter(
  params: URLSearchParams,
  catalogue: Pick<Catalogue, "geos">,
): { filter: ChangeFilter; problems: FilterProblem[] } {
  const filter: ChangeFilter = {};
  const problems: FilterProblem[] = [];
  const indicator = params.get("indicator")?.trim();
  if (indicator) {
    const codes: string[] = INDICATORS.map((i) => i.code);
    if (codes.includes(indicator)) filter.indicator = indicator;
    else problems.push({ parameter: "indicator", message: `Unknown indicator "${indicator.slice(0, 60)}"`, allowed: codes });
  }
  const rawGeo = params.get("geo")?.trim();
  // Links from before readable zone codes name zones by their hash codes.
  const geo = rawGeo && (LEGACY_ZONE_CODES.get(rawGeo) ?? rawGeo);
  if (geo) {
    const codes = Object.values(catalogue.geos).flat();
    if (codes.includes(geo)) filter.geo = geo;
    else problems.push({ parameter: "geo", message: `Unknown geography "${geo.slice(0, 60)}": use CN, a region code, a province adcode or a zone code`, allowed: codes });
  }
  return { filter, problems };
}

export interface EditionChanges {
  edition: ReaderEdition;
  /** The published editions whose figures this one was compared with (published before it). */
  comparedWith: { slug: string; title: string }[];
  /** The changes matching the filter, the first CHANGES_LISTED of each kind: added, then revised (biggest relative change first), then dropped. */
  changes: EditionChange[];
  /** Counts over the whole edition, unfiltered. */
  totals: Record<TChangeKind, number> & { unchanged: number };
  /** Indicators and geographies that appear in the changes, for the filter form. */
  indicators: { code: string }[];
  geos: { code: string; level: TLevel; nameEn: string; nameZh: string }[];
}

const LEVEL_ORDER: TLevel[] = ["nation", "region", "province", "park"];

/** Changes of each kind listed on the page (diff.csv has them all). */
export const CHANGES_LISTED = 1_000;

/** The diff's lists in the order readers see them, with the word readers see each by. */
export const CHANGE_LISTS: [TDiffList, TChangeKind][] = [
  ["added", "added"],
  ["changed", "revised"],
  ["notRestated", "dropped"],
];

export function toChange(kind: TChangeKind, row: DiffRow, catalogue: Catalogue): EditionChange {
  const indicator = findIndicator(row.indicatorCode);
  return {
    kind,
    indicatorCode: row.indicatorCode,
    breakdown: row.breakdown,
    year: row.year,
    level: row.geoLevel.toLowerCase() as TLevel,
    geoCode: row.geoCode,
    geoNameEn: geoNameOf(catalogue, row.geoCode, "en"),
    geoNameZh: geoNameOf(catalogue, row.geoCode, "zh"),
    old: row.old,
    new: row.new,
    pctChange: row.pctChange,
    unit: indicator?.unit ?? "percent",
  };
}

async function listChanges(db: Database, editionId: number, filter: DiffFilter, catalogue: Catalogue) {
  const { counts, pages } = await getEditionDiffOverview(db, editionId, { filter, limit: CHANGES_LISTED });
  return { counts, changes: CHANGE_LISTS.flatMap(([list, kind]) => pages[list].rows.map((row) => toChange(kind, row, catalogue))) };
}

/**
 * What a published or retired edition changed for readers, against the figures
 * published before it (for each figure, the newest earlier edition's value, as the
 * dashboard showed it): the first CHANGES_LISTED of each kind. Throws NOT_FOUND for drafts and unknown slugs.
 */
export async function getEditionChanges(db: Database, slug: string, filter: ChangeFilter = {}): Promise<EditionChanges> {
  const edition = await findReaderEdition(db, slug);
  if (!edition) throw new AppError("NOT_FOUND", `No published edition "${slug.slice(0, 100)}"`);
  const [catalogue, earlier] = await Promise.all([
    getCatalogue(db),
    db.prisma.edition.findMany({
      where: { status: "PUBLISHED", id: { not: edition.id }, ...(edition.publishedAt ? { publishedAt: { lt: edition.publishedAt } } : {}) },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select: { slug: true, title: true },
    }),
  ]);
  const isFiltered = Boolean(filter.indicator || filter.geo);
  const [listed, all] = await Promise.all([
    listChanges(db, edition.id, filter, catalogue),
    isFiltered ? listChanges(db, edition.id, {}, catalogue) : null,
  ]);
  const { changes } = listed;
  const { counts, changes: everyChange } = all ?? listed;
  const indicatorCodes = new Set(everyChange.map((c) => c.indicatorCode));
  const geos = new Map(everyChange.map((c) => [c.geoCode, { code: c.geoCode, level: c.level, nameEn: c.geoNameEn, nameZh: c.geoNameZh }]));
  return {
    edition,
    comparedWith: earlier,
    changes,
    totals: { added: counts.added, revised: counts.changed, dropped: counts.notRestated, unchanged: counts.unchanged },
    indicators: INDICATORS.filter((i) => indicatorCodes.has(i.code)).map((i) => ({ code: i.code })),
    geos: [...geos.values()].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.nameEn.localeCompare(b.nameEn)),
  };
}
