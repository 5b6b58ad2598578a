import "server-only";
import { DIFF_LISTS, type DiffCounts, type DiffFilter, type DiffRow, type TDiffList } from "@/lib/edition-diff";
import type { Database } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { LruCache } from "@/lib/server/lru-cache";
import { getDataVersion } from "@/lib/server/queries/data-version";

// What an edition changes, computed in SQL and read a page at a time: a draft
// against everything published now, a published or retired edition against
// what was published before it. For each key (indicator, year, level, place,
// breakdown) the value readers saw is the newest earlier published edition's,
// as on the dashboard.
//
// Publishing removes nothing: a figure the edition does not restate keeps its
// older edition's value. "Not restated" lists those figures, narrowly: only in
// an (indicator, year, level) the edition reports — a yearbook that covers 2019
// provinces says nothing about 2005 or about zones.

/** Values closer than this fraction of the larger one are unchanged: float noise only (canonical values carry 12 significant digits). */
const RELATIVE_TOLERANCE = 1e-12;

// $1 edition id, $2 published before (null for a draft: everything published now), $3 indicator, $4 geo.
const DIFF_CTES = `
  draft AS (
    SELECT indicator_code, year, geo_level, geo_code, breakdown, value FROM observation
    WHERE edition_id = $1 AND ($3::text IS NULL OR indicator_code = $3) AND ($4::text IS NULL OR geo_code = $4)),
  scope AS (SELECT DISTINCT indicator_code, year, geo_level FROM observation WHERE edition_id = $1),
  before AS (
    SELECT DISTINCT ON (o.indicator_code, o.year, o.geo_level, o.geo_code, o.breakdown)
      o.indicator_code, o.year, o.geo_level, o.geo_code, o.breakdown, o.value, e.slug, e.title
    FROM observation o JOIN edition e ON e.id = o.edition_id
    WHERE e.status = 'PUBLISHED' AND e.id <> $1 AND ($2::timestamptz IS NULL OR e.published_at < $2::timestamptz)
      AND (o.indicator_code, o.year, o.geo_level) IN (SELECT indicator_code, year, geo_level FROM scope)
      AND ($3::text IS NULL OR o.indicator_code = $3) AND ($4::text IS NULL OR o.geo_code = $4)
    ORDER BY o.indicator_code, o.year, o.geo_level, o.geo_code, o.breakdown, e.published_at DESC NULLS FIRST, e.id DESC),
  matched AS (
    SELECT d.*, b.value AS old, b.slug, b.title,
      abs(d.value - b.value) > ${RELATIVE_TOLERANCE} * greatest(abs(d.value), abs(b.value)) AS is_changed
    FROM draft d LEFT JOIN before b USING (indicator_code, year, geo_level, geo_code, breakdown)),
  not_restated AS (
    -- Against the table, not the draft CTE: a probe of the edition's unique key index per figure, where
    -- an anti-join of two CTEs (whose sizes the planner cannot estimate) ran as a nested loop.
    SELECT b.* FROM before b
    WHERE NOT EXISTS (
      SELECT 1 FROM observation d
      WHERE d.edition_id = $1 AND d.indicator_code = b.indicator_code AND d.geo_level = b.geo_level
        AND d.breakdown = b.breakdown AND d.geo_code = b.geo_code AND d.year = b.year))`;

const KEY_COLUMNS = `indicator_code AS "indicatorCode", year, geo_level AS "geoLevel", geo_code AS "geoCode", breakdown`;
const BY_KEY = "indicator_code, year, geo_level, geo_code, breakdown";

const LIST_QUERIES: Record<TDiffList, string> = {
  added: `SELECT ${KEY_COLUMNS}, NULL::float8 AS old, value AS new, NULL::float8 AS "absChange", NULL::float8 AS "pctChange",
      NULL AS slug, NULL AS title
    FROM matched WHERE old IS NULL ORDER BY ${BY_KEY}`,
  changed: `SELECT ${KEY_COLUMNS}, old, value AS new, value - old AS "absChange",
      CASE WHEN old = 0 THEN NULL ELSE (value - old) / abs(old) * 100 END AS "pctChange", slug, title
    FROM matched WHERE old IS NOT NULL AND is_changed
    ORDER BY CASE WHEN old = 0 THEN NULL ELSE abs((value - old) / old) END DESC NULLS FIRST, abs(value - old) DESC, ${BY_KEY}`,
  notRestated: `SELECT ${KEY_COLUMNS}, value AS old, NULL::float8 AS new, NULL::float8 AS "absChange", NULL::float8 AS "pctChange",
      slug, title
    FROM not_restated ORDER BY ${BY_KEY}`,
};

