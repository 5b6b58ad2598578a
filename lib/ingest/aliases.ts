import { nameKey, stripOfWhich, textParts } from "@/lib/ingest/text";
import { GEO_LEVELS, type GeoLevel } from "@/lib/geo-level";
import type { IngestReference } from "@/lib/ingest/types";
import { LEGACY_ZONE_CODES } from "@/lib/view-state-migrations";

// Geography aliases: every way a yearbook or an admin writes a place — adcode,
// English, Chinese full or short name, region key, "全国"/"合计"/"Total" — to
// the (level, code) an observation is stored under.

export interface GeoMatch {
  level: GeoLevel;
  /** "CN", a region code, an adcode as a string, or a park slug (its readable code). */
  code: string;
}

export type GeoResolution =
  | { kind: "found"; match: GeoMatch }
  | { kind: "ambiguous"; candidates: GeoMatch[] }
  | { kind: "wrong_level"; match: GeoMatch }
  | { kind: "unknown" };

export const NATION_CODE = "CN";

const LEVEL_ALIASES: Record<GeoLevel, readonly string[]> = {
  NATION: ["nation", "national", "country", "cn", "china", "全国", "国家", "国家级", "中国"],
  REGION: ["region", "regional", "地区", "区域", "大区", "经济区域"],
  PROVINCE: ["province", "provincial", "省", "省份", "省级", "省市", "省(区、市)", "省区市"],
  PARK: ["park", "zone", "stip", "园区", "高新区", "国家高新区", "开发区"],
};

const LEVEL_BY_KEY = new Map<string, GeoLevel>(
  Object.entries(LEVEL_ALIASES).flatMap(([level, names]) =>
    names.map((name): [string, GeoLevel] => [nameKey(name), level as GeoLevel]),
  ),
);

/** "national", "zone", "省份", "PARK" … → the level; null when it is none of them. */
export function parseGeoLevel(text: string): GeoLevel | null {
  const key = nameKey(text);
  return LEVEL_BY_KEY.get(key) ?? LEVEL_BY_KEY.get(key.replace(/(level|级)$/, "")) ?? null;
}

/** What a whole-country row is called in yearbook tables and uploads. */
const NATION_NAMES = [
  "CN",
  "China",
  "中国",
  "100000",
  "全国",
  "合计",
  "总计",
  "总体",
  "全国合计",
  "全国总计",
  "国家高新区",
  "全国高新区",
  "国家高新区合计",
  "国家高新区总计",
  "Total",
  "Grand total",
  "National",
  "Nation",
  "National total",
  "All zones",
  "All STIPs",
];

/** Names of regions besides their code and reference names. */
const REGION_EXTRA_NAMES: Record<string, readonly string[]> = {
  eastern: ["East", "East China"],
  central: ["Middle", "Central China"],
  western: ["West", "West China"],
  northeastern: ["Northeast", "North-east", "North east", "Northeast China"],
};

/** Romanisations and older English names of provinces besides the reference ones. */
const PROVINCE_EXTRA_NAMES: Record<number, readonly string[]> = {
  150000: ["Nei Mongol", "Nei Menggu", "Neimenggu"],
  540000: ["Xizang"],
  610000: ["Shaanxi Sheng"],
  650000: ["Xinjiang Uygur", "Xinjiang Uyghur"],
};

/** Yearbook and common names of zones that do not start with their city's name. */
const PARK_BRAND_NAMES: Record<string, string> = {
  中关村: "北京",
  东湖: "武汉",
  张江: "上海",
  滨海: "天津",
};

function regionKey(text: string): string {
  return nameKey(text)
    .replace(/(regions?|area)$/, "")
    .replace(/(地区|区域)$/, "");
}

function provinceKey(text: string): string {
  return nameKey(text)
    .replace(/(specialadministrativeregion|autonomousregion|municipality|province|region|city|sheng|shi)$/, "")
    .replace(/(zhuang|hui|uygur|uyghur|uighur)$/, "")
    .replace(/((壮族|回族|维吾尔)?自治区|省|市)$/, "");
}

