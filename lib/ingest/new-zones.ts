import { createHash } from "node:crypto";
import type { GeoResolution } from "@/lib/ingest/aliases";
import type { IngestContext } from "@/lib/ingest/ingest-context";
import { stripOfWhich, textParts } from "@/lib/ingest/text";
import type { IngestNewZone, IngestReference } from "@/lib/ingest/types";
import type { CellLocation } from "@/lib/ingest/validate";

// Zones the registry lacks (about 50 of the 178 are missing from it). A place
// that the alias tables do not know but that is named like a zone —
// "怀化高新区", "Huaihua High-tech Zone" — is a new zone: its province comes
// from a province column or from the province or city its name starts with,
// and it gets a readable code like the registry's ("huaihua").

/** The suffixes a zone's Chinese name ends with; a province's name (or a typo of one) never does. */
const ZONE_SUFFIX_ZH =
  /(国家级?)?(农业|医药)?(高新技术产业开发区|高新技术产业园区|高新技术产业示范区|高新技术开发区|新技术产业开发区|高新技术园区|高新区|高新园区)$/u;
const ZONE_SUFFIX_EN =
  /\s*\b(national\s+)?(agricultural\s+|medical\s+)?(hi|high)[\s-]?tech(nology)?(\s+industrial)?(\s+(development|demonstration))?\s+(zone|park)$/i;

export interface ZoneName {
  language: "zh" | "en";
  /** The name without its suffix and brackets: "湖南怀化", "Huaihua". */
  core: string;
}

function stripBrackets(text: string): string {
  return text.replace(/[(（[【][^)）\]】]*[)）\]】]/g, "");
}