const COUNT_QUERY = `SELECT
    count(*) FILTER (WHERE old IS NULL)::int AS added,
    count(*) FILTER (WHERE old IS NOT NULL AND is_changed)::int AS changed,
    count(*) FILTER (WHERE old IS NOT NULL AND NOT is_changed)::int AS unchanged,
    (SELECT count(*)::int FROM not_restated) AS "notRestated"
  FROM matched`;

interface EditionToDiff {
  id: number;
  /** Compare with what was published before this moment; null: with everything published now. */
  before: Date | null;
}

async function findEditionToDiff(db: Database, editionId: number): Promise<EditionToDiff> {
  const edition = await db.prisma.edition.findUnique({ where: { id: editionId }, select: { status: true, publishedAt: true } });
  if (!edition) throw new AppError("NOT_FOUND", `No edition with id ${editionId}`);
  return { id: editionId, before: edition.status === "DRAFT" ? null : edition.publishedAt };
}

function diffParams(edition: EditionToDiff, filter: DiffFilter): unknown[] {
  return [edition.id, edition.before?.toISOString() ?? null, filter.indicator ?? null, filter.geo ?? null];
}

const countCache = new LruCache<DiffCounts>(32);

/** How many figures the edition adds, changes, leaves unchanged and does not restate (matching the filter). */
export async function getEditionDiffCounts(db: Database, editionId: number, filter: DiffFilter = {}): Promise<DiffCounts> {
  const edition = await findEditionToDiff(db, editionId);
  const key = JSON.stringify([editionId, edition.before, await getDataVersion(db), filter.indicator, filter.geo]);
  const cached = countCache.get(key);
  if (cached) return cached;
  const [counts] = await db.query<DiffCounts>(`WITH ${DIFF_CTES} ${COUNT_QUERY}`, diffParams(edition, filter));
  countCache.set(key, counts!);
  return counts!;
}

interface RawDiffRow extends Omit<DiffRow, "shownFrom"> {
  slug: string | null;
  title: string | null;
}

function toDiffRow({ slug, title, ...row }: RawDiffRow): DiffRow {
  return { ...row, shownFrom: slug === null ? null : { slug, title: title ?? slug } };
}

/** One page of one list of the diff (matching the filter). */
export async function getEditionDiffPage(
  db: Database,
  editionId: number,
  list: TDiffList,
  page: { filter?: DiffFilter; offset: number; limit: number },
): Promise<DiffRow[]> {
  const edition = await findEditionToDiff(db, editionId);
  const rows = await db.query<RawDiffRow>(`WITH ${DIFF_CTES} ${LIST_QUERIES[list]} LIMIT $5 OFFSET $6`, [
    ...diffParams(edition, page.filter ?? {}),
    page.limit,
    page.offset,
  ]);
  return rows.map(toDiffRow);
}

/** Every row of one list, a page at a time: for exports, which must not hold a million rows at once. */
export async function* readEditionDiff(
  db: Database,
  editionId: number,
  list: TDiffList,
  filter: DiffFilter = {},
  pageSize = 20_000,
): AsyncGenerator<DiffRow[]> {
  for (let offset = 0; ; offset += pageSize) {
    const rows = await getEditionDiffPage(db, editionId, list, { filter, offset, limit: pageSize });
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
  }
}

export interface DiffOverview {
  counts: DiffCounts;
  pages: Record<TDiffList, { offset: number; rows: DiffRow[] }>;
}

/**
 * The counts and one page of each list (the first, unless `offsets` says
 * otherwise) in one statement, so the diff is computed once: what the draft's page shows.
 */
export async function getEditionDiffOverview(
  db: Database,
  editionId: number,
  view: { filter?: DiffFilter; offsets?: Partial<Record<TDiffList, number>>; limit: number },
): Promise<DiffOverview> {
  const edition = await findEditionToDiff(db, editionId);
  const offsets = { changed: view.offsets?.changed ?? 0, added: view.offsets?.added ?? 0, notRestated: view.offsets?.notRestated ?? 0 };
  const page = (list: TDiffList, offsetParam: string) =>
    `(SELECT coalesce(jsonb_agg(p), '[]'::jsonb) FROM (${LIST_QUERIES[list]} LIMIT $5 OFFSET ${offsetParam}) p) AS "${list}"`;
  const [row] = await db.query<{ counts: DiffCounts } & Record<TDiffList, RawDiffRow[]>>(
    `WITH ${DIFF_CTES} SELECT (SELECT to_jsonb(c) FROM (${COUNT_QUERY}) c) AS counts,
       ${page("changed", "$6")}, ${page("added", "$7")}, ${page("notRestated", "$8")}`,
    [...diffParams(edition, view.filter ?? {}), view.limit, offsets.changed, offsets.added, offsets.notRestated],
  );
  const pages = Object.fromEntries(
    DIFF_LISTS.map((list) => [list, { offset: offsets[list], rows: row![list].map(toDiffRow) }]),
  ) as DiffOverview["pages"];
  return { counts: row!.counts, pages };
}