const PARK_SUFFIX_ZH =
  /(国家级?)?(农业|医药)?(高新技术产业|新技术产业|高新技术|高新|新技术)(开发试验|开发|示范)?区$|(科技园区|科技园|科学城)$/;
const PARK_SUFFIX_EN =
  /(national)?(agricultural|medical|rareearth)?(hi|high)tech(nology)?(industrial)?(development|demonstration)?(zone|park)$|(science(and)?(technology)?)(park|city)$|(htz|stip)$/;

function stripBrackets(text: string): string {
  return text.replace(/[(（[【][^)）\]】]*[)）\]】]/g, "");
}

/** "武汉高新技术产业开发区（1991批）" → "武汉"; "Wuhan National High-tech Zone" → "wuhan". */
function parkCoreKey(text: string): string {
  const key = nameKey(stripBrackets(text));
  return key.replace(PARK_SUFFIX_ZH, "").replace(PARK_SUFFIX_EN, "").replace(/市$/, "");
}

/** One tier of names: a key maps to one place, or to several (ambiguous within the tier). */
class NameTier {
  private readonly byKey = new Map<string, GeoMatch[]>();

  add(key: string, match: GeoMatch): void {
    if (!key) return;
    const existing = this.byKey.get(key);
    if (!existing) this.byKey.set(key, [match]);
    else if (!existing.some((m) => m.level === match.level && m.code === match.code)) existing.push(match);
  }

  get(key: string): GeoMatch[] | undefined {
    return key ? this.byKey.get(key) : undefined;
  }
}

interface LevelLookup {
  /** Tiers from most to least specific: the first tier with a hit decides. */
  tiers: NameTier[];
  keysFor: (text: string) => string[][];
}

function toResolution(candidates: GeoMatch[] | undefined): GeoResolution | null {
  if (!candidates || candidates.length === 0) return null;
  if (candidates.length === 1) return { kind: "found", match: candidates[0]! };
  return { kind: "ambiguous", candidates };
}

export interface GeoResolver {
  /**
   * Resolves a place name or code. With `level`, the place must be of that level
   * ("wrong_level" says what it is instead); without, levels are tried in `order`
   * (default: nation, region, province, zone).
   */
  resolve(text: string, options?: { level?: GeoLevel | null; order?: readonly GeoLevel[] }): GeoResolution;
}

export const DEFAULT_GEO_ORDER: readonly GeoLevel[] = GEO_LEVELS;

