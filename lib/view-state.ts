import { VIEW_LEVELS, type TLevel } from "@/lib/geo-level";
import { DENSITY_PAIRING, findDerivedMetric, findIndicator } from "@/lib/metrics";
import { MODE_UNAVAILABLE, type TModeUnavailable } from "@/lib/mode-unavailable";
import { defaultSortFor, TABLE_SORTS, type TTableSort } from "@/lib/table-sort";
import { migrateLegacyParams } from "@/lib/view-state-migrations";

// The URL ⇄ view state contract, shared by the page, the client and the API.
// Equal views have equal URLs: keys in one order, lists sorted, defaults omitted.

export const VIEWS = ["trend", "compare", "map", "table", "coverage"] as const;
export const LEVELS = VIEW_LEVELS;
export const MODES = ["absolute", "density", "per-park", "share", "growth"] as const;
export const LANGUAGES = ["en", "zh"] as const;
export const SCALES = ["linear", "log"] as const;
/** The policy timeline's markers on trend charts: shown unless `events=off`. */
export const EVENTS = ["on", "off"] as const;

export type TView = (typeof VIEWS)[number];
export type { TLevel };
export type TMode = (typeof MODES)[number];
export type TLang = (typeof LANGUAGES)[number];
export type TScale = (typeof SCALES)[number];
export type TEvents = (typeof EVENTS)[number];

/** What the parser needs to know about the data: which metrics, geographies, editions and years exist. */
export interface ViewCatalogue {
  metrics: readonly string[];
  geos: Readonly<Record<TLevel, readonly string[]>>;
  editions: readonly string[];
  years: { min: number; max: number };
}

export interface ViewState {
  metric: string;
  /** More metrics for the table view (e.g. the article's Figure 2), sorted; ignored by charts. */
  also: string[];
  view: TView;
  level: TLevel;
  /** Geo codes at the level, sorted; empty means "all of them". */
  geos: string[];
  from: number;
  to: number;
  /** The one year compare and map show. */
  year: number;
  mode: TMode;
  /** "latest" or an edition slug to pin. */
  edition: string;
  lang: TLang;
  scale: TScale;
  events: TEvents;
  /** The table's row order, which compare's bars take too; its default depends on the view (lib/table-sort.ts). */
  sort: TTableSort;
}

/** The URL keys, in canonical order. */
export const URL_KEYS = [
  "metric",
  "also",
  "view",
  "level",
  "geo",
  "from",
  "to",
  "year",
  "mode",
  "edition",
  "lang",
  "scale",
  "events",
  "sort",
] as const;
export type TUrlKey = (typeof URL_KEYS)[number];

export const DEFAULT_METRIC = "high_tech_enterprises";

/**
 * What a reader sees first, at "/" without a query: sourced figures only (the
 * national zone count over the years). It is not the parse default, which old
 * links rely on (a link without `level` means regions); so "/" redirects here,
 * and the default view itself always writes its metric (it is never "").
 */
export const HOME_QUERY = "metric=park_count&level=nation";
/** The table shows at most this many extra metrics. */
export const MAX_ALSO = 6;
export const DEFAULT_YEARS = { from: 1991, to: 2023 } as const;

export function defaultViewState(catalogue: ViewCatalogue): ViewState {
  const to = Math.min(DEFAULT_YEARS.to, catalogue.years.max);
  return {
    metric: catalogue.metrics.includes(DEFAULT_METRIC) ? DEFAULT_METRIC : (catalogue.metrics[0] ?? DEFAULT_METRIC),
    also: [],
    view: "trend",
    level: "region",
    geos: [],
    from: Math.max(DEFAULT_YEARS.from, catalogue.years.min),
    to,
    year: to,
    mode: "absolute",
    edition: "latest",
    lang: "en",
    scale: "linear",
    events: "on",
    sort: defaultSortFor("trend"),
  };
}

/** Why a mode can't be used with a metric and level, or null when it can. */
export function modeUnavailableReason(mode: TMode, metric: string, level: TLevel): TModeUnavailable | null {
  // Growth rates are computed from whatever the absolute view shows, ratios included.
  if (mode === "absolute" || mode === "growth") return null;
  const indicator = findIndicator(metric);
  if (!indicator) return "already-ratio";
  if (mode === "density") return metric === DENSITY_PAIRING.metric ? null : "density-needs-hte";
  if (!indicator.isAdditive) return "already-share";
  if (mode === "per-park") {
    if (metric === "park_count") return "zones-per-zone";
    return level === "park" ? "zone-per-zone" : null;
  }
  // share
  return level === "nation" ? "nation-share" : null;
}

