"use client";
import { parseAsString, useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import {
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
 * through views.
 */
export function useViewState(catalogue: ViewCatalogue) {
  const [raw, setRaw] = useQueryStates(RAW_PARSERS, { history: "push", scroll: false });
  const { state, notes } = useMemo(
    () => parseViewState(Object.fromEntries(URL_KEYS.map((key) => [key, raw[key] ?? undefined])), catalogue),
    [raw, catalogue],
  );
  const query = useMemo(() => serializeViewState(state, catalogue), [state, catalogue]);

  const update = useCallback(
    /** Writes the change to the URL and returns the new view's canonical query. */
    (change: Partial<ViewState>): string => {
      const next = { ...state, ...change };
      if (change.to !== undefined && change.year === undefined && state.year === state.to) next.year = next.to;
      next.year = Math.min(Math.max(next.year, next.from), next.to);
      const entries = new Map(toUrlEntries(next, catalogue));
      void setRaw(Object.fromEntries(URL_KEYS.map((key) => [key, entries.get(key) ?? null])));
      return serializeViewState(next, catalogue);
    },
    [state, catalogue, setRaw],
  );

  return { state, notes, query, update };
}
