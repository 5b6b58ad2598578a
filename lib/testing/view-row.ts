import type { ViewRow } from "@/lib/view-data";

/**
 * A view row for tests: a reported figure of 2017 with no note or source,
 * named after its geo code, unless the overrides say otherwise.
 */
export function makeViewRow(overrides: Partial<ViewRow> & Pick<ViewRow, "geoCode">): ViewRow {
  return {
    geoNameEn: overrides.geoCode,
    geoNameZh: overrides.geoCode,
    year: 2017,
    value: 1,
    editions: ["public-sources"],
    isSample: false,
    isComputed: false,
    isLowerBound: false,
    isRemainder: false,
    note: null,
    source: null,
    confidence: null,
    ...overrides,
  };
}
