import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatMeasure, formatTick } from "@/lib/display-unit";
import { makeViewRow } from "@/lib/testing/view-row";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";
import { compareChartHeight, sortForCompare } from "./compare-model";
import { CATEGORICAL, REMAINDER_DASH, REMAINDER_FILL, REMAINDER_STROKE, SAMPLE_COLOR } from "./palette";
import { StaticCompareChart, type StaticCompareChartProps } from "./static-compare-chart";

function row(geoCode: string, value: number, isSample = false, flags: Partial<ViewRow> = {}): ViewRow {
  return makeViewRow({ geoCode, geoNameEn: geoCode.toUpperCase(), year: 2020, value, editions: ["e1"], isSample, ...flags });
}

const ROWS = [row("a", 10), row("b", 40), row("c", 25), row("d", 5)];
const MARKS = { lowerBound: "At least: some parts are missing — see the note", remainder: "Not attributed to a region: the rest of the total" };

function render(overrides: Partial<StaticCompareChartProps> = {}): string {
  const props: StaticCompareChartProps = {
    rows: ROWS,
    nameOf: (code) => `Name ${code}`,
    formatTick: (value) => `${value}u`,
    unitLabel: "yuan",
    marks: MARKS,
    ...overrides,
  };
  return renderToStaticMarkup(createElement(StaticCompareChart, props));
}

interface Bar {
  geo: string;
  x: number;
  width: number;
  y: number;
  opacity: number;
  stroke: string;
  dash: string | undefined;
}

function bars(html: string): Bar[] {
  return [...html.matchAll(/<rect ([^>]*)>/g)].map((m) => {
    const attr = (name: string) => new RegExp(` ?${name}="([^"]*)"`).exec(m[1]!)?.[1];
    return {
      geo: attr("data-geo")!,
      x: Number.parseFloat(attr("x")!),
      width: Number.parseFloat(attr("width")!),
      y: Number(attr("y")),
      opacity: Number(attr("fill-opacity")),
      stroke: attr("stroke")!,
      dash: attr("stroke-dasharray"),
    };
  });
}

