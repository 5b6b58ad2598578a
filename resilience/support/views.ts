import type { AppAddress } from "./app";

// The public reads the suite checks byte for byte: dashboard views through
// /api/v1/series (JSON and CSV) and /api/v1/meta, each answering with an ETag
// that names its data version ("v12-…").

/** Views of every kind: each level, trend/compare/map/table, a breakdown metric, Chinese labels. */
export const SERIES_VIEWS = [
  "",
  "metric=revenue&level=nation&from=2000&to=2023",
  "metric=revenue&view=map&year=2020",
  "metric=employees&view=compare&level=province&year=2019",
  "metric=exports&also=employees,revenue&view=table&level=province&geo=110000,310000,440000&from=2010&to=2020",
  "metric=park_count&level=nation",
  "metric=firm_ownership_share&level=nation&from=2010&to=2020",
  "metric=tax_revenue&level=region&geo=eastern&lang=zh",
  "metric=high_tech_enterprises&view=table&level=province&from=2015&to=2023",
  "metric=zone_gdp&view=compare&level=region&year=2018",
] as const;

/** Every path the snapshots cover: each view as JSON, some as CSV, and the catalogue. */
export const READ_PATHS: readonly string[] = [
  ...SERIES_VIEWS.map((query) => `/api/v1/series${query ? `?${query}` : ""}`),
  `/api/v1/series?${SERIES_VIEWS[2]}&format=csv`,
  `/api/v1/series?${SERIES_VIEWS[4]}&format=csv`,
  `/api/v1/series?${SERIES_VIEWS[8]}&format=csv`,
  "/api/v1/meta",
];

/** The data version an ETag names ("v12-…" → 12; weak too, as nginx makes it when it compresses), or null. */
export function etagVersion(etag: string | null): number | null {
  const match = /^(?:W\/)?"v(\d+)-/.exec(etag ?? "");
  return match ? Number(match[1]) : null;
}

export interface Snapshot {
  version: number;
  /** Body text by path. */
  bodies: Map<string, string>;
}

/** Reads every path once; all must answer 200 at the same data version, and JSON bodies must say that version too. */
export async function takeSnapshot(app: AppAddress, paths: readonly string[] = READ_PATHS): Promise<Snapshot> {
  const bodies = new Map<string, string>();
  const versions = new Set<number | null>();
  for (const path of paths) {
    const response = await fetch(app.url + path);
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 500)}`);
    const version = etagVersion(response.headers.get("etag"));
    versions.add(version);
    if (!path.includes("format=csv") && (JSON.parse(text) as { dataVersion?: number }).dataVersion !== version) {
      throw new Error(`${path}: the body's dataVersion is not the ETag's (${version})`);
    }
    bodies.set(path, text);
  }
  const [version, ...others] = versions;
  if (others.length > 0 || typeof version !== "number") throw new Error(`The snapshot spans data versions ${[...versions].join(", ")}`);
  return { version, bodies };
}

/** Where two bodies part, with a little of each from there. */
export function describeDifference(expected: string | undefined, actual: string | undefined): string {
  if (expected === undefined || actual === undefined) return expected === actual ? "both missing" : "one is missing";
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  return `differs at ${at}: expected …${expected.slice(at, at + 80)}… got …${actual.slice(at, at + 80)}…`;
}

/** The paths whose bodies differ between two snapshots, each with where it differs. */
export function differingPaths(a: Snapshot, b: Snapshot): string[] {
  const paths = new Set([...a.bodies.keys(), ...b.bodies.keys()]);
  return [...paths]
    .filter((path) => a.bodies.get(path) !== b.bodies.get(path))
    .map((path) => `${path}: ${describeDifference(a.bodies.get(path), b.bodies.get(path))}`);
}

/**
 * The default view (SERIES_VIEWS[0]) over every span of its years: more views
 * than the server keeps bodies for, so each read of one is made afresh, and
 * some are being made whenever a change commits. In a fixed shuffled order.
 */
export function spanPaths(from: number, to: number): string[] {
  const paths: string[] = [];
  for (let start = from; start <= to; start++) {
    for (let end = start; end <= to; end++) paths.push(`/api/v1/series?from=${start}&to=${end}`);
  }
  let seed = 7;
  for (let i = paths.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [paths[i], paths[j]] = [paths[j]!, paths[i]!];
  }
  return paths;
}

interface TSpanBody {
  dataVersion: number;
  rows: { year: number; editions: string[] }[];
  editions: { slug: string }[];
}

/**
 * What a span of the default view shows, from its body or from the whole
 * view's body at the same data version: the data version, the rows in the
 * span and the editions they cite.
 */
export function spanFigures(body: string, from: number, to: number): string {
  const view = JSON.parse(body) as TSpanBody;
  const rows = view.rows.filter((row) => row.year >= from && row.year <= to);
  const cited = new Set(rows.flatMap((row) => row.editions));
  return JSON.stringify({ dataVersion: view.dataVersion, rows, editions: view.editions.filter((e) => cited.has(e.slug)) });
}
