import { geoContains, geoConicEqualArea, geoPath } from "d3-geo";
import type { GeoPath } from "d3-geo";
import { feature, merge } from "topojson-client";
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";

// The province map's shapes: the topology projected once into SVG paths, each
// province's label point, and the outlines of the regions.

/** viewBox width; the height follows from the projected mainland's shape. */
export const MAP_VIEW_WIDTH = 800;
const VIEW_PADDING = 12;
/** One decimal of a viewBox unit is far below a pixel and keeps the markup small. */
const PATH_DIGITS = 1;
/**
 * The source outlines have thin gaps and specks between some neighbours, which become
 * tiny holes or polygons when provinces are merged into regions. A real enclave (a
 * province of another region inside this one) is much bigger, in square degrees.
 */
const MIN_RING_AREA = 0.1;

export interface Point {
  x: number;
  y: number;
}

export interface ProvinceShape {
  adcode: string;
  isMainland: boolean;
  d: string;
  labelPoint: Point;
}

interface ProvinceProps {
  adcode: string;
  isMainland: boolean;
  cp: [number, number] | null;
}

function readProvinceProps(props: unknown): ProvinceProps | null {
  if (typeof props !== "object" || props === null) return null;
  if (!("adcode" in props) || typeof props.adcode !== "number") return null;
  const isMainland = "isMainland" in props ? props.isMainland !== false : true;
  const rawCp = "cp" in props ? props.cp : null;
  const cp =
    Array.isArray(rawCp) && rawCp.length === 2 && typeof rawCp[0] === "number" && typeof rawCp[1] === "number"
      ? ([rawCp[0], rawCp[1]] as [number, number])
      : null;
  return { adcode: String(props.adcode), isMainland, cp };
}

function provincesObject(topology: Topology): GeometryCollection {
  const object = topology.objects.provinces;
  if (!object || object.type !== "GeometryCollection") {
    throw new Error('ProvinceMap: the topology needs a GeometryCollection named "provinces"');
  }
  // topojson-client's merge() wants `{}` properties while Topology carries nullable
  // GeoJSON properties; the properties are validated by readProvinceProps anyway.
  return object as GeometryCollection;
}

/** Shoelace area of a ring in lng/lat (square degrees, sign = winding). */
function planarRingArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0 = 0, y0 = 0] = ring[i]!;
    const [x1 = 0, y1 = 0] = ring[i + 1]!;
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

/**
 * The outline of each region (mainland provinces merged by `regionOf`; a province
 * without a region is its own group) as rings in lng/lat. Together they trace the
 * mainland's outer boundary and every border between regions.
 *
 * This merges instead of taking `mesh()` of the borders between regions because the
 * source outlines do not share every border point exactly: a mesh of shared arcs comes
 * out dashed along such borders, and the mainland's "exterior" arcs include the gaps.
 */
export function regionOutlineRings(topology: Topology, regionOf: Readonly<Record<string, string>>): Position[][] {
  const groups = new Map<string, (Polygon | MultiPolygon)[]>();
  for (const geometry of provincesObject(topology).geometries) {
    const props = readProvinceProps(geometry.properties);
    if (!props?.isMainland) continue;
    if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") continue;
    const key = regionOf[props.adcode] ?? `province:${props.adcode}`;
    groups.set(key, [...(groups.get(key) ?? []), geometry]);
  }

  const isLandmassSpeck = specksInside(mainLandmass(topology, [...groups.values()].flat()));
  const rings: Position[][] = [];
  for (const geometries of groups.values()) {
    for (const [exterior, ...holes] of merge(topology, geometries).coordinates) {
      if (exterior && !isLandmassSpeck(exterior)) rings.push(exterior);
      rings.push(...holes.filter((hole) => Math.abs(planarRingArea(hole)) >= MIN_RING_AREA));
    }
  }
  return rings;
}

/** The exterior ring of the biggest piece of the merged mainland (everything but islands). */
function mainLandmass(topology: Topology, geometries: (Polygon | MultiPolygon)[]): Position[] {
  const exteriors = merge(topology, geometries).coordinates.flatMap((polygon) => polygon.slice(0, 1));
  const areaOf = (ring: Position[]) => Math.abs(planarRingArea(ring));
  return exteriors.reduce<Position[]>((biggest, ring) => (areaOf(ring) > areaOf(biggest) ? ring : biggest), []);
}

/**
 * A tiny ring inside the main landmass is a leftover sliver, not an island: islands
 * (Hainan, the Zhoushan islands…) lie outside it and keep their outline.
 */
function specksInside(landmass: Position[]): (ring: Position[]) => boolean {
  const polygon = { type: "Polygon" as const, coordinates: [landmass] };
  return (ring) => {
    const first = ring[0];
    if (!first || landmass.length === 0 || Math.abs(planarRingArea(ring)) >= MIN_RING_AREA) return false;
    const [lng = 0, lat = 0] = first;
    return geoContains(polygon, [lng, lat]);
  };
}

export interface MapGeometry {
  provinces: ProvinceShape[];
  path: GeoPath;
  viewHeight: number;
}

/**
 * Projects the topology once: Albers-style conic equal-area, fitted to the mainland's
 * width; the viewBox height is whatever the mainland then needs, so no space is wasted.
 */
export function buildMapGeometry(topology: Topology): MapGeometry {
  const collection = feature(topology, provincesObject(topology));
  const parsed = collection.features.flatMap((f) => {
    const props = readProvinceProps(f.properties);
    return props ? [{ feature: f, props }] : [];
  });
  const mainland: FeatureCollection<Geometry> = {
    type: "FeatureCollection",
    features: parsed.filter((p) => p.props.isMainland).map((p) => p.feature),
  };

  // Standard parallels and central meridian commonly used for maps of China.
  const projection = geoConicEqualArea()
    .parallels([25, 47])
    .rotate([-105, 0])
    .fitWidth(MAP_VIEW_WIDTH - 2 * VIEW_PADDING, mainland);
  const path = geoPath(projection).digits(PATH_DIGITS);
  const [[, top], [, bottom]] = path.bounds(mainland);
  const viewHeight = Math.ceil(bottom - top) + 2 * VIEW_PADDING;
  projection.fitExtent(
    [
      [VIEW_PADDING, VIEW_PADDING],
      [MAP_VIEW_WIDTH - VIEW_PADDING, viewHeight - VIEW_PADDING],
    ],
    mainland,
  );

  const labelPointOf = (f: Feature<Geometry>, cp: [number, number] | null): Point => {
    const projected = cp ? projection(cp) : null;
    const [x, y] = projected ?? path.centroid(f);
    return { x, y };
  };

  const provinces = parsed.map(({ feature: f, props }) => ({
    adcode: props.adcode,
    isMainland: props.isMainland,
    d: path(f) ?? "",
    labelPoint: labelPointOf(f, props.cp),
  }));
  return { provinces, path, viewHeight };
}

/** The region outlines (regionOutlineRings) as one SVG path, drawn with the provinces' projection. */
export function regionOutlinePath(topology: Topology, path: GeoPath, regionOf: Readonly<Record<string, string>>): string {
  return path({ type: "MultiLineString", coordinates: regionOutlineRings(topology, regionOf) }) ?? "";
}
