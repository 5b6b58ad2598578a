// Geography levels, the one definition for the whole app: as stored
// (observation.geo_level, the GeoLevel enum of prisma/schema.prisma) and as a
// view's URL names them (level=province).

import type { ViewState } from "@/lib/view-state";

export const GEO_LEVELS = ["NATION", "REGION", "PROVINCE", "PARK"] as const;
export type GeoLevel = (typeof GEO_LEVELS)[number];

export const VIEW_LEVELS = ["nation", "region", "province", "park"] as const;
export type TLevel = (typeof VIEW_LEVELS)[number];

const STORED: Record<TLevel, GeoLevel> = { nation: "NATION", region: "REGION", province: "PROVINCE", park: "PARK" };

/** The stored level a view's level reads. */
export function storedLevel(level: TLevel): GeoLevel {
  return STORED[level];
}

/** The map always shows provinces; every other view shows the chosen level. */
export function levelShown(state: Pick<ViewState, "view" | "level">): TLevel {
  return state.view === "map" ? "province" : state.level;
}
