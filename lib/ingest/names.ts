import { NATION_CODE, type GeoMatch } from "@/lib/ingest/aliases";
import type { IngestMessage, IngestReference } from "@/lib/ingest/types";

// What messages call places, indicators and breakdowns: their names in English
// and Chinese, never the internal codes (an admin knows 怀化高新区, not
// zone-64986c59). Falls back to the text as written when the reference has no name.

/** A message part in both languages. */
export type BilingualText = Exclude<IngestMessage, string>;

const BREAKDOWN_LABELS: Record<string, BilingualText> = {
  state_owned: { en: "state-owned", zh: "国有" },
  high_tech_industries: { en: "high-tech industries", zh: "高技术产业" },
  preliminary: { en: "preliminary", zh: "初步数" },
  q1_q3: { en: "first three quarters", zh: "前三季度" },
};

export interface IngestNames {
  /** A place by its match; `written` is how the file wrote it, used when the reference has no name for it. */
  geo(match: GeoMatch, written?: string): BilingualText;
  /** An indicator, with its breakdown when there is one: "Operating revenue (high-tech industries)". */
  indicator(code: string, breakdown?: string): BilingualText;
  breakdown(code: string): BilingualText;
}

export function createIngestNames(reference: IngestReference): IngestNames {
  const regions = new Map(reference.regions.map((r) => [r.code, r]));
  const provinces = new Map(reference.provinces.map((p) => [String(p.adcode), p]));
  const parks = new Map(reference.parks.map((p) => [p.slug, p]));
  const indicators = new Map(reference.indicators.map((i) => [i.code, i]));

  const breakdown = (code: string): BilingualText => BREAKDOWN_LABELS[code] ?? { en: code, zh: code };

  return {
    geo(match, written) {
      const asWritten = written?.trim() || match.code;
      switch (match.level) {
        case "NATION":
          return match.code === NATION_CODE
            ? { en: "China (national total)", zh: "全国" }
            : { en: asWritten, zh: asWritten };
        case "REGION": {
          const region = regions.get(match.code);
          return region
            ? { en: `the ${region.nameEn} region`, zh: `${region.nameZh}地区` }
            : { en: asWritten, zh: asWritten };
        }
        case "PROVINCE": {
          const province = provinces.get(match.code);
          return province ? { en: province.nameEn, zh: province.nameZh } : { en: asWritten, zh: asWritten };
        }
        case "PARK": {
          const park = parks.get(match.code);
          if (!park) return { en: asWritten, zh: asWritten };
          const english = park.nameEn ?? park.cityEn;
          return { en: english ? `${park.nameZh} (${english})` : park.nameZh, zh: park.nameZh };
        }
      }
    },
    indicator(code, breakdownCode = "") {
      const indicator = indicators.get(code);
      const name = indicator ? { en: indicator.nameEn, zh: indicator.nameZh } : { en: code, zh: code };
      if (!breakdownCode) return name;
      const part = breakdown(breakdownCode);
      return { en: `${name.en} (${part.en})`, zh: `${name.zh}（${part.zh}）` };
    },
    breakdown,
  };
}
