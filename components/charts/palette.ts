// The one palette: categorical colours for lines and bars (Okabe–Ito, safe for
// the common colour-vision deficiencies) and a sequential ramp for the map.

export const CATEGORICAL = [
  "#0072B2", // blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#56B4E9", // sky blue
  "#D55E00", // vermillion
  "#F0E442", // yellow
  "#000000", // black
] as const;

/** A colour per series; beyond eight series, colours repeat with a dashed stroke. */
export function seriesStyle(index: number): { color: string; dash: string | undefined } {
  return {
    color: CATEGORICAL[index % CATEGORICAL.length]!,
    dash: index >= CATEGORICAL.length ? "6 3" : undefined,
  };
}

/** Sequential ramp for choropleths (light → dark blue, readable in greyscale too). */
export const SEQUENTIAL = ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"] as const;

export const NO_DATA_FILL = "#e5e7eb";
export const SAMPLE_COLOR = "#9a3412";
