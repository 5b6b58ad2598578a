import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Topology } from "topojson-specification";
import { formatMeasure } from "@/lib/display-unit";
import { NO_DATA_FILL, SEQUENTIAL } from "./palette";
import {
  buildColorScale,
  buildMapGeometry,
  placeTooltip,
  ProvinceMap,
  type ProvinceMapProps,
  type ProvinceMapValue,
  rampColors,
  regionOutlineRings,
} from "./province-map";

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

describe("placeTooltip", () => {
  const size = { width: 200, height: 80 };

  it("goes right of and above the anchor when there is room", () => {
    expect(placeTooltip({ x: 50, y: 200 }, size, 800, 10)).toEqual({ left: 60, top: 110 });
  });

  it("flips left near the right edge and below near the top", () => {
    expect(placeTooltip({ x: 700, y: 30 }, size, 800, 10)).toEqual({ left: 490, top: 40 });
  });

  it("stays inside a 375 px container", () => {
    for (const x of [0, 100, 187, 250, 375]) {
      const { left } = placeTooltip({ x, y: 100 }, size, 375);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + size.width).toBeLessThanOrEqual(375);
    }
  });

  it("starts at the left edge when wider than the container", () => {
    expect(placeTooltip({ x: 100, y: 100 }, { width: 400, height: 80 }, 375).left).toBe(0);
  });
});

describe("map geometry (real topology)", () => {
  const file = path.join(import.meta.dirname, "../../public/geo/china-provinces.topo.json");
  const topology = JSON.parse(readFileSync(file, "utf8")) as Topology;
  const { provinces, viewHeight } = buildMapGeometry(topology);

  it("draws 31 mainland provinces and 3 others, each with a path inside the viewBox", () => {
    expect(viewHeight).toBeGreaterThan(400);
    expect(viewHeight).toBeLessThan(800);
    expect(provinces.filter((p) => p.isMainland)).toHaveLength(31);
    expect(
      provinces
        .filter((p) => !p.isMainland)
        .map((p) => p.adcode)
        .sort(),
    ).toEqual(["710000", "810000", "820000"]);
    for (const p of provinces) {
      expect(p.d.length).toBeGreaterThan(10);
      expect(p.labelPoint.x).toBeGreaterThan(0);
      expect(p.labelPoint.x).toBeLessThan(800);
      expect(p.labelPoint.y).toBeGreaterThan(0);
      expect(p.labelPoint.y).toBeLessThan(viewHeight);
    }
  });

  it("is oriented north up, west left", () => {
    const at = (adcode: string) => provinces.find((p) => p.adcode === adcode)!.labelPoint;
    expect(at("230000").y).toBeLessThan(at("460000").y); // Heilongjiang above Hainan
    expect(at("650000").x).toBeLessThan(at("310000").x); // Xinjiang left of Shanghai
  });

  it("outlines regions without the slivers between provinces", () => {
    const mainlandCodes = provinces.filter((p) => p.isMainland).map((p) => p.adcode);
    const oneRegion = Object.fromEntries(mainlandCodes.map((c) => [c, "all"]));
    const eastWest = Object.fromEntries(mainlandCodes.map((c) => [c, Number(c) < 400000 ? "a" : "b"]));
    const outline = regionOutlineRings(topology, oneRegion);
    // Only the mainland's exterior rings (main landmass, Hainan, islands): no gap holes.
    expect(outline.length).toBeLessThan(30);
    expect(regionOutlineRings(topology, eastWest).length).toBeGreaterThan(outline.length);
    // Provinces missing from regionOf are outlined on their own.
    expect(regionOutlineRings(topology, {}).length).toBeGreaterThan(31);
  });
});

describe("ProvinceMap: lower bounds and the part no province has", () => {
  const topology = JSON.parse(
    readFileSync(path.join(import.meta.dirname, "../../public/geo/china-provinces.topo.json"), "utf8"),
  ) as Topology;
  const zones = { unit: "zones" } as const;
  const value = (n: number, isLowerBound: boolean): ProvinceMapValue => ({
    value: n,
    isSample: false,
    isComputed: false,
    isLowerBound,
    editions: ["public-sources"],
    source: null,
    note: isLowerBound ? "At least: the registry lists 9 of this province's zones" : null,
  });
  function render(overrides: Partial<ProvinceMapProps> = {}): string {
    const props: ProvinceMapProps = {
      topology,
      values: new Map([
        ["110000", value(3, true)],
        ["440000", value(14, false)],
      ]),
      selected: [],
      onToggle: () => {},
      regionOf: {},
      nameOf: (code) => ({ "110000": "Beijing", "440000": "Guangdong" })[code] ?? code,
      formatValue: (n, options) => formatMeasure(n, zones, "en", options),
      formatTick: String,
      legendTitle: "National high-tech zones (zones), 2017",
      labels: {
        noData: "no data",
        sample: "synthetic sample",
        computed: "computed",
        edition: "Edition",
        source: "Source",
        selected: "selected",
        mapNote: "map note",
        clickHint: "click hint",
        lowerBound: "At least: some parts are missing — see the note",
      },
      ...overrides,
    };
    return renderToStaticMarkup(createElement(ProvinceMap, props));
  }

  it("says 'at least' for a lower bound, and dots it over its colour", () => {
    const html = render();
    expect(html).toContain('aria-label="Beijing: at least 3 zones"');
    expect(html).toContain('aria-label="Guangdong: 14 zones"');
    expect(html).toMatch(/<path d="[^"]+" fill="url\(#province-map-[^"]*-lower-bound\)" pointer-events="none" data-lower-bound="110000"/);
    expect(html).not.toContain('data-lower-bound="440000"');
    expect(html).toContain('data-mark="lower-bound-area"');
    expect(html).toContain("At least: some parts are missing — see the note");
  });

  it("shows the part no province has as a line under the map, with its note", () => {
    const html = render({
      unattributed: [
        {
          text: "Not attributed to a province: 139 zones (national total 156 zones − sum of provinces 17 zones)",
          note: "Computed: the national total 156 (reported) minus the 2 provinces shown, 17",
        },
      ],
    });
    const line = /<p [^>]*data-testid="province-map-legend-unattributed">(.*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(line).toContain("Not attributed to a province: 139 zones (national total 156 zones − sum of provinces 17 zones)");
    expect(line).toContain("Computed: the national total 156 (reported) minus the 2 provinces shown, 17");
    // It is no province to click.
    expect(html).not.toContain('data-adcode="unattributed"');
  });

  it("has neither mark nor line when every figure is a province's total", () => {
    const html = render({ values: new Map([["440000", value(14, false)]]) });
    expect(html).not.toContain("lower-bound");
    expect(html).not.toContain("unattributed");
  });
});
