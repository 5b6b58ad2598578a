import "server-only";
import type { Database } from "@/lib/server/db";
import { listPublishedEditions } from "@/lib/server/queries/editions";
import { getViewRows, type TNames, type ViewRows } from "@/lib/server/queries/get-view-rows";
import type { Catalogue, ViewRevisions } from "@/lib/view-data";
import { compareViewRows, type RowTable } from "@/lib/view-revisions";
import { serializeViewState, type ViewState } from "@/lib/view-state";

function tablesOf(rows: ViewRows): RowTable[] {
  return [{ key: "", rows: rows.rows }, ...rows.extra.map((table) => ({ key: table.metric.code, rows: table.rows }))];
}

/**
 * For a view pinned to an edition: loads the same view on the latest data and
 * counts the figures on screen that newer published editions revised, added
 * or dropped. Null when the view is not pinned, no edition is newer, or
 * nothing on screen changed. Costs one more view load, only for pinned views
 * that newer editions exist for.
 */
export async function getViewRevisions(
  db: Database,
  state: ViewState,
  pinned: ViewRows,
  catalogue: Catalogue,
  names: TNames,
): Promise<ViewRevisions | null> {
  if (state.edition === "latest") return null;
  const published = await listPublishedEditions(db);
  const pinnedEdition = published.find((e) => e.slug === state.edition);
  if (!pinnedEdition) return null;
  const newer = published.filter((e) => e.rank > pinnedEdition.rank);
  if (newer.length === 0) return null;

  const latestState: ViewState = { ...state, edition: "latest" };
  const latest = await getViewRows(db, latestState, catalogue, names);
  const newerSlugs = new Set(newer.map((e) => e.slug));
  const comparison = compareViewRows(tablesOf(pinned), tablesOf(latest), (slug) => newerSlugs.has(slug));
  if (comparison.revised + comparison.added + comparison.removed === 0) return null;

  // Name the newest edition behind a change; when no row credits one (a figure only dropped), the newest of all.
  const credited = newer.filter((e) => comparison.causes.has(e.slug));
  const named = credited.at(-1) ?? newer.at(-1)!;
  return {
    edition: { slug: named.slug, title: named.title },
    otherEditions: Math.max(0, credited.length - 1),
    revised: comparison.revised,
    added: comparison.added,
    removed: comparison.removed,
    total: comparison.total,
    latestQuery: serializeViewState(latestState, catalogue),
  };
}
