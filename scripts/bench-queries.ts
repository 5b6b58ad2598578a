// The /api/v1/series queries the benchmark sends: many distinct views drawn
// from the catalogue at /api/v1/meta with a seeded generator, so every run (and
// every machine) asks the same questions of the same data. Each is a view the
// page could show: metrics, levels (zones too), places, years, modes, views,
// extra table metrics, pinned editions and both languages.
import { createRandom } from "@/lib/server/seed/synthetic-sample";
import {
  MAX_ALSO,
  modeUnavailableReason,
  parseViewState,
  serializeViewState,
  type TLevel,
  type TMode,
  type TView,
  type ViewCatalogue,
} from "@/lib/view-state";

/** The parts of GET /api/v1/meta the generator reads. */
export interface MetaCatalogue {
  years: { min: number; max: number };
  metrics: { code: string }[];
  regions: { code: string }[];
  provinces: { code: string }[];
  parks: { code: string }[];
  editions: { slug: string }[];
}

export function viewCatalogueOf(meta: MetaCatalogue): ViewCatalogue {
  return {
    metrics: meta.metrics.map((m) => m.code),
    geos: {
      nation: ["CN"],
      region: meta.regions.map((r) => r.code),
      province: meta.provinces.map((p) => p.code),
      park: meta.parks.map((p) => p.code),
    },
    editions: meta.editions.map((e) => e.slug),
    years: meta.years,
  };
}

/** [value, weight] pairs: how often readers pick each. */
const VIEW_WEIGHTS: [TView, number][] = [
  ["trend", 45],
  ["compare", 20],
  ["map", 15],
  ["table", 20],
];
const LEVEL_WEIGHTS: [TLevel, number][] = [
  ["nation", 15],
  ["region", 25],
  ["province", 35],
  ["park", 25],
];
const MODE_WEIGHTS: [TMode, number][] = [
  ["absolute", 70],
  ["density", 10],
  ["per-park", 10],
  ["share", 10],
];
/** At most this many places picked by hand; zone views always name their zones (a chart of every zone is not a view anyone reads). */
const MAX_PLACES: Record<TLevel, number> = { nation: 0, region: 3, province: 6, park: 8 };
const ALL_PLACES_SHARE: Record<TLevel, number> = { nation: 1, region: 0.5, province: 0.4, park: 0 };

function generator(seed: number) {
  const random = createRandom(seed);
  const chance = (p: number) => random() < p;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const weighted = <T>(pairs: [T, number][]): T => {
    let left = random() * pairs.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of pairs) if ((left -= weight) < 0) return value;
    return pairs.at(-1)![0];
  };
  const some = <T>(items: readonly T[], max: number): T[] => {
    const chosen = new Set<T>();
    const count = Math.min(between(1, max), items.length);
    while (chosen.size < count) chosen.add(pick(items));
    return [...chosen];
  };
  return { chance, between, pick, weighted, some };
}

/**
 * `count` distinct canonical view queries (without "?"; "" is the default
 * view). Throws if the catalogue is too small to give that many, or if a
 * query would not be accepted as it is (a bug here, not in the app).
 */
export function generateSeriesQueries(meta: MetaCatalogue, count: number, seed: number): string[] {
  const catalogue = viewCatalogueOf(meta);
  const { chance, between, pick, weighted, some } = generator(seed);
  const queries = new Set<string>();
  for (let attempt = 0; queries.size < count; attempt++) {
    if (attempt > count * 10) throw new Error(`Only ${queries.size} distinct queries from this catalogue`);
    const view = weighted(VIEW_WEIGHTS);
    const level = weighted(LEVEL_WEIGHTS);
    const metric = pick(catalogue.metrics);
    const params = new URLSearchParams({ metric, view, level });
    if (!chance(ALL_PLACES_SHARE[level])) params.set("geo", some(catalogue.geos[level], MAX_PLACES[level]).join(","));
    const { min, max } = catalogue.years;
    if (view === "compare" || view === "map") {
      if (chance(0.7)) params.set("year", String(between(min, max)));
    } else if (chance(0.7)) {
      const from = between(min, max);
      params.set("from", String(from));
      params.set("to", String(between(from, max)));
    }
    const mode = weighted(MODE_WEIGHTS);
    if (modeUnavailableReason(mode, metric, level) === null) params.set("mode", mode);
    if (view === "table" && chance(0.3)) {
      params.set(
        "also",
        some(
          catalogue.metrics.filter((code) => code !== metric),
          Math.min(3, MAX_ALSO),
        ).join(","),
      );
    }
    if (chance(0.1)) params.set("edition", pick(catalogue.editions));
    if (chance(0.2)) params.set("lang", "zh");
    if (view === "trend" && chance(0.1)) params.set("scale", "log");

    const { state, notes } = parseViewState(params, catalogue);
    if (notes.length) throw new Error(`Generated a query the API refuses (${params}): ${notes[0]!.message}`);
    queries.add(serializeViewState(state, catalogue));
  }
  return [...queries];
}

export function seriesPath(query: string): string {
  return query ? `/api/v1/series?${query}` : "/api/v1/series";
}