/** Why a scale can't be used in a mode, or null when it can. */
export function scaleUnavailableReason(scale: TScale, mode: TMode): string | null {
  return scale === "log" && mode === "growth"
    ? "Growth rates can be zero or negative, which a log scale cannot show."
    : null;
}

export function isKnownMetric(code: string): boolean {
  return !!findIndicator(code) || !!findDerivedMetric(code);
}

/** A whole number as written in a URL ("2017", " 2017 "); anything else is null. */
function parseWholeNumber(raw: string): number | null {
  return /^\s*\d{1,6}\s*$/.test(raw) ? Number(raw) : null;
}

/** A raw query string value as Next.js and URLSearchParams give it. */
type TRawValue = string | string[] | undefined | null;
export type TRawParams = URLSearchParams | Record<string, TRawValue>;

function readRaw(params: TRawParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === null || first === undefined ? undefined : first;
}

/** One parameter that was not understood, and what the view uses instead. */
export interface ViewNote {
  parameter: TUrlKey;
  message: string;
  allowed?: readonly string[];
}

function fromEnum<T extends string>(
  values: readonly T[],
  raw: string | undefined,
  fallback: T,
  parameter: TUrlKey,
  notes: ViewNote[],
): T {
  if (raw === undefined) return fallback;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  notes.push({ parameter, message: `Unknown ${parameter} "${raw}"; showing ${fallback}.`, allowed: values });
  return fallback;
}

function fromYear(
  raw: string | undefined,
  fallback: number,
  parameter: TUrlKey,
  years: ViewCatalogue["years"],
  notes: ViewNote[],
): number {
  if (raw === undefined) return fallback;
  const year = parseWholeNumber(raw);
  if (year === null || year < years.min || year > years.max) {
    notes.push({
      parameter,
      message: `${parameter} must be a year from ${years.min} to ${years.max}; showing ${fallback}.`,
    });
    return fallback;
  }
  return year;
}

/**
 * Parses a query string into a complete, valid view. Never throws: anything
 * malformed, unknown or stale falls back to a default and adds a note saying
 * so (the page shows notes; the API answers 400 with the first one).
 * Legacy spellings of old links are rewritten first (lib/view-state-migrations.ts),
 * so they are understood without a note.
 */
export function parseViewState(params: TRawParams, catalogue: ViewCatalogue): { state: ViewState; notes: ViewNote[] } {
  const notes: ViewNote[] = [];
  const defaults = defaultViewState(catalogue);
  const current = migrateLegacyParams(params).params;
  const raw = (key: TUrlKey) => readRaw(current, key);

  const rawMetric = raw("metric");
  let metric = defaults.metric;
  if (rawMetric !== undefined) {
    if (catalogue.metrics.includes(rawMetric)) metric = rawMetric;
    else
      notes.push({
        parameter: "metric",
        message: `Unknown metric "${rawMetric}"; showing ${defaults.metric}.`,
        allowed: catalogue.metrics,
      });
  }

  const rawAlso = raw("also");
  let also: string[] = [];
  if (rawAlso !== undefined && rawAlso !== "") {
    const requested = [
      ...new Set(
        rawAlso
          .split(",")
          .map((code) => code.trim())
          .filter(Boolean),
      ),
    ];
    const unknown = requested.filter((code) => !catalogue.metrics.includes(code));
    if (unknown.length)
      notes.push({
        parameter: "also",
        message: `Unknown metric: ${unknown.slice(0, 5).join(", ")}; left out.`,
        allowed: catalogue.metrics,
      });
    also = requested
      .filter((code) => catalogue.metrics.includes(code) && code !== metric)
      .sort()
      .slice(0, MAX_ALSO);
  }

  const view = fromEnum(VIEWS, raw("view"), defaults.view, "view", notes);
  const level = fromEnum(LEVELS, raw("level"), defaults.level, "level", notes);

  const rawGeos = raw("geo");
  let geos: string[] = [];
  if (rawGeos !== undefined && rawGeos !== "") {
    const known = new Set(catalogue.geos[level]);
    const requested = [
      ...new Set(
        rawGeos
          .split(",")
          .map((code) => code.trim())
          .filter(Boolean),
      ),
    ];
    const unknown = requested.filter((code) => !known.has(code));
    if (unknown.length) {
      notes.push({ parameter: "geo", message: `Not a ${level} code: ${unknown.slice(0, 5).join(", ")}; left out.` });
    }
    geos = requested.filter((code) => known.has(code)).sort();
  }

  let from = fromYear(raw("from"), defaults.from, "from", catalogue.years, notes);
  let to = fromYear(raw("to"), defaults.to, "to", catalogue.years, notes);
  if (from > to) {
    notes.push({ parameter: "from", message: `from (${from}) was after to (${to}); swapped them.` });
    [from, to] = [to, from];
  }
  const year = fromYear(raw("year"), to, "year", catalogue.years, notes);

  let mode = fromEnum(MODES, raw("mode"), defaults.mode, "mode", notes);
  const reason = modeUnavailableReason(mode, metric, level);
  if (reason) {
    notes.push({ parameter: "mode", message: `${MODE_UNAVAILABLE[reason]} Showing absolute values.` });
    mode = "absolute";
  }

  const rawEdition = raw("edition");
  let edition = defaults.edition;
  if (rawEdition !== undefined && rawEdition !== "latest") {
    if (catalogue.editions.includes(rawEdition)) edition = rawEdition;
    else
      notes.push({
        parameter: "edition",
        message: `No published edition "${rawEdition}"; showing the latest data.`,
        allowed: ["latest", ...catalogue.editions],
      });
  }

  const lang = fromEnum(LANGUAGES, raw("lang"), defaults.lang, "lang", notes);
  let scale = fromEnum(SCALES, raw("scale"), defaults.scale, "scale", notes);
  const scaleReason = scaleUnavailableReason(scale, mode);
  if (scaleReason) {
    notes.push({ parameter: "scale", message: `${scaleReason} Showing a linear scale.` });
    scale = "linear";
  }
  const events = fromEnum(EVENTS, raw("events"), defaults.events, "events", notes);
  const sort = fromEnum(TABLE_SORTS, raw("sort"), defaultSortFor(view), "sort", notes);

  return {
    state: { metric, also, view, level, geos, from, to, year, mode, edition, lang, scale, events, sort },
    notes,
  };
}

