import { scaleQuantile, scaleThreshold } from "d3-scale";
import { NO_DATA_FILL, SEQUENTIAL } from "./palette";

// The province map's colour classes: quantiles of the values, each a colour of the
// palette's sequential ramp.

/** Number of colour classes when there are enough distinct values. */
const CLASS_COUNT = 6;

export interface ColorClass {
  from: number;
  to: number;
  color: string;
}

export interface ColorScale {
  colorOf(v: number): string;
  /** Light → dark; consecutive classes share their boundary (`to` of one is `from` of the next). */
  classes: ColorClass[];
}

/**
 * `count` colours from the sequential ramp, light → dark. The ramp's first colour is
 * skipped: it is almost white and would vanish against the page.
 */
export function rampColors(count: number): string[] {
  if (count <= 0) return [];
  const usable = SEQUENTIAL.slice(1);
  if (count === 1) return [usable[Math.floor(usable.length / 2)]!];
  const step = (usable.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, i) => usable[Math.round(i * step)]!);
}

/**
 * Quantile classes (province data is very skewed, so equal-width classes would paint
 * almost every province in the lightest colour). The quantiles are taken over the
 * distinct values: with ties (say many zeros) quantiles over all values would
 * coincide and merge classes, leaving different values in the same colour.
 */
export function buildColorScale(values: number[]): ColorScale {
  const distinct = [...new Set(values.filter((v) => Number.isFinite(v)))].sort((a, b) => a - b);
  const min = distinct[0];
  const max = distinct.at(-1);
  if (min === undefined || max === undefined) return { colorOf: () => NO_DATA_FILL, classes: [] };

  const wanted = Math.min(CLASS_COUNT, distinct.length);
  const quantiles = scaleQuantile<number>()
    .domain(distinct)
    .range(Array.from({ length: wanted }, (_, i) => i))
    .quantiles();
  // Safety net: a value equal to a threshold falls in the upper class, so a threshold
  // at `min` (or a repeated one) would make an empty class.
  const thresholds = [...new Set(quantiles)].filter((t) => t > min && t <= max);

  const colors = rampColors(thresholds.length + 1);
  const scale = scaleThreshold<number, string>().domain(thresholds).range(colors);
  const bounds = [min, ...thresholds, max];
  const classes = colors.map((color, i) => ({ from: bounds[i]!, to: bounds[i + 1]!, color }));
  return { colorOf: (v) => scale(v), classes };
}
