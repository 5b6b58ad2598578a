import type { z } from "zod";
import type { ZCoverage } from "@/lib/api/series-response";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";

// The coverage view: for each place and year of a view, what kind of figure there is —
// reported as an edition printed it, computed from complete parts, a lower bound
// ("at least"), an invented sample, or nothing. Pure and isomorphic: the server builds
// the matrix for the page and the API; the table and the link preview only show it.

/** Every cell status, in legend order. */
export const COVERAGE_STATUSES = ["reported", "computed", "partial", "sample", "missing"] as const;
export type TCoverageStatus = (typeof COVERAGE_STATUSES)[number];

/**
 * The short mark each cell carries besides its colour: a figure, a sum (Σ), "at least" (≥),
 * the sample star used everywhere else, nothing (–).
 */
export const COVERAGE_SYMBOLS: Record<TCoverageStatus, string> = { reported: "●", computed: "Σ", partial: "≥", sample: "*", missing: "–" };

export interface CoveragePlace {
  code: string;
  nameEn: string;
  nameZh: string;
}

export type CoverageMatrix = z.infer<typeof ZCoverage>;

/** The weaker status wins where one cell has several figures (an indicator reported by category). */
const WEAKNESS: Record<TCoverageStatus, number> = { reported: 0, computed: 1, partial: 2, sample: 3, missing: -1 };

/**
 * What kind of figure a row is. Sample first (an invented figure is never evidence,
 * however it was summed), then lower bound (a sum of incomplete parts is computed too,
 * but says less), then computed, else reported.
 */
export function classifyRow(row: Pick<ViewRow, "isSample" | "isLowerBound" | "isComputed">): Exclude<TCoverageStatus, "missing"> {
  if (row.isSample) return "sample";
  if (row.isLowerBound) return "partial";
  if (row.isComputed) return "computed";
  return "reported";
}

/** "CN:state_owned" → "CN": category rows count for their place. */
function placeCode(geoCode: string): string {
  const colon = geoCode.indexOf(":");
  return colon === -1 ? geoCode : geoCode.slice(0, colon);
}

/**
 * The years × places matrix of a view's rows. `places` (in display order) are the rows
 * of the matrix whether or not they have data; rows of other places, and the
 * "Not attributed" remainder, are left out. A place and year without a row is missing.
 */
export function buildCoverage(
  rows: readonly ViewRow[],
  places: readonly CoveragePlace[],
  years: { from: number; to: number },
): CoverageMatrix {
  const yearList: number[] = [];
  for (let year = years.from; year <= years.to; year++) yearList.push(year);
  const yearIndex = new Map(yearList.map((year, index) => [year, index]));
  const byPlace = new Map<string, TCoverageStatus[]>(places.map((place) => [place.code, yearList.map(() => "missing")]));

  for (const row of rows) {
    if (row.isRemainder || row.geoCode === UNATTRIBUTED) continue;
    const statuses = byPlace.get(placeCode(row.geoCode));
    const index = yearIndex.get(row.year);
    if (!statuses || index === undefined) continue;
    const status = classifyRow(row);
    if (WEAKNESS[status] > WEAKNESS[statuses[index]!]) statuses[index] = status;
  }

  const counts = Object.fromEntries(COVERAGE_STATUSES.map((status) => [status, 0])) as Record<TCoverageStatus, number>;
  const matrixRows = places.map((place) => {
    const statuses = byPlace.get(place.code)!;
    for (const status of statuses) counts[status]++;
    return { code: place.code, nameEn: place.nameEn, nameZh: place.nameZh, statuses };
  });
  return { years: yearList, places: matrixRows, counts };
}
