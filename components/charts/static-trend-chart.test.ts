import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatMeasure, formatTick } from "@/lib/display-unit";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";
import { CATEGORICAL, REMAINDER_DASH, REMAINDER_STROKE } from "./palette";
import { linePath, StaticTrendChart, type StaticTrendChartProps } from "./static-trend-chart";
import { makeViewRow } from "@/lib/testing/view-row";

function row(geoCode: string, year: number, value: number, flags: Partial<ViewRow> = {}): ViewRow {
  return makeViewRow({ geoCode, year, value, editions: ["e1"], ...flags });
}

const NAMES: Record<string, string> = { A: "Beijing", B: "Shanghai", C: "Guangdong" };
const MARKS = { lowerBound: "At least: some parts are missing — see the note", remainder: "Not attributed: the rest of the total" };

function render(overrides: Partial<StaticTrendChartProps> = {}): string {
  const props: StaticTrendChartProps = {
    rows: [row("A", 2000, 10), row("A", 2001, 20), row("A", 2002, 30), row("B", 2000, 5), row("B", 2002, 15)],
    seriesOrder: ["A", "B"],
    nameOf: (code) => NAMES[code] ?? code,
    years: { from: 2000, to: 2002 },
    scale: "linear",
    formatTick: (value) => `<${value}>`,
    unitLabel: "yuan",
    marks: MARKS,
    ...overrides,
  };
  return renderToStaticMarkup(createElement(StaticTrendChart, props));
}

/** The d attribute of each series path, by geo code. */
function paths(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<path data-series="([^"]*)" d="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function yTicks(html: string): string[] {
  return [...html.matchAll(/data-tick="y"[^>]*>([^<]*)</g)].map((m) => m[1]!);
}

function xTicks(html: string): string[] {
  return [...html.matchAll(/data-tick="x"[^>]*>([^<]*)</g)].map((m) => m[1]!);
}

/** [x, y] of each point of a path (in its 1000 × 1000 box), split into runs at each "M". */
function runs(d: string): [number, number][][] {
  return d
    .split("M")
    .filter(Boolean)
    .map((run) => run.split("L").map((point) => point.split(",").map(Number) as [number, number]));
}

/** The lower-bound markers: series|year, cx and their label. */
function lowerBoundDots(html: string): { key: string; cx: string; title: string }[] {
  return [...html.matchAll(/<circle data-lower-bound="([^"]*)" cx="([^"]*)"[^>]*><title>([^<]*)<\/title><\/circle>/g)].map((m) => ({
    key: m[1]!,
    cx: m[2]!,
    title: m[3]!,
  }));
}

describe("StaticTrendChart: lower bounds and the remainder", () => {
  const zones = { unit: "zones" } as const;
  const real = {
    formatTick: (value: number, options?: { isLowerBound?: boolean }) => formatTick(value, zones, "en", options),
    formatValue: (value: number, options?: { isLowerBound?: boolean }) => formatMeasure(value, zones, "en", options),
  };
  const lowerBound = { isLowerBound: true, note: "At least: sum of 20 of 31 provinces, not the total" };

  it("never draws the line through a lower bound: the pen lifts and the value is a hollow point of its own", () => {
    const rows = [row("A", 2000, 10), row("A", 2001, 20, lowerBound), row("A", 2002, 30)];
    const html = render({ rows, seriesOrder: ["A"], ...real });
    const d = paths(html).get("A")!;
    // Two runs of one point each, at 2000 and 2002: nothing at 2001 (x = 500), no segment joins them.
    expect(d).not.toContain("L");
    expect(runs(d).map((run) => run.map(([x]) => x))).toEqual([[0], [1000]]);
    const dots = lowerBoundDots(html);
    expect(dots).toEqual([{ key: "A|2001", cx: "50%", title: "Beijing, 2001: at least 20 zones" }]);
    // Hollow (white inside) and bigger than the line's own dots, which skip it.
    expect(html).toMatch(/<g data-part="lower-bounds" fill="#ffffff" stroke-width="2">/);
    expect(html).toMatch(/<circle data-lower-bound="A\|2001"[^>]* r="4">/);
    expect((/<g data-part="dots".*?<\/g><\/g>/.exec(html)?.[0].match(/<circle /g) ?? []).length).toBe(2);
  });

  it("keeps the lower bound on the axis, and says so in the legend and the label", () => {
    const rows = [row("A", 2000, 10), row("A", 2001, 97, lowerBound)];
    const html = render({ rows, seriesOrder: ["A"], years: { from: 2000, to: 2001 }, ...real });
    expect(yTicks(html)).toEqual(["0", "25", "50", "75", "100"]);
    expect(html).toContain('aria-label="Line chart: 1 series, 2000–2001; 1 value is only a lower bound (at least)"');
    const marks = /<ul data-testid="trend-chart-static-marks".*?<\/ul>/.exec(html)?.[0] ?? "";
    expect(marks).toContain('data-mark="lower-bound-point"');
    expect(marks).toContain("At least: some parts are missing — see the note");
    expect(marks).not.toContain("remainder");
  });

  it("has no lower-bound marks or legend when every value is a total", () => {
    const html = render();
    expect(lowerBoundDots(html)).toEqual([]);
    expect(html).not.toContain("lower-bounds");
    expect(html).not.toContain("marks");
  });

  it("draws a remainder series dashed grey, whatever its position, and explains it", () => {
    const rows = [row("A", 2000, 10), row("A", 2001, 12), row(UNATTRIBUTED, 2000, 3, { isRemainder: true }), row(UNATTRIBUTED, 2001, 4, { isRemainder: true })];
    const html = render({ rows, seriesOrder: ["A", UNATTRIBUTED], years: { from: 2000, to: 2001 } });
    const stroke = new RegExp(`<path data-series="${UNATTRIBUTED}" d="[^"]*" fill="none" stroke="([^"]*)" stroke-width="2" stroke-dasharray="([^"]*)"`).exec(html);
    expect(stroke?.slice(1)).toEqual([REMAINDER_STROKE, REMAINDER_DASH]);
    expect(html).toMatch(new RegExp(`<path data-series="A" d="[^"]*" fill="none" stroke="${CATEGORICAL[0]}" stroke-width="2" stroke-linejoin`));
    expect(html).toContain('data-mark="remainder-line"');
    expect(html).toContain("Not attributed: the rest of the total");
  });
});