function valueLabels(html: string): { x: number; anchor: string; text: string }[] {
  const values = /<g data-part="values"[^>]*>(.*?)<\/g>/.exec(html)?.[1] ?? "";
  return [...values.matchAll(/<text x="([^"]*)%"[^>]*text-anchor="([^"]*)">([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    anchor: m[2]!,
    text: m[3]!,
  }));
}

const tickLabels = (html: string, axis: "x" | "y") =>
  [...html.matchAll(new RegExp(`data-tick="${axis}"[^>]*>(.*?)</text>`, "g"))].map((m) =>
    m[1]!.replace(/<[^>]*>/g, " ").trim(),
  );

describe("StaticCompareChart", () => {
  it("sorts bars largest first, with the names in the same order", () => {
    const html = render();
    expect(bars(html).map((b) => b.geo)).toEqual(["b", "c", "a", "d"]);
    expect(tickLabels(html, "y")).toEqual(["Name b", "Name c", "Name a", "Name d"]);
    // One 28px slot per bar, top to bottom.
    expect(bars(html).map((b) => b.y)).toEqual([5.6, 33.6, 61.6, 89.6]);
  });

  it("draws bars from zero with widths proportional to the values", () => {
    const drawn = bars(render());
    expect(drawn.every((b) => b.x === 0)).toBe(true);
    // 40 → 100% of a 0…40 axis, so each width is value × 2.5%.
    expect(drawn.map((b) => b.width)).toEqual([100, 62.5, 25, 12.5]);
  });

  it("orders ties by display name, then by code, like CompareChart", () => {
    const rows = [row("x", 5), row("y", 5), row("z", 9), row("w", 5)];
    const nameOf = (code: string) => ({ x: "Beta", y: "Alpha", z: "Gamma", w: "Alpha" })[code] ?? code;
    const expected = sortForCompare(rows, nameOf).map((r) => r.geoCode);
    expect(expected).toEqual(["z", "w", "y", "x"]);
    expect(bars(render({ rows, nameOf })).map((b) => b.geo)).toEqual(expected);
  });

  it("has CompareChart's height", () => {
    expect(render()).toContain(`height:${compareChartHeight(4)}px`);
  });

  it("labels bar ends and x ticks with formatTick, and shows the unit", () => {
    const html = render();
    expect(valueLabels(html)).toEqual([
      { x: 100, anchor: "start", text: "40u" },
      { x: 62.5, anchor: "start", text: "25u" },
      { x: 25, anchor: "start", text: "10u" },
      { x: 12.5, anchor: "start", text: "5u" },
    ]);
    expect(tickLabels(html, "x")).toEqual(["0u", "10u", "20u", "30u", "40u"]);
    expect(html).toMatch(/<text x="50%" y="\d+" text-anchor="middle" fill="#808080">yuan<\/text>/);
  });

  it("emphasises selected geos the way CompareChart does", () => {
    const drawn = bars(render({ selected: ["c", "zz"] }));
    expect(drawn.map((b) => [b.geo, b.opacity])).toEqual([
      ["b", 0.35],
      ["c", 1],
      ["a", 0.35],
      ["d", 0.35],
    ]);
    expect(bars(render()).every((b) => b.opacity === 1)).toBe(true);
    expect(render()).toContain(`fill="${CATEGORICAL[0]}"`);
  });

  it("marks synthetic samples with a pale, dashed bar and a star on the label", () => {
    const rows = [row("a", 10, true), row("b", 20)];
    const html = render({ rows, selected: ["b"] });
    const [b, a] = bars(html);
    expect(a).toMatchObject({ geo: "a", opacity: 0.175, stroke: SAMPLE_COLOR, dash: "3 2" });
    expect(b).toMatchObject({ geo: "b", opacity: 1, stroke: "none", dash: undefined });
    expect(valueLabels(html).map((l) => l.text)).toEqual(["20u", "10u *"]);
    expect(bars(render({ rows })).find((bar) => bar.geo === "a")?.opacity).toBe(0.5);
  });

  it("draws negative values leftwards from zero, labelled at their outer end", () => {
    const html = render({ rows: [row("a", 40), row("b", -20)] });
    const [a, b] = bars(html);
    // Axis -20 … 60 (Recharts' nice ticks), so zero sits at 25%.
    expect(tickLabels(html, "x")).toEqual(["-20u", "0u", "20u", "40u", "60u"]);
    expect(a).toMatchObject({ x: 25, width: 50 });
    expect(b).toMatchObject({ x: 0, width: 25 });
    expect(valueLabels(html).map((l) => [l.x, l.anchor])).toEqual([
      [75, "start"],
      [0, "end"],
    ]);
  });

  it("wraps long names over several lines, centred on the bar", () => {
    const html = render({ rows: [row("a", 1)], nameOf: () => "Xinjiang Production and Construction Corps" });
    const tspans = [...html.matchAll(/<tspan x="-8" dy="([^"]*)">([^<]*)<\/tspan>/g)];
    expect(tspans.length).toBeGreaterThan(1);
    expect(tspans.map((m) => m[2]).join(" ")).toBe("Xinjiang Production and Construction Corps");
    expect(tspans[0]![1]).toBe(`${-(tspans.length - 1) / 2 + 0.355}em`);
    expect(tspans.slice(1).every((m) => m[1] === "1em")).toBe(true);
  });

  it("has role img and an aria-label, which can be overridden", () => {
    expect(render()).toMatch(
      /^<div data-testid="compare-chart-static" role="img" aria-label="Bar chart: 4 bars, largest first"/,
    );
    expect(render({ ariaLabel: "Bars", testId: "c" })).toMatch(/^<div data-testid="c" role="img" aria-label="Bars"/);
  });

  it("renders an empty frame without rows", () => {
    const html = render({ rows: [] });
    expect(bars(html)).toEqual([]);
    expect(tickLabels(html, "x")).toEqual([]);
    expect(html).toContain(`height:${compareChartHeight(0)}px`);
  });

  it("draws zero-width bars for all-zero values", () => {
    const drawn = bars(render({ rows: [row("a", 0), row("b", 0)] }));
    expect(drawn.map((b) => b.width)).toEqual([0, 0]);
  });

  it("is deterministic", () => {
    const rows = Array.from({ length: 31 }, (_, i) => row(`p${i}`, (i * 7919) % 101, i % 5 === 0));
    const props = { rows, selected: ["p3", "p7"] };
    expect(render(props)).toBe(render(props));
  });
});

describe("StaticCompareChart: lower bounds and the remainder", () => {
  const zones = { unit: "zones" } as const;
  const REGIONS: Record<string, string> = {
    eastern: "Eastern region",
    central: "Central region",
    western: "Western region",
    northeastern: "Northeastern region",
    [UNATTRIBUTED]: "Not attributed to a region",
  };
  const lowerBound = { isLowerBound: true, note: "At least: sum of 9 of 10 provinces, not the total" };
  // The Torchbearer view: four regions summed from an incomplete registry, and what the national count has beyond them.
  const rows = [
    row("eastern", 46, false, lowerBound),
    row("central", 13, false, lowerBound),
    row("western", 14, false, lowerBound),
    row("northeastern", 5, false, lowerBound),
    row(UNATTRIBUTED, 78, false, { isRemainder: true, note: "Computed: the national total 156 (reported) minus the 4 regions shown, 78" }),
  ];
  const page = render({
    rows,
    nameOf: (code) => REGIONS[code] ?? code,
    formatTick: (value, options) => formatTick(value, zones, "en", options),
    formatValue: (value, options) => formatMeasure(value, zones, "en", options),
  });
  // The chart without the legend under it (whose swatches are rects too).
  const html = page.slice(0, page.indexOf("<ul "));
  const titles = [...html.matchAll(/<rect [^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]);

  it("puts the remainder bar last, even when it is the largest, labelled with its meaning", () => {
    expect(bars(html).map((b) => b.geo)).toEqual(["eastern", "western", "central", "northeastern", UNATTRIBUTED]);
    expect(sortForCompare(rows).at(-1)?.geoCode).toBe(UNATTRIBUTED);
    // Wrapped over two lines (tspans) in the 120px name column.
    expect(tickLabels(html, "y").at(-1)?.replace(/\s+/g, " ")).toBe("Not attributed to a region");
    expect(titles.at(-1)).toBe("Not attributed to a region: 78 zones");
  });

  it("draws the remainder grey with a dashed outline, and the lower bounds hatched and outlined", () => {
    const drawn = bars(html);
    expect(drawn.at(-1)).toMatchObject({ stroke: REMAINDER_STROKE, dash: REMAINDER_DASH });
    expect(html).toMatch(new RegExp(`<rect data-geo="${UNATTRIBUTED}" data-remainder="true"[^>]* fill="${REMAINDER_FILL}"`));
    for (const bar of drawn.slice(0, 4)) expect(bar).toMatchObject({ stroke: CATEGORICAL[0], dash: undefined });
    expect(html).toMatch(/<rect data-geo="eastern" data-lower-bound="true"[^>]* fill="url\(#compare-chart-static-lower-bound-hatch\)"/);
    expect(html).toContain('<pattern id="compare-chart-static-lower-bound-hatch"');
  });

  it("says 'at least' for every lower bound: ≥ at the bar's end, the words in its title", () => {
    expect(valueLabels(html).map((l) => l.text)).toEqual(["≥46", "≥14", "≥13", "≥5", "78"]);
    expect(titles.slice(0, 4)).toEqual([
      "Eastern region: at least 46 zones",
      "Western region: at least 14 zones",
      "Central region: at least 13 zones",
      "Northeastern region: at least 5 zones",
    ]);
  });

  it("explains both marks below the chart, and neither when there is none", () => {
    const marks = /<ul data-testid="compare-chart-static-marks".*?<\/ul>/.exec(page)?.[0] ?? "";
    expect([...marks.matchAll(/data-mark="([^"]*)"/g)].map((m) => m[1])).toEqual(["lower-bound-bar", "remainder-bar"]);
    expect(marks).toContain("At least: some parts are missing — see the note");
    expect(marks).toContain("Not attributed to a region: the rest of the total");
    expect(render()).not.toContain("marks");
    expect(render()).not.toContain("<pattern");
  });
});
