import legacyZoneCodes from "@/lib/legacy-zone-codes.json";
import type { TRawParams } from "@/lib/view-state";

// Old links keep working. Every way a link used to spell a view is listed in
// LEGACY_PARAM_MIGRATIONS, the one table of them; parseViewState runs
// migrateLegacyParams before it reads anything, so a legacy form is
// understood (no note) and serialises back in the current form.
//
// Versions: VIEW_STATE_VERSION is the schema canonical URLs are written in.
// Canonical URLs never carry `v` (the current version is implied). A link may
// say `v=<n>`: then only migrations introduced after version n apply. Without
// `v`, every migration applies, which is safe because each one rewrites a
// value (or key) that the current schema does not use. A future change that
// gives an existing value a new meaning must start writing `v` into
// canonical URLs, so old links without it can still be told apart.

/** The view-state schema version canonical URLs are written in. */
export const VIEW_STATE_VERSION = 3;

/** Query keys that only legacy links use (understood, never written). */
export const LEGACY_KEYS = ["v", "years"] as const;

export interface LegacyParamMigration {
  /** The schema version that stopped writing the legacy form. */
  since: number;
  /** The query key the legacy form appears under. */
  key: string;
  /** The legacy value (for list keys, one item of the list); a RegExp for patterns. */
  legacy: string | RegExp;
  /** The current parameters it stands for. */
  current: (match: RegExpMatchArray) => Record<string, string>;
  /** The legacy form and its current form, as documentation ("mode=per_park → mode=per-park"). */
  example: string;
}

const rename = (key: string, legacy: string, current: string, since = 2): LegacyParamMigration => ({
  since,
  key,
  legacy,
  current: () => ({ [key]: current }),
  example: `${key}=${legacy} → ${key}=${current}`,
});

/**
 * Zone codes before they were readable: `zone-` + 8 hex digits of sha256(name_zh)
 * → today's code (prisma/seed/data/zone_codes.csv). A frozen table: zones added
 * later never had a hash code. Kept as JSON (about 4 KB) because this module
 * ships to the browser.
 */
export const LEGACY_ZONE_CODES: ReadonlyMap<string, string> = new Map(Object.entries(legacyZoneCodes));

/**
 * Every legacy form a link may use, and what it means today. Version 1 links
 * (the first public release) spelled modes with underscores, called zones
 * "STIPs" in metric codes, had a bar/line view naming and one `years` range.
 * Version 1 and 2 links named zones by hash codes (`geo=zone-64986c59` →
 * `geo=zhongguancun`).
 */
export const LEGACY_PARAM_MIGRATIONS: readonly LegacyParamMigration[] = [
  rename("mode", "per_park", "per-park"),
  rename("mode", "per_zone", "per-park"),
  rename("mode", "share_national", "share"),
  rename("level", "zone", "park"),
  rename("level", "national", "nation"),
  rename("metric", "stip_count", "park_count"),
  rename("metric", "hte_count", "high_tech_enterprises"),
  rename("also", "stip_count", "park_count"),
  rename("also", "hte_count", "high_tech_enterprises"),
  rename("view", "bar", "compare"),
  rename("view", "line", "trend"),
  rename("view", "choropleth", "map"),
  {
    since: 2,
    key: "years",
    legacy: /^\s*(\d{4})\s*(?:(?:-|–|—|\.\.|:)\s*(\d{4})\s*)?$/,
    current: (match) => ({ from: match[1]!, to: match[2] ?? match[1]! }),
    example: "years=1995-2017 → from=1995&to=2017 (years=2017 → from=2017&to=2017)",
  },
  ...[...LEGACY_ZONE_CODES].map(([legacy, code]) => rename("geo", legacy, code, 3)),
];

/** Keys whose value is a comma-separated list: each item migrates on its own. */
const LIST_KEYS = new Set(["also", "geo"]);

function toSearchParams(params: TRawParams): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== null) search.append(key, first);
  }
  return search;
}

function matchLegacy(migration: LegacyParamMigration, value: string): RegExpMatchArray | null {
  if (typeof migration.legacy === "string") return value === migration.legacy ? [value] : null;
  return value.match(migration.legacy);
}

/** The version a link says it was written in (`v`), or 0 when it does not say. */
function linkVersion(search: URLSearchParams): number {
  const raw = search.get("v");
  if (raw === null || !/^\d{1,3}$/.test(raw)) return 0;
  return Number(raw);
}

export interface MigratedParams {
  /** The parameters in the current form (first value of each key; `v` removed). */
  params: URLSearchParams;
  /** The migrations applied, as their examples; empty when the link was already current. */
  applied: string[];
}

/**
 * Rewrites the legacy forms of a query into the current ones. Keys the link
 * also gives in the current form win over a legacy key that stands for them
 * (`years=2000-2010&from=2005` keeps from=2005). Never throws: a `years`
 * that is not a range is handed on as `from`, so the parser's note names it.
 */
export function migrateLegacyParams(raw: TRawParams): MigratedParams {
  const search = toSearchParams(raw);
  const version = linkVersion(search);
  const applied: string[] = [];
  const out = new URLSearchParams();
  const fromLegacyKeys: Record<string, string> = {};
  const pending = LEGACY_PARAM_MIGRATIONS.filter((m) => m.since > version);
  const seen = new Set<string>();

  for (const [key, value] of search) {
    if (seen.has(key)) continue; // the first value of a key counts, as in the parser
    seen.add(key);
    if (key === "v") {
      // Understood and dropped: canonical URLs never carry it.
      applied.push(`v=${value}`);
      continue;
    }
    const candidates = pending.filter((m) => m.key === key);
    if (candidates.length === 0) {
      out.set(key, value);
      continue;
    }
    if (LIST_KEYS.has(key)) {
      const items = value.split(",").map((item) => {
        const trimmed = item.trim();
        const migration = candidates.find((m) => matchLegacy(m, trimmed));
        if (!migration) return item;
        applied.push(migration.example);
        return migration.current([trimmed])[key] ?? item;
      });
      out.set(key, items.join(","));
      continue;
    }
    const hit = candidates.map((m) => ({ m, match: matchLegacy(m, value) })).find((c) => c.match);
    if (!hit) {
      // A legacy-only key whose value isn't understood: hand it to the parser under the key it stands for.
      if (key === "years") Object.assign(fromLegacyKeys, { from: value });
      else out.set(key, value);
      continue;
    }
    applied.push(hit.m.example);
    const current = hit.m.current(hit.match!);
    if (hit.m.key in current) out.set(key, current[key]!);
    for (const [currentKey, currentValue] of Object.entries(current)) {
      if (currentKey !== key) fromLegacyKeys[currentKey] = currentValue;
    }
  }
  for (const [key, value] of Object.entries(fromLegacyKeys)) {
    if (!search.has(key)) out.set(key, value);
  }
  return { params: out, applied };
}
