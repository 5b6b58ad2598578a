"use client";
import { keepPreviousData, QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Topology } from "topojson-specification";
import { expandViewData } from "@/lib/compact-view-data";
import type { CompactViewData, ViewData } from "@/lib/view-data";

// The dashboard's one query client, its query keys and its data hooks.

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 60_000, gcTime: 10 * 60_000, refetchOnWindowFocus: false, retry: 1 } },
  });
}

export const queryKeys = {
  view: (query: string) => ["view", query] as const,
  topology: () => ["topology"] as const,
};

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The view's data in the compact shape (each source and note sent once), expanded to the rows the charts take. */
function viewQuery(query: string) {
  return {
    queryKey: queryKeys.view(query),
    queryFn: async () => expandViewData(await fetchJson<CompactViewData>(`/api/v1/series?${query ? `${query}&` : ""}shape=compact`)),
  };
}

/**
 * The data of one view (`query` from dataQueryOf), with the server's data of the page's first view as
 * `initial`; while a new view loads, the previous one stays on screen.
 */
export function useViewData(query: string, initial: ViewData | undefined) {
  return useQuery({ ...viewQuery(query), placeholderData: keepPreviousData, initialData: initial });
}

/** Every year of a time-lapse in one request (lib/time-lapse.ts spanQuery); nothing while query is null. */
export function useSpanData(query: string | null) {
  return useQuery({ ...viewQuery(query ?? ""), enabled: query !== null });
}

/**
 * Starts loading a view's data as soon as a control changes, rather than after
 * React has re-rendered the page for the new URL.
 */
export function usePrefetchView(): (query: string) => void {
  const client = useQueryClient();
  return useCallback((query: string) => void client.prefetchQuery(viewQuery(query)), [client]);
}

export function useTopology(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.topology(),
    queryFn: () => fetchJson<Topology>("/geo/china-provinces.topo.json"),
    enabled,
    staleTime: Infinity,
  });
}
