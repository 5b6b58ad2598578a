"use client";

import { useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { KeyboardEvent, MouseEvent, ReactNode } from "react";
import { geoContains, geoConicEqualArea, geoPath } from "d3-geo";
import type { GeoPath } from "d3-geo";
import { scaleQuantile, scaleThreshold } from "d3-scale";
import { feature, merge } from "topojson-client";
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import type { MeasureOptions } from "@/lib/display-unit";
import { NO_DATA_FILL, REMAINDER_STROKE, SAMPLE_COLOR, SEQUENTIAL } from "./palette";
import { LowerBoundDots, MarksLegend } from "./marks-legend";

// Map-only colours that the palette does not cover.
/** Thin border between neighbouring provinces, so equal fills stay distinguishable. */
const PROVINCE_STROKE = "#ffffff";
/** Diagonal lines of the "no data" hatch, dark enough to read on NO_DATA_FILL. */
const HATCH_STROKE = "#9ca3af";
/** Borders between regions and the mainland's outline. */
const REGION_STROKE = "#374151";
/** Outline of a selected province. */
const SELECTED_STROKE = "#111827";
/** Halo around the hovered or focused province: orange stands out on every blue of the ramp. */
const ACTIVE_STROKE = "#f59e0b";

/** viewBox width; the height follows from the projected mainland's shape. */
const VIEW_WIDTH = 800;
const VIEW_PADDING = 12;
/** One decimal of a viewBox unit is far below a pixel and keeps the markup small. */
const PATH_DIGITS = 1;
/**
 * The source outlines have thin gaps and specks between some neighbours, which become
 * tiny holes or polygons when provinces are merged into regions. A real enclave (a
 * province of another region inside this one) is much bigger, in square degrees.
 */
const MIN_RING_AREA = 0.1;
/** Number of colour classes when there are enough distinct values. */
const CLASS_COUNT = 6;
/** Gap in px between the pointer (or the focused province's label point) and the tooltip. */
const TOOLTIP_GAP = 12;

export interface ProvinceMapValue {
  value: number;
  isSample: boolean;
  isComputed: boolean;
  /** Only a lower bound ("at least"): dotted over its colour, "at least" in its label and tooltip. */
  isLowerBound: boolean;
  editions: string[];
  source: string | null;
  /** Says what is missing from a lower bound. */
  note: string | null;
}

/**
 * The part of the total no province can be credited with (ViewRow.isRemainder): it has no
 * place on the map, so it is a line under it, with the row's note.
 */
export interface UnattributedLine {
  /** "Not attributed to a province: 78 zones (national total 156 zones − sum of provinces 78 zones)". */
  text: string;
  note: string | null;
}

export interface ProvinceMapProps {
  topology: Topology;
  /** keyed by province adcode as a string, e.g. "110000" */
  values: ReadonlyMap<string, ProvinceMapValue>;
  /** adcodes (strings) currently selected */
  selected: readonly string[];
  onToggle: (adcode: string) => void;
  /** adcode (string) → region code ("eastern" | "central" | "western" | "northeastern") */
  regionOf: Readonly<Record<string, string>>;
  /** display name of a province in the current language */
  nameOf: (adcode: string) => string;
  /** full value with unit, e.g. "1.2 trillion yuan"; "at least 42 zones" for a lower bound */
  formatValue: (value: number, options?: MeasureOptions) => string;
  /** short legend labels, e.g. "1.2T" */
  formatTick: (value: number) => string;
  /** the "not attributed" part of the total, shown under the map (none when every part is a province) */
  unattributed?: readonly UnattributedLine[];
  /** e.g. "High-tech enterprises (firms), 2017" */
  legendTitle: string;
  labels: {
    noData: string;
    sample: string;
    computed: string;
    edition: string;
    source: string;
    selected: string;
    mapNote: string;
    clickHint: string;
    /** "At least: some parts are missing — see the note" */
    lowerBound: string;
  };
  /** put on the wrapping element; default "province-map" */
  testId?: string;
}

// ---------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------

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

export interface Point {
  x: number;
  y: number;
}

/**
 * Tooltip position (top-left corner, px, relative to the container): right of and
 * above the anchor when there is room, otherwise flipped, and always inside the
 * container horizontally (a tooltip wider than the container starts at its left edge).
 */
export function placeTooltip(
  anchor: Point,
  tooltip: { width: number; height: number },
  containerWidth: number,
  gap: number = TOOLTIP_GAP,
): { left: number; top: number } {
  let left = anchor.x + gap;
  if (left + tooltip.width > containerWidth) left = anchor.x - gap - tooltip.width;
  left = Math.max(0, Math.min(left, containerWidth - tooltip.width));

  let top = anchor.y - gap - tooltip.height;
  if (top < 0) top = anchor.y + gap;
  return { left, top };
}

/** A province as drawn: its SVG path (in viewBox units) and where its tooltip anchors. */
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

interface MapGeometry {
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
    .fitWidth(VIEW_WIDTH - 2 * VIEW_PADDING, mainland);
  const path = geoPath(projection).digits(PATH_DIGITS);
  const [[, top], [, bottom]] = path.bounds(mainland);
  const viewHeight = Math.ceil(bottom - top) + 2 * VIEW_PADDING;
  projection.fitExtent(
    [
      [VIEW_PADDING, VIEW_PADDING],
      [VIEW_WIDTH - VIEW_PADDING, viewHeight - VIEW_PADDING],
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

function buildRegionOutlines(topology: Topology, path: GeoPath, regionOf: Readonly<Record<string, string>>): string {
  return path({ type: "MultiLineString", coordinates: regionOutlineRings(topology, regionOf) }) ?? "";
}

/** Only mainland provinces' finite values take part in the colour classes. */
function mapValues(provinces: ProvinceShape[], values: ReadonlyMap<string, ProvinceMapValue>): number[] {
  return provinces.flatMap((p) => {
    const v = p.isMainland ? values.get(p.adcode) : undefined;
    return v && Number.isFinite(v.value) ? [v.value] : [];
  });
}

// ---------------------------------------------------------------------------
// Component
// ---------------------------------------------------------------------------

interface ActiveProvince extends Point {
  adcode: string;
}

const STROKE_PROPS = { fill: "none", vectorEffect: "non-scaling-stroke", pointerEvents: "none" } as const;

export function ProvinceMap(props: ProvinceMapProps) {
  const { topology, values, selected, onToggle, regionOf, nameOf, formatValue, labels } = props;
  const testId = props.testId ?? "province-map";

  const wrapperRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<ActiveProvince | null>(null);

  // useId's output may contain characters that break url(#…) references.
  const baseId = `province-map-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const hatchId = `${baseId}-hatch`;
  const lowerBoundId = `${baseId}-lower-bound`;
  const tooltipId = `${baseId}-tooltip`;

  const geometry = useMemo(() => buildMapGeometry(topology), [topology]);
  const regionOutlines = useMemo(
    () => buildRegionOutlines(topology, geometry.path, regionOf),
    [topology, geometry, regionOf],
  );
  const scale = useMemo(() => buildColorScale(mapValues(geometry.provinces, values)), [geometry, values]);

  const selectedSet = new Set(selected);
  const mainland = geometry.provinces.filter((p) => p.isMainland);
  const others = geometry.provinces.filter((p) => !p.isMainland);
  const activeShape = active ? mainland.find((p) => p.adcode === active.adcode) : undefined;

  useLayoutEffect(() => {
    const tooltip = tooltipRef.current;
    const wrapper = wrapperRef.current;
    if (!active || !tooltip || !wrapper) return;
    const size = { width: tooltip.offsetWidth, height: tooltip.offsetHeight };
    const { left, top } = placeTooltip(active, size, wrapper.clientWidth);
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }, [active, values, selected]);

  const valueOf = (adcode: string): ProvinceMapValue | undefined => {
    const v = values.get(adcode);
    return v && Number.isFinite(v.value) ? v : undefined;
  };

  const describe = (adcode: string): string => {
    const v = valueOf(adcode);
    return `${nameOf(adcode)}: ${v ? formatValue(v.value, { isLowerBound: v.isLowerBound }) : labels.noData}`;
  };
  const lowerBounds = mainland.filter((p) => valueOf(p.adcode)?.isLowerBound);

  const showAtPointer = (adcode: string, event: MouseEvent<SVGPathElement>) => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    const rect = wrapper.getBoundingClientRect();
    setActive({ adcode, x: event.clientX - rect.left, y: event.clientY - rect.top });
  };

  const showAtLabelPoint = (shape: ProvinceShape) => {
    const wrapper = wrapperRef.current;
    const svg = svgRef.current;
    if (!wrapper || !svg) return;
    const wrapperRect = wrapper.getBoundingClientRect();
    const svgRect = svg.getBoundingClientRect();
    setActive({
      adcode: shape.adcode,
      x: svgRect.left - wrapperRect.left + (shape.labelPoint.x * svgRect.width) / VIEW_WIDTH,
      y: svgRect.top - wrapperRect.top + (shape.labelPoint.y * svgRect.height) / geometry.viewHeight,
    });
  };

  const hide = (adcode: string) => setActive((current) => (current?.adcode === adcode ? null : current));

  const onKeyDown = (adcode: string, event: KeyboardEvent<SVGPathElement>) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onToggle(adcode);
    }
  };

  return (
    <div ref={wrapperRef} className="relative w-full" data-testid={testId}>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${VIEW_WIDTH} ${geometry.viewHeight}`}
        className="block h-auto w-full"
        width="100%"
        role="group"
        aria-label={props.legendTitle}
      >
        <defs>
          <HatchPattern id={hatchId} />
          {lowerBounds.length > 0 && <LowerBoundDots id={lowerBoundId} />}
        </defs>

        <g aria-hidden="true">
          {others.map((p) => (
            <path
              key={p.adcode}
              d={p.d}
              fill={NO_DATA_FILL}
              stroke={PROVINCE_STROKE}
              strokeWidth={0.5}
              vectorEffect="non-scaling-stroke"
              data-adcode={p.adcode}
            />
          ))}
        </g>

        <g>
          {mainland.map((p) => {
            const v = valueOf(p.adcode);
            const isSelected = selectedSet.has(p.adcode);
            const label = describe(p.adcode);
            return (
              <path
                key={p.adcode}
                d={p.d}
                fill={v ? scale.colorOf(v.value) : `url(#${hatchId})`}
                stroke={PROVINCE_STROKE}
                strokeWidth={0.5}
                vectorEffect="non-scaling-stroke"
                className="cursor-pointer outline-none"
                role="button"
                tabIndex={0}
                aria-pressed={isSelected}
                aria-label={label}
                aria-describedby={active?.adcode === p.adcode ? tooltipId : undefined}
                data-adcode={p.adcode}
                onClick={() => onToggle(p.adcode)}
                onKeyDown={(e) => onKeyDown(p.adcode, e)}
                onMouseMove={(e) => showAtPointer(p.adcode, e)}
                onMouseLeave={() => hide(p.adcode)}
                onFocus={() => showAtLabelPoint(p)}
                onBlur={() => hide(p.adcode)}
              >
                <title>{v?.isSample ? `${label} (${labels.sample})` : label}</title>
              </path>
            );
          })}
        </g>

        {/* Dots over every province whose figure is only a lower bound: its colour is "at least". */}
        {lowerBounds.length > 0 && (
          <g aria-hidden="true" data-part="lower-bounds">
            {lowerBounds.map((p) => (
              <path
                key={p.adcode}
                d={p.d}
                fill={`url(#${lowerBoundId})`}
                pointerEvents="none"
                data-lower-bound={p.adcode}
              />
            ))}
          </g>
        )}

        <path d={regionOutlines} stroke={REGION_STROKE} strokeWidth={1.5} strokeLinejoin="round" {...STROKE_PROPS} />

        {activeShape && (
          <path d={activeShape.d} stroke={ACTIVE_STROKE} strokeWidth={4.5} strokeLinejoin="round" {...STROKE_PROPS} />
        )}

        <g aria-hidden="true">
          {mainland
            .filter((p) => selectedSet.has(p.adcode))
            .map((p) => (
              <path
                key={p.adcode}
                d={p.d}
                stroke={SELECTED_STROKE}
                strokeWidth={2.5}
                strokeLinejoin="round"
                {...STROKE_PROPS}
              />
            ))}
        </g>
      </svg>

      {active && (
        <div
          ref={tooltipRef}
          id={tooltipId}
          role="tooltip"
          data-testid={`${testId}-tooltip`}
          className="pointer-events-none absolute top-0 left-0 z-10 w-max max-w-[min(16rem,100%)] rounded border border-slate-300 bg-white px-2 py-1.5 text-xs shadow-md"
        >
          <TooltipBody
            name={nameOf(active.adcode)}
            value={valueOf(active.adcode)}
            isSelected={selectedSet.has(active.adcode)}
            formatValue={formatValue}
            labels={labels}
          />
        </div>
      )}

      <Legend
        scale={scale}
        title={props.legendTitle}
        formatTick={props.formatTick}
        labels={labels}
        hatchId={`${baseId}-legend-hatch`}
        hasLowerBound={lowerBounds.length > 0}
        unattributed={props.unattributed ?? []}
        testId={`${testId}-legend`}
      />
    </div>
  );
}

function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width={6} height={6} fill={NO_DATA_FILL} />
      <line x1={0} y1={0} x2={0} y2={6} stroke={HATCH_STROKE} strokeWidth={2} />
    </pattern>
  );
}

