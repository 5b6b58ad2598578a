import "server-only";
import { cache } from "react";
import { buildCoverage, type CoveragePlace } from "@/lib/coverage";
import { withGrowthFormula } from "@/lib/growth";
import { metricInMode } from "@/lib/metrics";
import type { Database } from "@/lib/server/db";
import { getDataVersion } from "@/lib/server/queries/data-version";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { levelShown } from "@/lib/geo-level";
import { findMetric, geoNames, getViewRows, type TNames } from "@/lib/server/queries/get-view-rows";
import { getViewRevisions } from "@/lib/server/queries/get-view-revisions";
import type { Catalogue, ViewData } from "@/lib/view-data";
import { parseViewState, serializeViewState, type TRawParams, type ViewNote, type ViewState } from "@/lib/view-state";

/** The coverage view's places: those selected, else every place of the level, in the catalogue's order. */
function coveragePlaces(state: ViewState, catalogue: Catalogue, names: TNames): CoveragePlace[] {
  const selected = new Set(state.geos);
  return catalogue.geos[state.level]
    .filter((code) => selected.size === 0 || selected.has(code))
    .map((code) => {
      const name = names.get(code) ?? { en: code, zh: code };
      return { code, nameEn: name.en, nameZh: name.zh };
    });
}

/** A view as its boundary parsed it (API, page, embed, link preview, short link), against one catalogue. */
export interface ParsedView {
  catalogue: Catalogue;
  state: ViewState;
  /** What the query asked for that the view fell back on (the page shows them; the API answers 400 instead). */
  notes: ViewNote[];
  /** The view's canonical query (serializeViewState). */
  query: string;
}

/** Parses a raw query once, against the catalogue of the current data version. */
export async function parseView(db: Database, params: TRawParams): Promise<ParsedView> {
  const catalogue = await getCatalogue(db);
  const { state, notes } = parseViewState(params, catalogue);
  return { catalogue, state, notes, query: serializeViewState(state, catalogue) };
}

/**
 * Everything one view shows: rows with names, units, editions, sources and,
 * when pinned, revisions. All of it at the catalogue's data version: null when
 * the version moved on while it read (a publish through this process is known
 * when it commits, one through another when its notification arrives,
 * milliseconds later), so that the caller parses the query again against the
 * new catalogue (what a view means may change with it).
 */
export async function readViewData(db: Database, { catalogue, state, notes, query }: ParsedView): Promise<ViewData | null> {
  const names = geoNames(catalogue);
  const viewRows = await getViewRows(db, state, catalogue, names);
  const revisions = await getViewRevisions(db, state, viewRows, catalogue, names);
  if ((await getDataVersion(db)) !== catalogue.dataVersion) return null;
  const used = new Set<string>();
  let hasSample = false;
  for (const rows of [viewRows.rows, ...viewRows.extra.map((e) => e.rows)]) {
    for (const row of rows) {
      for (const edition of row.editions) used.add(edition);
      hasSample ||= row.isSample;
    }
  }
  return {
    state,
    query,
    notes,
    metric: withGrowthFormula(findMetric(catalogue, metricInMode(state.metric, state.mode)), state),
    unit: viewRows.unit,
    level: levelShown(state),
    rows: viewRows.rows,
    gaps: viewRows.gaps,
    extra: viewRows.extra,
    editions: catalogue.publishedEditions.filter((e) => used.has(e.slug)),
    hasSample,
    dataVersion: catalogue.dataVersion,
    revisions,
    coverage:
      state.view === "coverage" ? buildCoverage(viewRows.rows, coveragePlaces(state, catalogue, names), state) : null,
  };
}

/**
 * A view from its query string, for pages and images: parsed once (fallbacks
 * kept as notes) and read at one data version. Once per request: the page and
 * its metadata share it (React cache).
 */
export const getViewForQuery = cache(
  async (db: Database, query: string): Promise<{ catalogue: Catalogue; data: ViewData }> => {
    for (;;) {
      const view = await parseView(db, new URLSearchParams(query));
      const data = await readViewData(db, view);
      if (data) return { catalogue: view.catalogue, data };
    }
  },
);
