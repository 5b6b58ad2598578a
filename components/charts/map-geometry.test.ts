import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Topology } from "topojson-specification";
import { buildMapGeometry, regionOutlineRings } from "./map-geometry";

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
