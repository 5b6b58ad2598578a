/**
 * Builds the browser map: public/geo/china-provinces.topo.json from
 * prisma/seed/geo/china_provinces_echarts4.geojson (echarts 4.9.0, Apache-2.0).
 *
 *   npx tsx scripts/build-map.ts
 *
 * Steps: clean the source rings, build a topology (shared borders become shared
 * arcs), Visvalingam-simplify by planar triangle area, drop specks of islands,
 * quantize, write. Deterministic: no randomness, no timestamps, features sorted
 * by adcode, so the same input always gives byte-identical output.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { topology } from "topojson-server";
import { filter, planarRingArea, presimplify, simplify } from "topojson-simplify";
import { feature, quantize } from "topojson-client";
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from "geojson";
import type { Filter } from "topojson-simplify";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const INPUT = path.join(ROOT, "prisma/seed/geo/china_provinces_echarts4.geojson");
const OUTPUT = path.join(ROOT, "public/geo/china-provinces.topo.json");
const OBJECT_NAME = "provinces";

/**
 * Visvalingam weight threshold, in square degrees (planar lng/lat). Points whose
 * effective triangle area is below it are removed. 0.0015 deg² is about 0.25 px²
 * on an 800 px wide map of China, so the outline is visually unchanged at dashboard
 * size while about a quarter of the points go.
 */
const MIN_TRIANGLE_AREA = 0.0015;
/**
 * Islands (extra polygons of a feature) smaller than this many square degrees
 * (~0.002 deg², roughly 20 km², under a pixel on the dashboard) are dropped.
 * A feature's largest polygon is always kept, so Macau and Hong Kong survive.
 */
const MIN_ISLAND_AREA = 0.002;
/** Quantization: 1e4 steps across the extent (~0.006° ≈ 600 m per step). */
const QUANTIZATION = 1e4;

/** Taiwan, Hong Kong, Macau: drawn, but the app has no data for them. */
const NOT_MAINLAND = new Set([710000, 810000, 820000]);

type TRing = Position[];
type TPolygonCoords = TRing[];
type TSourceProps = { adcode: number; name_zh: string; name_en: string; cp: [number, number] };
type TOutputProps = TSourceProps & { isMainland: boolean };
/** Topology with `{}` properties, as topojson-simplify expects. */
type TTopology = Parameters<typeof presimplify>[0];

function fail(message: string): never {
  throw new Error(`build-map: ${message}`);
}

/** Shoelace area in lng/lat; negative = clockwise. */
function signedArea(ring: TRing): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum / 2;
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Closes open rings, removes repeated points, drops degenerate rings (the source
 * has ~30 zero-area "A, B, A" rings), and winds every exterior ring clockwise and
 * every hole counter-clockwise (the d3-geo convention, which 145 of the source's
 * 147 real exterior rings already follow).
 */
function cleanRing(ring: TRing, isHole: boolean): TRing | null {
  const out: TRing = [];
  for (const p of ring) {
    if (p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) fail("bad coordinate");
    const prev = out[out.length - 1];
    if (!prev || !samePoint(prev, p)) out.push([p[0]!, p[1]!]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && !samePoint(first, last)) out.push([first[0]!, first[1]!]);
  if (out.length < 4) return null;
  const area = signedArea(out);
  if (area === 0) return null;
  const clockwise = area < 0;
  if (clockwise === isHole) out.reverse();
  return out;
}

function cleanPolygons(geometry: Polygon | MultiPolygon): TPolygonCoords[] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const out: TPolygonCoords[] = [];
  for (const polygon of polygons) {
    const [exterior, ...holes] = polygon;
    const cleanExterior = exterior ? cleanRing(exterior, false) : null;
    if (!cleanExterior) continue;
    const cleanHoles = holes.map((h) => cleanRing(h, true)).filter((h): h is TRing => h !== null);
    out.push([cleanExterior, ...cleanHoles]);
  }
  return out;
}

function readSource(): FeatureCollection<Polygon | MultiPolygon, TOutputProps> {
  const raw = JSON.parse(readFileSync(INPUT, "utf8")) as FeatureCollection;
  if (raw.type !== "FeatureCollection") fail("input is not a FeatureCollection");

  const features: Feature<Polygon | MultiPolygon, TOutputProps>[] = raw.features.map((f) => {
    const p = (f.properties ?? {}) as Partial<TSourceProps>;
    const { adcode, name_zh, name_en, cp } = p;
    if (typeof adcode !== "number" || !Number.isInteger(adcode)) fail(`feature without numeric adcode`);
    if (typeof name_zh !== "string" || typeof name_en !== "string") fail(`${adcode}: missing names`);
    if (!Array.isArray(cp) || cp.length !== 2 || !cp.every(Number.isFinite)) fail(`${adcode}: bad cp`);
    const g = f.geometry;
    if (g.type !== "Polygon" && g.type !== "MultiPolygon") fail(`${adcode}: geometry ${g.type}`);

    const polygons = cleanPolygons(g);
    if (polygons.length === 0) fail(`${adcode}: no usable polygon`);
    const geometry: Polygon | MultiPolygon =
      polygons.length === 1
        ? { type: "Polygon", coordinates: polygons[0]! }
        : { type: "MultiPolygon", coordinates: polygons };

    // Fixed key order keeps the output stable.
    const properties: TOutputProps = {
      adcode,
      name_zh,
      name_en,
      cp: [cp[0], cp[1]],
      isMainland: !NOT_MAINLAND.has(adcode),
    };
    return { type: "Feature", properties, geometry };
  });

  features.sort((a, b) => a.properties.adcode - b.properties.adcode);
  const adcodes = features.map((f) => f.properties.adcode);
  if (new Set(adcodes).size !== adcodes.length) fail("duplicate adcode");
  return { type: "FeatureCollection", features };
}