/** The core of a name that looks like a zone's; null when it does not ("湖男", "Beijng", "合计"). */
export function parseZoneName(text: string): ZoneName | null {
  const clean = stripBrackets(text.normalize("NFKC")).trim();
  const zh = clean.replace(/\s+/g, "");
  const zhMatch = ZONE_SUFFIX_ZH.exec(zh);
  if (zhMatch) {
    const core = zh.slice(0, zhMatch.index);
    return /^\p{Script=Han}{2,12}$/u.test(core) ? { language: "zh", core } : null;
  }
  const enMatch = ZONE_SUFFIX_EN.exec(clean);
  if (enMatch) {
    const core = clean.slice(0, enMatch.index).trim();
    return /^[A-Za-z][A-Za-z' -]{1,40}$/.test(core) ? { language: "en", core } : null;
  }
  return null;
}

type TCity = NonNullable<IngestReference["cities"]>[number];

export interface ZonePlace {
  provinceAdcode: number | null;
  city: TCity | null;
  /** Characters of a Chinese core after the province and city ("丰城" of 宜春丰城 when 丰城 is unknown). */
  rest: string;
}

const asciiKey = (text: string) => text.toLowerCase().replace(/[^a-z]/g, "");

/**
 * The province and city a zone's name starts with: "湖南怀化" → 湖南, 怀化;
 * "怀化" → 湖南 (怀化 is a city of 湖南); "Huaihua" → the same. A city name
 * shared by two provinces (Yichun, Taizhou in English) tells no province.
 */
export function placeOfZoneName(
  name: ZoneName,
  reference: Pick<IngestReference, "provinces" | "cities">,
): ZonePlace {
  const cities = reference.cities ?? [];
  if (name.language === "en") {
    const key = asciiKey(name.core);
    const province = reference.provinces.find((p) => asciiKey(p.nameEn) === key);
    if (province) return { provinceAdcode: province.adcode, city: null, rest: "" };
    const matches = cities.filter((c) => asciiKey(c.nameEn) === key);
    const adcodes = new Set(matches.map((c) => c.provinceAdcode));
    return adcodes.size === 1
      ? { provinceAdcode: matches[0]!.provinceAdcode, city: matches[0]!, rest: "" }
      : { provinceAdcode: null, city: null, rest: "" };
  }
  let rest = name.core;
  let provinceAdcode: number | null = null;
  const provinceNames = reference.provinces
    .flatMap((p) => [p.nameZh, p.nameZhShort].map((n) => ({ n, adcode: p.adcode })))
    .sort((a, b) => b.n.length - a.n.length);
  const province = provinceNames.find(({ n }) => rest.startsWith(n));
  if (province) {
    provinceAdcode = province.adcode;
    rest = rest.slice(province.n.length);
  }
  const city = longestPrefix(rest, cities, provinceAdcode);
  if (city) {
    rest = rest.slice(city.nameZh.length).replace(/^市/, "");
    provinceAdcode ??= city.provinceAdcode;
  }
  // A municipality's zone: "重庆高新区" is the province's own name, and its city.
  if (!city && province && rest === "") {
    const own = cities.find((c) => c.provinceAdcode === province.adcode && c.nameZh === province.n);
    if (own) return { provinceAdcode, city: own, rest };
  }
  return { provinceAdcode, city, rest };
}

function longestPrefix(text: string, cities: readonly TCity[], provinceAdcode: number | null): TCity | null {
  let best: TCity | null = null;
  for (const city of cities) {
    if (provinceAdcode !== null && city.provinceAdcode !== provinceAdcode) continue;
    if (text.startsWith(city.nameZh) && city.nameZh.length > (best?.nameZh.length ?? 0)) best = city;
  }
  return best;
}

const shortHash = (text: string, length: number) => createHash("sha256").update(text).digest("hex").slice(0, length);
const slugWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/**
 * A readable code, as the registry's are made (prisma/seed/data/SOURCES.md, "Zone codes"): the city's
 * English name ("huaihua"), the English words of an English name, and a short hash for Chinese words the
 * app cannot spell; never a province's code; never one already taken.
 */
export function newZoneSlug(
  name: ZoneName,
  place: ZonePlace,
  reference: Pick<IngestReference, "provinces">,
  isTaken: (slug: string) => boolean,
): string {
  let base: string;
  if (name.language === "en") base = slugWords(name.core);
  else if (place.city) base = [slugWords(place.city.nameEn), place.rest ? shortHash(name.core, 6) : ""].filter(Boolean).join("-");
  else base = `zone-${shortHash(name.core, 8)}`;
  if (reference.provinces.some((p) => slugWords(p.nameEn) === base) || base === "") base = `${base || "zone"}-high-tech`;
  let slug = base;
  for (let n = 2; isTaken(slug); n++) slug = `${base}-${n}`;
  return slug;
}

interface Claimed {
  zone: IngestNewZone;
}

/** The new zones of one upload, each named once however many rows name it. */
export class NewZoneRegistry {
  private readonly byCore = new Map<string, Claimed | "reported">();
  private readonly zones: IngestNewZone[] = [];
  private readonly takenSlugs: Set<string>;

  constructor(private readonly reference: IngestReference) {
    this.takenSlugs = new Set(reference.parks.map((p) => p.slug));
  }

  list(): IngestNewZone[] {
    return this.zones;
  }

  /**
   * An unknown place named like a zone: its match as a new zone (reported once, as a warning), or null
   * after an error when its province cannot be told. undefined when the text is not named like a zone.
   */
  introduce(
    context: IngestContext,
    text: string,
    provinceText: string | null,
    at: CellLocation,
  ): GeoResolution | null | undefined {
    const plain = stripOfWhich(text);
    const names = [plain, ...textParts(plain)].map((t) => ({ t, name: parseZoneName(t) }));
    const zh = names.find((n) => n.name?.language === "zh");
    const en = names.find((n) => n.name?.language === "en");
    const main = zh ?? en;
    if (!main?.name) return undefined;
    const place = placeOfZoneName(main.name, this.reference);
    // "湖南怀化高新区" and "怀化高新技术产业开发区" are one zone: the same city, nothing more.
    const key = place.city ? `city:${place.city.provinceAdcode}:${place.city.nameZh}:${place.rest}` : `${main.name.language}:${main.name.core}`;
    const seen = this.byCore.get(key);
    if (seen === "reported") return null;
    if (seen) return { kind: "found", match: { level: "PARK", code: seen.zone.slug } };

    const fromEnglish = zh && en?.name ? placeOfZoneName(en.name, this.reference) : null;
    let provinceAdcode = place.provinceAdcode ?? fromEnglish?.provinceAdcode ?? null;
    const { builder } = context;
    if (provinceText) {
      const byColumn = context.geo.resolve(provinceText, { level: "PROVINCE" });
      if (byColumn.kind !== "found") {
        this.byCore.set(key, "reported");
        builder.error(
          "zone_without_province",
          at,
          {
            en: `“${text}” is not in the zone registry, and its province “${provinceText}” is not a province this app knows: write the province's Chinese or English name, e.g. 湖南 or Hunan.`,
            zh: `“${text}”不在高新区名录中，所填省份“${provinceText}”无法识别：请写省份的中文或英文名称，如“湖南”或 Hunan。`,
          },
          provinceText,
        );
        return null;
      }
      provinceAdcode = Number(byColumn.match.code);
    }
    if (provinceAdcode === null) {
      this.byCore.set(key, "reported");
      builder.error(
        "zone_without_province",
        at,
        {
          en: `“${text}” is not in the zone registry and its name does not say its province: add a 省份 (province) column or write the zone's full name, e.g. 湖南怀化高新区.`,
          zh: `“${text}”不在高新区名录中，且从名称看不出所属省份：请增加“省份”列，或写出高新区全称，如“湖南怀化高新区”。`,
        },
        text,
      );
      return null;
    }
    const city = place.city && place.city.provinceAdcode === provinceAdcode ? place.city : null;
    const slug = newZoneSlug(main.name, { ...place, city }, this.reference, (s) => this.takenSlugs.has(s));
    this.takenSlugs.add(slug);
    const zone: IngestNewZone = {
      slug,
      nameZh: zh?.t.trim() ?? (city && !place.rest ? `${city.nameZh}高新技术产业开发区` : main.t.trim()),
      nameEn: en?.t.trim() ?? (city && !place.rest ? `${city.nameEn} High-tech Zone` : null),
      cityZh: city?.nameZh ?? "",
      cityEn: city?.nameEn ?? null,
      provinceAdcode,
      sheet: at.sheet,
      row: at.row,
    };
    this.zones.push(zone);
    this.byCore.set(key, { zone });
    const province = this.reference.provinces.find((p) => p.adcode === provinceAdcode);
    builder.problem(
      "warning",
      "new_zone",
      at,
      {
        en: `“${text}” is not in the zone registry: it is read as a new zone in ${province?.nameEn ?? provinceAdcode} and joins the registry when this edition is published.`,
        zh: `“${text}”不在高新区名录中：按${province?.nameZh ?? provinceAdcode}的新高新区读取，本版发布后加入名录。`,
      },
      text,
    );
    return { kind: "found", match: { level: "PARK", code: slug } };
  }
}

/**
 * Resolves a place; an unknown one named like a zone becomes a new zone. null when a problem was
 * reported already (the zone's province is unknown); otherwise the resolution for reportGeo.
 */
export function resolvePlace(
  context: IngestContext,
  text: string,
  options: Parameters<IngestContext["geo"]["resolve"]>[1],
  provinceText: string | null,
  at: CellLocation,
): GeoResolution | null {
  const resolution = context.geo.resolve(text, options);
  const level = options?.level ?? null;
  const mayBeZone = level === null ? (options?.order ?? ["PARK"]).includes("PARK") : level === "PARK";
  if (resolution.kind !== "unknown" || !mayBeZone || !text) return resolution;
  const introduced = context.newZones.introduce(context, text, provinceText, at);
  return introduced === undefined ? resolution : introduced;
}
