import { describe, expect, it } from "vitest";
import { buildColorScale, rampColors } from "./map-color-scale";
import { NO_DATA_FILL, SEQUENTIAL } from "./palette";

const rampIndex = (color: string) => SEQUENTIAL.indexOf(color as (typeof SEQUENTIAL)[number]);

function expectContiguous(classes: { from: number; to: number }[], min: number, max: number) {
  expect(classes[0]?.from).toBe(min);
  expect(classes.at(-1)?.to).toBe(max);
  for (let i = 1; i < classes.length; i++) {
    expect(classes[i]!.from).toBe(classes[i - 1]!.to);
    expect(classes[i]!.from).toBeGreaterThan(classes[i - 1]!.from);
  }
}

describe("rampColors", () => {
  it("picks distinct colours from the ramp, light to dark", () => {
    for (let n = 1; n <= 8; n++) {
      const indexes = rampColors(n).map(rampIndex);
      expect(indexes).toHaveLength(n);
      expect(indexes.every((i) => i > 0)).toBe(true);
      expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
      expect(new Set(indexes).size).toBe(n);
    }
  });
});

describe("buildColorScale", () => {
  const skewed = [3, 5, 8, 10, 12, 15, 20, 25, 40, 60, 90, 150, 400, 1200, 9000];

  it("makes 6 classes that cover min..max without gaps", () => {
    const { classes } = buildColorScale(skewed);
    expect(classes).toHaveLength(6);
    expectContiguous(classes, 3, 9000);
  });

  it("uses the sequential colours in order, light to dark", () => {
    const indexes = buildColorScale(skewed).classes.map((c) => rampIndex(c.color));
    expect(indexes.every((i) => i >= 0)).toBe(true);
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
    expect(new Set(indexes).size).toBe(indexes.length);
  });

  it("gives each value the colour of the class it falls in", () => {
    const { colorOf, classes } = buildColorScale(skewed);
    for (const v of skewed) {
      const last = classes.length - 1;
      const index = classes.findIndex((c, i) => v >= c.from && (v < c.to || i === last));
      expect(colorOf(v)).toBe(classes[index]!.color);
    }
    expect(colorOf(3)).toBe(classes[0]!.color);
    expect(colorOf(9000)).toBe(classes.at(-1)!.color);
  });

  it("gets darker as values grow", () => {
    const { colorOf } = buildColorScale(skewed);
    const indexes = skewed.map((v) => rampIndex(colorOf(v)));
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
  });

  it("handles a single distinct value", () => {
    const { colorOf, classes } = buildColorScale([7, 7, 7]);
    expect(classes).toHaveLength(1);
    expect(classes[0]).toMatchObject({ from: 7, to: 7 });
    expect(colorOf(7)).toBe(classes[0]!.color);
    expect(rampIndex(classes[0]!.color)).toBeGreaterThan(0);
  });

  it("keeps tied values from merging classes: distinct values get distinct colours up to 6", () => {
    const two = buildColorScale([1, 1, 1, 1, 1, 1, 1, 1, 2]);
    expect(two.classes).toHaveLength(2);
    expectContiguous(two.classes, 1, 2);
    expect(two.colorOf(1)).not.toBe(two.colorOf(2));

    const tied = [0, 0, 0, 0, 0, 0, 5, 6, 7, 8, 100];
    const scale = buildColorScale(tied);
    expect(scale.classes).toHaveLength(6);
    expectContiguous(scale.classes, 0, 100);
    expect(new Set(tied.map(scale.colorOf)).size).toBe(6);
  });

  it("never makes an empty class", () => {
    for (let n = 2; n <= 12; n++) {
      const values = Array.from({ length: n }, (_, i) => i ** 3);
      const { classes, colorOf } = buildColorScale(values);
      expect(classes).toHaveLength(Math.min(6, n));
      expect(new Set(values.map(colorOf)).size).toBe(classes.length);
    }
  });

  it("handles empty input (and ignores non-finite values)", () => {
    const empty = buildColorScale([]);
    expect(empty.classes).toEqual([]);
    expect(empty.colorOf(1)).toBe(NO_DATA_FILL);
    expect(buildColorScale([Number.NaN, Number.POSITIVE_INFINITY]).classes).toEqual([]);
  });
});