/** Exterior ring (arc indexes) of each polygon of each geometry, in order. */
function exteriorRings(topo: TTopology): number[][][] {
  const collection = topo.objects[OBJECT_NAME];
  if (!collection || collection.type !== "GeometryCollection") fail("no geometry collection");
  return collection.geometries.map((g) => {
    if (g.type === "Polygon") return g.arcs[0] ? [g.arcs[0]] : [];
    if (g.type === "MultiPolygon") return g.arcs.flatMap((poly) => (poly[0] ? [poly[0]] : []));
    return [];
  });
}

/**
 * Simplification removes every interior point of an arc whose weight is below
 * the threshold, so a small island (one closed arc) could shrink to "A, A". Give
 * each ring at least three points that can never be removed (its highest-weight
 * ones), so no ring collapses; whether a small island stays is then decided only
 * by the area filter below.
 */
function protectRings(topo: TTopology): void {
  const rings = exteriorRings(topo).flat();
  const collection = topo.objects[OBJECT_NAME];
  if (collection?.type === "GeometryCollection") {
    for (const g of collection.geometries) {
      if (g.type === "Polygon") rings.push(...g.arcs.slice(1));
      if (g.type === "MultiPolygon") for (const poly of g.arcs) rings.push(...poly.slice(1));
    }
  }
  for (const ring of rings) {
    // Distinct arc endpoints are already kept (weight Infinity).
    const needed = 3 - ring.length;
    if (needed <= 0) continue;
    const candidates: { point: number[]; arc: number; index: number }[] = [];
    for (const ref of ring) {
      const arcIndex = ref < 0 ? ~ref : ref;
      const arc = topo.arcs[arcIndex] ?? fail(`missing arc ${arcIndex}`);
      for (let i = 1; i + 1 < arc.length; i++) candidates.push({ point: arc[i]!, arc: arcIndex, index: i });
    }
    candidates.sort((a, b) => (b.point[2] ?? 0) - (a.point[2] ?? 0) || a.arc - b.arc || a.index - b.index);
    for (const c of candidates.slice(0, needed)) c.point[2] = Infinity;
  }
}

function ringKey(ring: number[]): string {
  return ring.join(",");
}

/** Keeps holes, every feature's largest polygon, and any island of at least MIN_ISLAND_AREA. */
function islandFilter(topo: TTopology): Filter {
  const keep = new Set<string>();
  for (const rings of exteriorRings(topo)) {
    let best: number[] | undefined;
    let bestArea = -1;
    for (const ring of rings) {
      const area = ringArea(topo, ring);
      if (area > bestArea) [best, bestArea] = [ring, area];
    }
    if (best) keep.add(ringKey(best));
  }
  // @types/topojson-simplify types the ring as coordinates; at runtime it is arc indexes.
  return (ring, interior) => {
    const arcs = ring as unknown as number[];
    return interior || keep.has(ringKey(arcs)) || ringArea(topo, arcs) >= MIN_ISLAND_AREA;
  };
}

function ringArea(topo: TTopology, ring: number[]): number {
  const f = feature(topo, { type: "Polygon", arcs: [ring] });
  const coords = f.geometry.coordinates[0] ?? [];
  return Math.abs(planarRingArea(coords as [number, number][]));
}

function countPoints(topo: TTopology): number {
  return topo.arcs.reduce((n, arc) => n + arc.length, 0);
}

/** Every feature must come out with real polygons: at least 4 positions and non-zero area per ring. */
function verify(topo: TTopology, expected: number): void {
  const collection = topo.objects[OBJECT_NAME];
  if (!collection || collection.type !== "GeometryCollection") fail("output has no geometry collection");
  const fc = feature(topo, collection);
  if (fc.features.length !== expected) fail(`expected ${expected} features, got ${fc.features.length}`);
  for (const f of fc.features) {
    const g = f.geometry;
    const adcode = (f.properties as TOutputProps | null)?.adcode;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) fail(`${adcode}: lost its geometry`);
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    if (polygons.length === 0) fail(`${adcode}: empty geometry`);
    for (const polygon of polygons) {
      for (const ring of polygon) {
        if (ring.length < 4 || signedArea(ring) === 0) fail(`${adcode}: degenerate ring after simplification`);
      }
    }
  }
}

function main(): void {
  const source = readSource();
  const sourcePoints = source.features.reduce((n, f) => {
    const g = f.geometry;
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    return n + polygons.flat().reduce((m, ring) => m + ring.length, 0);
  }, 0);

  // No quantization here: the source is already on a 1/1024° grid, so shared
  // borders match exactly and become shared arcs.
  const topo = topology({ [OBJECT_NAME]: source }) as TTopology;
  const topoPoints = countPoints(topo);

  const weighted = presimplify(topo);
  protectRings(weighted);
  const simplified = simplify(weighted, MIN_TRIANGLE_AREA);
  const filtered = filter(simplified, islandFilter(simplified)) as TTopology;
  const output = quantize(filtered, QUANTIZATION);
  verify(output, source.features.length);

  const json = JSON.stringify(output);
  mkdirSync(path.dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, json);

  const bytes = Buffer.byteLength(json);
  console.log(
    [
      `wrote ${path.relative(ROOT, OUTPUT)}: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB)`,
      `  features: ${source.features.length} (${source.features.filter((f) => f.properties.isMainland).length} mainland)`,
      `  points: ${sourcePoints} in source, ${topoPoints} after topology, ${countPoints(filtered)} after simplify/filter`,
      `  settings: minWeight ${MIN_TRIANGLE_AREA} deg², islands < ${MIN_ISLAND_AREA} deg² dropped, quantization ${QUANTIZATION}`,
    ].join("\n"),
  );
}

main();
