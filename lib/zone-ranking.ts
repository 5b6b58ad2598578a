import type { Catalogue, ViewRow } from "@/lib/view-data";
import type { TLang } from "@/lib/view-state";

// The zone ranking (the table at the zone level): each zone's rank in its year, largest
// figure first, and the zones left out for want of a figure.

export interface ZoneRanking {
  /** The rank of a row among the zones of its year; null: not ranked (no finite figure, or no zone). */
  rankOf: (row: ViewRow) => number | null;
  /** For each year with a ranking, how many of the zones in view have no figure and so no rank. */
  unranked: { year: number; count: number; of: number }[];
}

const keyOf = (row: Pick<ViewRow, "geoCode" | "year">) => `${row.geoCode}|${row.year}`;

/**
 * Ranks within each year by value, largest first. Equal figures share a rank and the next
 * rank skips ("1, 2, 2, 4"). A lower bound ranks at its figure ("at least" says the rest).
 * `zoneCodes` are the zones in view (those selected, else all), to count the unranked.
 */
export function rankZones(rows: readonly ViewRow[], zoneCodes: readonly string[]): ZoneRanking {
  const byYear = new Map<number, ViewRow[]>();
  for (const row of rows) {
    if (row.isRemainder || !Number.isFinite(row.value)) continue;
    const ofYear = byYear.get(row.year);
    if (ofYear) ofYear.push(row);
    else byYear.set(row.year, [row]);
  }
  const ranks = new Map<string, number>();
  const unranked: ZoneRanking["unranked"] = [];
  for (const [year, ranked] of [...byYear.entries()].sort(([a], [b]) => a - b)) {
    const ordered = ranked.sort((a, b) => b.value - a.value);
    ordered.forEach((row, index) => {
      const previous = ordered[index - 1];
      const rank = previous && previous.value === row.value ? ranks.get(keyOf(previous))! : index + 1;
      ranks.set(keyOf(row), rank);
    });
    const withFigure = new Set(ranked.map((row) => row.geoCode));
    const count = zoneCodes.filter((code) => !withFigure.has(code)).length;
    unranked.push({ year, count, of: zoneCodes.length });
  }
  return { rankOf: (row) => ranks.get(keyOf(row)) ?? null, unranked };
}

/** Each zone's province and region, named in the language. */
export function zoneLocations(catalogue: Catalogue, lang: TLang): Map<string, { province: string; region: string }> {
  const regions = new Map(catalogue.regions.map((r) => [r.code, lang === "zh" ? r.nameZh : r.nameEn]));
  const provinces = new Map(catalogue.provinces.map((p) => [p.code, p]));
  return new Map(
    catalogue.parks.map((park) => {
      const province = provinces.get(park.provinceCode);
      return [
        park.code,
        {
          province: province ? (lang === "zh" ? province.nameZhShort : province.nameEn) : park.provinceCode,
          region: (province && regions.get(province.regionCode)) ?? "",
        },
      ];
    }),
  );
}