function TooltipBody({
  name,
  value,
  isSelected,
  formatValue,
  labels,
}: {
  name: string;
  value: ProvinceMapValue | undefined;
  isSelected: boolean;
  formatValue: (value: number, options?: MeasureOptions) => string;
  labels: ProvinceMapProps["labels"];
}) {
  return (
    <>
      <p className="font-semibold text-slate-900">
        {name}
        {isSelected && <span className="ml-1 font-normal text-slate-600">({labels.selected})</span>}
      </p>
      {value ? (
        <>
          <p className="text-slate-900">{formatValue(value.value, { isLowerBound: value.isLowerBound })}</p>
          {value.isLowerBound && value.note && <p className="text-slate-700">{value.note}</p>}
          {value.isSample && (
            <p className="font-semibold" style={{ color: SAMPLE_COLOR }}>
              {labels.sample}
            </p>
          )}
          {value.isComputed && <p className="text-slate-600">{labels.computed}</p>}
          <p className="text-slate-600">
            {labels.edition}: {value.editions.length > 0 ? value.editions.join(", ") : "—"}
          </p>
          <p className="break-words text-slate-600">
            {labels.source}: {value.source ?? "—"}
          </p>
        </>
      ) : (
        <p className="text-slate-600">{labels.noData}</p>
      )}
    </>
  );
}

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg width={18} height={12} viewBox="0 0 18 12" aria-hidden="true" className="shrink-0">
      {children}
    </svg>
  );
}

