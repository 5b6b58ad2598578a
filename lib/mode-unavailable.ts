// Why a mode can't be used with a metric and level (lib/view-state.ts modeUnavailableReason), in
// English: the API's notes say it so, and the dashboard's dictionary words it in both languages. A module
// of its own so that the dictionary does not bring the view-state module into every page.

export type TModeUnavailable =
  | "already-ratio"
  | "density-needs-hte"
  | "already-share"
  | "zones-per-zone"
  | "zone-per-zone"
  | "nation-share";
export const MODE_UNAVAILABLE: Record<TModeUnavailable, string> = {
  "already-ratio": "This metric is already a ratio; it is shown as is.",
  "density-needs-hte": "Density is high-tech enterprises ÷ registered firms: choose the metric High-tech enterprises.",
  "already-share": "This metric is a share already; it cannot be divided further.",
  "zones-per-zone": "Zones per zone is always 1.",
  "zone-per-zone": "Each zone is one zone: per-zone figures need a region or province.",
  "nation-share": "The nation is 100% of itself: choose regions or provinces.",
};
