import "server-only";
import { buildCoverage, type CoveragePlace } from "@/lib/coverage";
import type { Database } from "@/lib/server/db";
import { getDataVersion } from "@/lib/server/queries/data-version";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { findMetric, geoNames, getViewRows, levelShown, type TNames } from "@/lib/server/queries/get-view-rows";
import { getViewRevisions } from "@/lib/server/queries/get-view-revisions";
import type { Catalogue, ViewData } from "@/lib/view-data";
import { parseViewState, serializeViewState, type TRawParams, type ViewState } from "@/lib/view-state";

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

/** Everything one view shows, from its query string (see getViewWithCatalogue). */
export async function getViewData(db: Database, params: TRawParams): Promise<ViewData> {
  return (await getViewWithCatalogue(db, params)).data;
}

/**
 * Everything one view shows, from its query string: rows with names, units,
 * editions, sources and, when pinned, revisions; with the catalogue it was read
 * against. All of it at one data version: when the version moves on while it
 * reads, it reads again (a publish through this process is known when it
 * commits, one through another when its notification arrives, milliseconds later).
 */
export async function getViewWithCatalogue(db: Database, params: TRawParams): Promise<{ catalogue: Catalogue; data: ViewData }> {
  const catalogue = await getCatalogue(db);
  const { state, notes } = parseViewState(params, catalogue);
  const names = geoNames(catalogue);
  const viewRows = await getViewRows(db, state, catalogue, names);
  const revisions = await getViewRevisions(db, state, viewRows, catalogue, names);
  if ((await getDataVersion(db)) !== catalogue.dataVersion) return getViewWithCatalogue(db, params);
  const allRows = [viewRows.rows, ...viewRows.extra.map((e) => e.rows)].flat();
  const used = new Set(allRows.flatMap((row) => row.editions));
  return {
    catalogue,
    data: {
      state,
      query: serializeViewState(state, catalogue),
      notes,
      metric: findMetric(catalogue, state.mode === "density" ? "hte_density" : state.metric),
      unit: viewRows.unit,
      level: levelShown(state),
      rows: viewRows.rows,
      extra: viewRows.extra,
      editions: catalogue.publishedEditions.filter((e) => used.has(e.slug)),
      hasSample: allRows.some((row) => row.isSample),
      dataVersion: catalogue.dataVersion,
      revisions,
      coverage: state.view === "coverage" ? buildCoverage(viewRows.rows, coveragePlaces(state, catalogue, names), state) : null,
    },
  };
}
