import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { feature } from "topojson-client";
import type { Feature, Geometry } from "geojson";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MAP_FILE = path.join(ROOT, "public/geo/china-provinces.topo.json");
const PROVINCES_CSV = path.join(ROOT, "prisma/seed/data/provinces_regions.csv");

type TTopology = Parameters<typeof feature>[0];
type TProvinceProps = { adcode: number; name_zh: string; name_en: string; cp: [number, number]; isMainland: boolean };

/** The `adcode` column of the reference CSV (plain CSV: no quoted fields). */
function readCsvAdcodes(): number[] {
  const [header, ...rows] = readFileSync(PROVINCES_CSV, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  const column = (header ?? "").split(",").indexOf("adcode");
  if (column < 0) throw new Error(`${PROVINCES_CSV} has no adcode column`);
  return rows.map((row) => Number(row.split(",")[column]));
}

function readProvinceFeatures(): Feature<Geometry | null, TProvinceProps>[] {
  const topology = JSON.parse(readFileSync(MAP_FILE, "utf8")) as TTopology;
  const object = topology.objects.provinces;
  if (object?.type !== "GeometryCollection") throw new Error("expected a GeometryCollection named provinces");
  return feature(topology, object).features as Feature<Geometry | null, TProvinceProps>[];
}

describe("public/geo/china-provinces.topo.json", () => {
  const features = readProvinceFeatures();
  const mainland = features.filter((f) => f.properties.isMainland === true);

  it("has 34 features, 31 of them mainland", () => {
    expect(features).toHaveLength(34);
    expect(mainland).toHaveLength(31);
    expect(features.filter((f) => f.properties.isMainland === false)).toHaveLength(3);
  });

  it("has the mainland adcodes of provinces_regions.csv", () => {
    const csvAdcodes = readCsvAdcodes();
    expect(csvAdcodes).toHaveLength(31);
    expect(csvAdcodes.every(Number.isInteger)).toBe(true);
    const mapAdcodes = mainland.map((f) => f.properties.adcode);
    expect([...mapAdcodes].sort((a, b) => a - b)).toEqual([...csvAdcodes].sort((a, b) => a - b));
  });

  it("keeps the properties the app reads", () => {
    for (const f of features) {
      expect(typeof f.properties.adcode).toBe("number");
      expect(f.properties.name_zh).toBeTruthy();
      expect(f.properties.name_en).toBeTruthy();
      expect(f.properties.cp).toHaveLength(2);
    }
  });

  it("gives every mainland feature a non-empty polygon geometry", () => {
    for (const f of mainland) {
      const g = f.geometry;
      expect(g?.type, `${f.properties.name_en}`).toMatch(/^(Multi)?Polygon$/);
      if (g?.type !== "Polygon" && g?.type !== "MultiPolygon") continue;
      const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      expect(polygons.length, f.properties.name_en).toBeGreaterThan(0);
      for (const polygon of polygons) {
        expect(polygon[0]?.length ?? 0, f.properties.name_en).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it("is under 200 KB", () => {
    expect(statSync(MAP_FILE).size).toBeLessThan(200 * 1024);
  });
});
