import { INDICATORS, type IndicatorDefinition } from "@/lib/metrics";
import type { IngestReferenceIndicator } from "@/lib/ingest/types";
import { CANONICAL_UNITS } from "@/lib/units";

// Helpers for building an IngestReference: the indicator part follows from the
// metric catalogue (lib/metrics), so the caller only adds the places from the
// database and the year span.

/** Breakdowns the seed editions already store (lib/server/seed/public-sources.ts) besides those the catalogue declares. */
export const SEED_BREAKDOWNS: Readonly<Record<string, readonly string[]>> = {
  revenue: ["preliminary", "high_tech_industries"],
  net_profit: ["preliminary", "high_tech_industries"],
  zone_gdp: ["q1_q3"],
  enterprises_surveyed: ["high_tech_industries"],
  employees: ["high_tech_industries"],
  industrial_output: ["high_tech_industries"],
  tax_revenue: ["high_tech_industries"],
  exports_cny: ["high_tech_industries"],
};

/** Indicators whose values may be below zero although they are money. */
const MAY_BE_NEGATIVE = new Set(["net_profit"]);

/** One catalogue indicator as the ingest library needs it. */
export function toIngestIndicator(definition: IndicatorDefinition): IngestReferenceIndicator {
  const dimension = CANONICAL_UNITS[definition.unit].dimension;
  const breakdowns = [...Object.keys(definition.breakdowns ?? {}), ...(SEED_BREAKDOWNS[definition.code] ?? [])];
  return {
    code: definition.code,
    nameEn: definition.nameEn,
    nameZh: definition.nameZh,
    unit: definition.unit,
    isCount: dimension === "count" || dimension === "people",
    isAdditive: definition.isAdditive,
    allowsNegative: MAY_BE_NEGATIVE.has(definition.code) || dimension === "percent",
    ...(breakdowns.length ? { breakdowns } : {}),
  };
}

/** Every catalogue indicator, ready for IngestReference.indicators. */
export function catalogueIngestIndicators(): IngestReferenceIndicator[] {
  return INDICATORS.map((definition) => toIngestIndicator(definition));
}
