"use client";

import { useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { KeyboardEvent, MouseEvent, ReactNode } from "react";
import type { Topology } from "topojson-specification";
import type { MeasureOptions } from "@/lib/display-unit";
import { buildColorScale, type ColorClass, type ColorScale } from "./map-color-scale";
import { buildMapGeometry, MAP_VIEW_WIDTH, type Point, type ProvinceShape, regionOutlinePath } from "./map-geometry";
import { LowerBoundDots, MarksLegend } from "./marks-legend";
import {
  ACTIVE_STROKE,
  NO_DATA_FILL,
  NO_DATA_HATCH,
  PROVINCE_STROKE,
  REGION_STROKE,
  REMAINDER_STROKE,
  SAMPLE_COLOR,
  SELECTED_STROKE,
} from "./palette";
import { placeTooltip } from "./tooltip-placement";

// The choropleth of provinces: click or press a province to select it, hover or focus it
// for its figure. Shapes come from map-geometry.ts, colours from map-color-scale.ts.

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
  /**
   * The values the colour classes are drawn from; default the values shown. A time-lapse
   * passes every year's, so a colour means the same in each frame.
   */
  colorValues?: readonly number[];
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

/** Only mainland provinces' finite values take part in the colour classes. */
function mapValues(provinces: ProvinceShape[], values: ReadonlyMap<string, ProvinceMapValue>): number[] {
  return provinces.flatMap((p) => {
    const v = p.isMainland ? values.get(p.adcode) : undefined;
    return v && Number.isFinite(v.value) ? [v.value] : [];
  });
}

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
    () => regionOutlinePath(topology, geometry.path, regionOf),
    [topology, geometry, regionOf],
  );
  const { colorValues } = props;
  const scale = useMemo(
    () => buildColorScale(colorValues ? [...colorValues] : mapValues(geometry.provinces, values)),
    [geometry, values, colorValues],
  );

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
      x: svgRect.left - wrapperRect.left + (shape.labelPoint.x * svgRect.width) / MAP_VIEW_WIDTH,
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
        viewBox={`0 0 ${MAP_VIEW_WIDTH} ${geometry.viewHeight}`}
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
      <line x1={0} y1={0} x2={0} y2={6} stroke={NO_DATA_HATCH} strokeWidth={2} />
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
              <rect width={18} height={12} fill={c.color} stroke={NO_DATA_HATCH} strokeWidth={0.5} />
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