function Legend({
  scale,
  title,
  formatTick,
  labels,
  hatchId,
  hasLowerBound,
  unattributed,
  testId,
}: {
  scale: ColorScale;
  title: string;
  formatTick: (value: number) => string;
  labels: ProvinceMapProps["labels"];
  hatchId: string;
  hasLowerBound: boolean;
  unattributed: readonly UnattributedLine[];
  testId: string;
}) {
  const range = (c: ColorClass) => (c.from === c.to ? formatTick(c.from) : `${formatTick(c.from)}–${formatTick(c.to)}`);
  return (
    <div className="mt-2 text-xs text-slate-700" data-testid={testId}>
      <p className="font-semibold text-slate-900">{title}</p>
      <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
        {scale.classes.map((c) => (
          <li key={c.color} className="flex items-center gap-1">
            <Swatch>
              <rect width={18} height={12} fill={c.color} stroke={HATCH_STROKE} strokeWidth={0.5} />
            </Swatch>
            <span>{range(c)}</span>
          </li>
        ))}
        <li className="flex items-center gap-1">
          <Swatch>
            <defs>
              <HatchPattern id={hatchId} />
            </defs>
            <rect width={18} height={12} fill={`url(#${hatchId})`} />
          </Swatch>
          <span>{labels.noData}</span>
        </li>
        <li className="flex items-center gap-1">
          <Swatch>
            <rect x={1.5} y={1.5} width={15} height={9} fill="none" stroke={SELECTED_STROKE} strokeWidth={2.5} />
          </Swatch>
          <span>{labels.selected}</span>
        </li>
      </ul>
      <MarksLegend
        items={hasLowerBound ? [{ kind: "lower-bound-area", label: labels.lowerBound }] : []}
        color={REMAINDER_STROKE}
        testId={`${testId}-marks`}
      />
      {unattributed.map((line) => (
        <p key={line.text} className="mt-1 text-slate-800" data-testid={`${testId}-unattributed`}>
          <span className="font-medium">{line.text}</span>
          {line.note && <span className="block text-slate-600">{line.note}</span>}
        </p>
      ))}
      <p className="mt-1 text-slate-600">{labels.mapNote}</p>
      <p className="text-slate-600">{labels.clickHint}</p>
    </div>
  );
}
