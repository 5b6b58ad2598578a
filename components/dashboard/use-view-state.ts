"use client";
import { parseAsString, useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { defaultSortFor } from "@/lib/table-sort";
import {
  dataQueryOf,
  parseViewState,
  serializeViewState,
  toUrlEntries,
  URL_KEYS,
  type TUrlKey,
  type ViewCatalogue,
  type ViewState,
} from "@/lib/view-state";

const RAW_PARSERS = Object.fromEntries(URL_KEYS.map((key) => [key, parseAsString])) as Record<
  TUrlKey,
  typeof parseAsString
>;

/**
 * The view lives in the URL. Every change writes the whole canonical state
 * (defaults removed, keys in order), pushed to history so back/forward walk
 * through views (a table's sort too).
 */
export function useViewState(catalogue: ViewCatalogue) {
  const [raw, setRaw] = useQueryStates(RAW_PARSERS, { history: "push", scroll: false });
  const { state, notes } = useMemo(
    () => parseViewState(Object.fromEntries(URL_KEYS.map((key) => [key, raw[key] ?? undefined])), catalogue),
    [raw, catalogue],
  );
  const query = useMemo(() => serializeViewState(state, catalogue), [state, catalogue]);
  const dataQuery = useMemo(() => dataQueryOf(state, catalogue), [state, catalogue]);

  const update = useCallback(
    /** Writes the change to the URL and returns the query of the new view's data (dataQueryOf). */
    (change: Partial<ViewState>): string => {
      const next = { ...state, ...change };
      if (change.to !== undefined && change.year === undefined && state.year === state.to) next.year = next.to;
      // A sort left at its view's default follows the view (compare: largest first; table: by place); a chosen one stays.
      if (change.view !== undefined && change.sort === undefined && state.sort === defaultSortFor(state.view)) {
        next.sort = defaultSortFor(next.view);
      }
      next.year = Math.min(Math.max(next.year, next.from), next.to);
      const entries = new Map(toUrlEntries(next, catalogue));
      void setRaw(Object.fromEntries(URL_KEYS.map((key) => [key, entries.get(key) ?? null])));
      return dataQueryOf(next, catalogue);
    },
    [state, catalogue, setRaw],
  );

  return { state, notes, query, dataQuery, update };
}