/** Builds the alias tables for one reference (regions, provinces, zones from the database). */
export function createGeoResolver(reference: Pick<IngestReference, "regions" | "provinces" | "parks">): GeoResolver {
  const nation = new NameTier();
  for (const name of NATION_NAMES) nation.add(nameKey(name), { level: "NATION", code: NATION_CODE });

  const region = new NameTier();
  for (const r of reference.regions) {
    const match: GeoMatch = { level: "REGION", code: r.code };
    for (const name of [r.code, r.nameEn, r.nameZh, ...(REGION_EXTRA_NAMES[r.code] ?? [])])
      region.add(regionKey(name), match);
  }

  const province = new NameTier();
  for (const p of reference.provinces) {
    const match: GeoMatch = { level: "PROVINCE", code: String(p.adcode) };
    for (const name of [
      String(p.adcode),
      p.nameEn,
      p.nameZh,
      p.nameZhShort,
      ...(PROVINCE_EXTRA_NAMES[p.adcode] ?? []),
    ]) {
      province.add(provinceKey(name), match);
    }
  }

  // Zones: codes (today's and the legacy hash codes of older files) and exact
  // names, then names without the "高新技术产业开发区" suffix and English city
  // names, then names with a brand word (东湖, 张江 …) replaced by the zone's city.
  const legacyCodesOf = new Map<string, string[]>();
  for (const [legacy, code] of LEGACY_ZONE_CODES) legacyCodesOf.set(code, [...(legacyCodesOf.get(code) ?? []), legacy]);
  const parkExact = new NameTier();
  const parkCore = new NameTier();
  for (const park of reference.parks) {
    const match: GeoMatch = { level: "PARK", code: park.slug };
    parkExact.add(park.slug.toLowerCase(), match);
    for (const legacy of legacyCodesOf.get(park.slug) ?? []) parkExact.add(legacy, match);
    parkExact.add(nameKey(park.nameZh), match);
    if (park.nameEn) parkExact.add(nameKey(park.nameEn), match);
    parkCore.add(parkCoreKey(park.nameZh), match);
    if (park.nameEn) parkCore.add(parkCoreKey(park.nameEn), match);
    // "Wuhan": the city a zone of the first 53 is known by (and "Wuhan National High-tech Zone", its English name before).
    if (park.cityEn) parkCore.add(parkCoreKey(park.cityEn), match);
    // "北京市新技术产业开发试验区（今中关村科技园区）": the bracket names today's zone.
    const today = /[(（]今([^)）]+)[)）]/.exec(park.nameZh)?.[1];
    if (today) parkCore.add(parkCoreKey(today), match);
  }

  const lookups: Record<GeoLevel, LevelLookup> = {
    NATION: { tiers: [nation], keysFor: (t) => [[nameKey(t)]] },
    REGION: { tiers: [region], keysFor: (t) => [[regionKey(t)]] },
    PROVINCE: { tiers: [province], keysFor: (t) => [[provinceKey(t)]] },
    PARK: {
      tiers: [parkExact, parkCore, parkCore],
      keysFor: (t) => {
        const core = parkCoreKey(t);
        const brand = Object.keys(PARK_BRAND_NAMES).find((b) => core.includes(b));
        const branded = brand ? core.replace(brand, "") || PARK_BRAND_NAMES[brand]! : "";
        return [[t.trim().toLowerCase(), nameKey(t)], [core], [branded]];
      },
    },
  };

  const lookupAtLevel = (text: string, level: GeoLevel): GeoResolution | null => {
    const { tiers, keysFor } = lookups[level];
    const keyLists = keysFor(text);
    for (let i = 0; i < tiers.length; i++) {
      for (const key of keyLists[i] ?? []) {
        const resolution = toResolution(tiers[i]!.get(key));
        if (resolution) return resolution;
      }
    }
    return null;
  };

  // Resolutions by the level or order asked for, then by text: a million-row file names a few thousand places.
  const caches = new Map<GeoLevel | readonly GeoLevel[], Map<string, GeoResolution>>();
  let cachedCount = 0;
  const resolve: GeoResolver["resolve"] = (rawText, options = {}) => {
    const level = options.level ?? null;
    const order = options.order ?? DEFAULT_GEO_ORDER;
    let cache = caches.get(level ?? order);
    if (!cache) caches.set(level ?? order, (cache = new Map()));
    const cached = cache.get(rawText);
    if (cached) return cached;

    const text = stripOfWhich(rawText);
    let resolution: GeoResolution = { kind: "unknown" };
    if (level) {
      const atLevel = lookupAtLevel(text, level);
      if (atLevel) resolution = atLevel;
      else {
        const elsewhere = DEFAULT_GEO_ORDER.filter((l) => l !== level)
          .map((l) => lookupAtLevel(text, l))
          .find((r) => r?.kind === "found");
        if (elsewhere?.kind === "found") resolution = { kind: "wrong_level", match: elsewhere.match };
      }
    } else {
      for (const l of order) {
        const atLevel = lookupAtLevel(text, l);
        if (atLevel) {
          resolution = atLevel;
          break;
        }
      }
    }
    // A bilingual label ("北 京 Beijing") is known by either of its parts.
    if (resolution.kind === "unknown") {
      for (const part of textParts(text)) {
        const byPart = resolve(part, options);
        if (byPart.kind !== "unknown") {
          resolution = byPart;
          break;
        }
      }
    }
    if (cachedCount++ < 50_000) cache.set(rawText, resolution);
    return resolution;
  };
  return { resolve };
}