/**
 * The canonical query string of a view (without "?"): keys in URL_KEYS order,
 * geos sorted, and every value equal to its default left out.
 */
export function serializeViewState(state: ViewState, catalogue: ViewCatalogue): string {
  // Commas stay literal, as the address bar shows them (the URL adapter writes them so too).
  return new URLSearchParams(toUrlEntries(state, catalogue)).toString().replace(/%2C/g, ",");
}

/**
 * The query of a view's data: its canonical query at its view's default sort. The rows are the same
 * in every sort (the table orders them), so a new sort needs no new request.
 */
export function dataQueryOf(state: ViewState, catalogue: ViewCatalogue): string {
  return serializeViewState({ ...state, sort: defaultSortFor(state.view) }, catalogue);
}

/** The canonical [key, value] pairs of a view; keys whose value is the default are absent. */
export function toUrlEntries(state: ViewState, catalogue: ViewCatalogue): [TUrlKey, string][] {
  const defaults = defaultViewState(catalogue);
  const values: Record<TUrlKey, string | null> = {
    metric: state.metric === defaults.metric ? null : state.metric,
    also: state.also.length ? [...new Set(state.also)].sort().join(",") : null,
    view: state.view === defaults.view ? null : state.view,
    level: state.level === defaults.level ? null : state.level,
    geo: state.geos.length ? [...new Set(state.geos)].sort().join(",") : null,
    from: state.from === defaults.from ? null : String(state.from),
    to: state.to === defaults.to ? null : String(state.to),
    year: state.year === state.to ? null : String(state.year),
    mode: state.mode === defaults.mode ? null : state.mode,
    edition: state.edition === defaults.edition ? null : state.edition,
    lang: state.lang === defaults.lang ? null : state.lang,
    scale: state.scale === defaults.scale ? null : state.scale,
    events: state.events === defaults.events ? null : state.events,
    sort: state.sort === defaultSortFor(state.view) ? null : state.sort,
  };
  const entries = URL_KEYS.flatMap((key) => (values[key] === null ? [] : [[key, values[key]] as [TUrlKey, string]]));
  // "" is the home view (HOME_QUERY), so the default view names its metric.
  return entries.length ? entries : [["metric", state.metric]];
}

/** Reorders any query string into canonical key order (used by the URL adapter on every update). */
export function sortUrlParams(search: URLSearchParams): URLSearchParams {
  const rank = (key: string) => {
    const index = (URL_KEYS as readonly string[]).indexOf(key);
    return index === -1 ? URL_KEYS.length : index;
  };
  return new URLSearchParams([...search.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
}

/**
 * For a link in a legacy form (lib/view-state-migrations.ts): the same query
 * in the current form, keys in canonical order and other parameters kept as
 * they are; null when the link is already current. Pages redirect there so
 * the address bar shows the current form.
 */
export function currentQueryFor(raw: TRawParams): string | null {
  const { params, applied } = migrateLegacyParams(raw);
  if (applied.length === 0) return null;
  return sortUrlParams(params).toString().replace(/%2C/g, ",");
}
