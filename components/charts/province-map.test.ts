import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Topology } from "topojson-specification";
import { formatMeasure } from "@/lib/display-unit";
import { ProvinceMap, type ProvinceMapProps, type ProvinceMapValue } from "./province-map";

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