describe("StaticTrendChart", () => {
  it("draws one path per series, in the series colours", () => {
    const html = render({ seriesOrder: ["A", "B", "C"] });
    const d = paths(html);
    expect([...d.keys()]).toEqual(["A", "B", "C"]);
    const strokes = [...html.matchAll(/<path data-series="[^"]*" d="[^"]*" fill="none" stroke="([^"]*)"/g)].map(
      (m) => m[1],
    );
    expect(strokes).toEqual(CATEGORICAL.slice(0, 3));
    // C has no data: an empty path, not a line at zero.
    expect(d.get("C")).toBe("");
  });

  it("breaks the line at a missing year instead of drawing through it or dropping to zero", () => {
    const d = paths(render()).get("B")!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).not.toContain("L");
    const [first, second] = runs(d);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    // 2000 at the left edge, 2002 at the right edge; nothing at 2001.
    expect(first![0]![0]).toBe(0);
    expect(second![0]![0]).toBe(1000);
  });

  it("makes two segments out of a series with a hole in the middle", () => {
    const rows = [2000, 2001, 2003, 2004].map((year) => row("A", year, year - 1990));
    const d = paths(render({ rows, seriesOrder: ["A"], years: { from: 2000, to: 2004 } })).get("A")!;
    const segments = runs(d);
    expect(segments.map((s) => s.length)).toEqual([2, 2]);
    // Nothing is drawn at 2002, which sits at x = 500.
    expect(segments.flat().map(([x]) => x)).toEqual([0, 250, 750, 1000]);
  });

  it("places values on Recharts' nice axis (0 … 32 for 5 … 30)", () => {
    const html = render({ formatTick: String });
    expect(yTicks(html)).toEqual(["0", "8", "16", "24", "32"]);
    const [run] = runs(paths(html).get("A")!);
    // y is measured from the top: 10/32 → 687.5, 20/32 → 375, 30/32 → 62.5.
    expect(run).toEqual([
      [0, 687.5],
      [500, 375],
      [1000, 62.5],
    ]);
  });

  it("formats y ticks with formatTick and escapes them", () => {
    const html = render({ formatTick: (value) => `<${value}>` });
    expect(yTicks(html)).toEqual(["&lt;0&gt;", "&lt;8&gt;", "&lt;16&gt;", "&lt;24&gt;", "&lt;32&gt;"]);
  });

  it("drops values ≤ 0 on a log scale and keeps them on a linear one", () => {
    const rows = [row("A", 2000, 100), row("A", 2001, 0), row("A", 2002, -5), row("A", 2003, 1000)];
    const props = { rows, seriesOrder: ["A"], years: { from: 2000, to: 2003 } };
    const log = render({ ...props, scale: "log" });
    const logRuns = runs(paths(log).get("A")!);
    expect(logRuns.map((r) => r.map(([x]) => Math.round(x)))).toEqual([[0], [1000]]);
    // 100 at the bottom and 1000 at the top of a [100, 1000] log axis.
    expect(logRuns.map((r) => r[0]![1])).toEqual([1000, 0]);
    expect((log.match(/<circle /g) ?? []).length).toBe(2);

    const linear = render({ ...props, scale: "linear" });
    expect(runs(paths(linear).get("A")!).map((r) => r.length)).toEqual([4]);
    expect((linear.match(/<circle /g) ?? []).length).toBe(4);
  });

  it("uses log ticks that do not overlap on a log scale", () => {
    const rows = [row("A", 2000, 3), row("A", 2001, 9000)];
    const html = render({
      rows,
      seriesOrder: ["A"],
      years: { from: 2000, to: 2001 },
      scale: "log",
      formatTick: String,
    });
    const ticks = yTicks(html).map(Number);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(16);
    expect(ticks).toContain(10);
    expect(ticks).toContain(1000);
    expect(ticks.every((t) => t >= 3 && t <= 9000)).toBe(true);
  });

  it("lists the legend in seriesOrder with each series' colour and name", () => {
    const html = render({ seriesOrder: ["B", "C", "A"] });
    const legend = [...html.matchAll(/<li data-series="([^"]*)".*?<span style="color:([^;]*);[^"]*">([^<]*)<\/span>/g)];
    expect(legend.map((m) => m[1])).toEqual(["B", "C", "A"]);
    expect(legend.map((m) => m[3])).toEqual(["Shanghai", "Guangdong", "Beijing"]);
    expect(legend.map((m) => m[2])).toEqual(CATEGORICAL.slice(0, 3));
  });

  it("dashes series beyond the eighth, in the line and in its legend icon", () => {
    const codes = Array.from({ length: 9 }, (_, i) => `G${i}`);
    const rows = codes.map((code, i) => row(code, 2000, i + 1));
    const html = render({ rows, seriesOrder: codes, years: { from: 2000, to: 2000 } });
    expect(html.match(/stroke-dasharray="6 3"/g)).toHaveLength(2);
    expect(paths(html).size).toBe(9);
  });

  it("has role img and a default aria-label, which can be overridden", () => {
    const html = render();
    expect(html).toMatch(
      /^<div data-testid="trend-chart-static" role="img" aria-label="Line chart: 2 series, 2000–2002"/,
    );
    expect(render({ ariaLabel: "Trend", testId: "t" })).toMatch(/^<div data-testid="t" role="img" aria-label="Trend"/);
  });

  it("keeps TrendChart's height and shows the unit label", () => {
    expect(render()).toContain("height:380px");
    expect(render({ height: 300 })).toContain("height:300px");
    expect(render()).toMatch(/<text transform="rotate\(-90\)"[^>]*>yuan<\/text>/);
  });

  it("renders an empty frame without rows", () => {
    const html = render({ rows: [], seriesOrder: [] });
    expect(html).toContain('role="img"');
    expect(paths(html).size).toBe(0);
    expect(yTicks(html)).toEqual([]);
    expect(xTicks(html)).toEqual(["2000", "2001", "2002"]);
    expect(html).not.toContain("<ul");
    expect(() => render({ rows: [], seriesOrder: ["A"], years: { from: 2001, to: 2000 } })).not.toThrow();
  });

  it("centres a single year and draws its dot", () => {
    const html = render({ rows: [row("A", 2010, 7)], seriesOrder: ["A"], years: { from: 2010, to: 2010 } });
    expect(paths(html).get("A")).toBe("M500,500");
    expect(html).toMatch(/<circle cx="50%" cy="50%" r="2"/);
    expect(xTicks(html)).toEqual(["2010"]);
  });

  it("pads the axis around a flat line", () => {
    const rows = [2000, 2001, 2002].map((year) => row("A", year, 7));
    const html = render({ rows, seriesOrder: ["A"], formatTick: String });
    expect(yTicks(html)).toEqual(["5", "6", "7", "8", "9"]);
    expect(paths(html).get("A")).toBe("M0,500L500,500L1000,500");
    const log = render({ rows, seriesOrder: ["A"], scale: "log" });
    expect(paths(log).get("A")).toBe("M0,500L500,500L1000,500");
  });

  it("is deterministic", () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i % 2 ? "A" : "B", 2000 + Math.floor(i / 2), (i * 37) % 11));
    const props = { rows, seriesOrder: ["A", "B"], years: { from: 2000, to: 2019 } };
    expect(render(props)).toBe(render(props));
    expect(render({ ...props, scale: "log" })).toBe(render({ ...props, scale: "log" }));
  });
});

describe("linePath", () => {
  it("starts a new run after every gap and never draws nulls", () => {
    const d = linePath(
      [1, null, 2, 3, null, null, 4],
      (i) => i / 6,
      (v) => v / 4,
    );
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d.match(/L/g)).toHaveLength(1);
  });
});
