import { describe, expect, it } from "vitest";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";
import {
  lowerBoundKeys,
  pivotByYear,
  seriesKeys,
  trendSeries,
  yearTickClasses,
} from "./trend-model";
import { trendSeriesOrder } from "./trend-series-order";
import { makeViewRow } from "@/lib/testing/view-row";

function row(geoCode: string, year: number, value: number): ViewRow {
  return makeViewRow({ geoCode, year, value, editions: ["e1"] });
}

describe("pivotByYear", () => {
  it("has one object per year in the range, even years without any row", () => {
    const data = pivotByYear([row("A", 2001, 5)], ["A"], { from: 2000, to: 2003 }, "linear");
    expect(data.map((d) => d.year)).toEqual([2000, 2001, 2002, 2003]);
    expect(data.map((d) => d.A)).toEqual([null, 5, null, null]);
  });

  it("keeps gaps as null, never zero, and keeps real zeros on a linear scale", () => {
    const rows = [row("A", 2000, 1), row("A", 2002, 0), row("B", 2001, 7)];
    const data = pivotByYear(rows, ["A", "B"], { from: 2000, to: 2002 }, "linear");
    expect(data).toEqual([
      { year: 2000, A: 1, B: null },
      { year: 2001, A: null, B: 7 },
      { year: 2002, A: 0, B: null },
    ]);
  });

  it("drops values ≤ 0 on a log scale", () => {
    const rows = [row("A", 2000, 10), row("A", 2001, 0), row("A", 2002, -3), row("A", 2003, 0.5)];
    const data = pivotByYear(rows, ["A"], { from: 2000, to: 2003 }, "log");
    expect(data.map((d) => d.A)).toEqual([10, null, null, 0.5]);
  });

  it("has a key for every code in seriesOrder, in that order, and ignores other codes", () => {
    const rows = [row("A", 2000, 1), row("B", 2000, 2), row("C", 2000, 3)];
    const [datum] = pivotByYear(rows, ["C", "A", "D"], { from: 2000, to: 2000 }, "linear");
    expect(Object.keys(datum ?? {})).toEqual(["year", "C", "A", "D"]);
    expect(datum).toEqual({ year: 2000, C: 3, A: 1, D: null });
  });

  it("returns nothing for an empty year range", () => {
    expect(pivotByYear([row("A", 2000, 1)], ["A"], { from: 2001, to: 2000 }, "linear")).toEqual([]);
  });
});

describe("seriesKeys", () => {
  it("keeps lower bounds off the line and gives them a series of points of their own", () => {
    const rows = [row("A", 2000, 10), { ...row("A", 2001, 20), isLowerBound: true }, row("A", 2002, 30), row("B", 2001, 5)];
    const data = pivotByYear(rows, ["A", "B"], { from: 2000, to: 2002 }, "linear");
    const a = seriesKeys("A", lowerBoundKeys(rows));
    // The line lifts its pen at 2001 (connectNulls is off), so no segment runs through "at least 20".
    expect(data.map(a.line)).toEqual([10, null, 30]);
    expect(data.map(a.lowerBound)).toEqual([null, 20, null]);
    const b = seriesKeys("B", lowerBoundKeys(rows));
    expect(data.map(b.line)).toEqual([null, 5, null]);
    expect(data.map(b.lowerBound)).toEqual([null, null, null]);
  });
});

describe("trendSeries", () => {
  it("gives each series all its values, those its line joins, and its lower bounds alone", () => {
    const rows = [row("A", 2000, 10), { ...row("A", 2001, 20), isLowerBound: true }, row("B", 2001, 5)];
    const data = pivotByYear(rows, ["A", "B"], { from: 2000, to: 2002 }, "linear");
    expect(trendSeries(data, ["A", "B"], lowerBoundKeys(rows))).toEqual([
      { code: "A", values: [10, 20, null], line: [10, null, null], lowerBounds: [null, 20, null] },
      { code: "B", values: [null, 5, null], line: [null, 5, null], lowerBounds: [null, null, null] },
    ]);
  });
});

describe("trendSeriesOrder", () => {
  it("lists each place once in the rows' order, and the 'not attributed' series last", () => {
    const remainder = { ...row(UNATTRIBUTED, 2000, 3), isRemainder: true };
    const rows = [row("B", 2000, 1), remainder, row("A", 2000, 2), row("B", 2001, 1), { ...remainder, year: 2001 }];
    expect(trendSeriesOrder(rows)).toEqual(["B", "A", UNATTRIBUTED]);
    expect(trendSeriesOrder([])).toEqual([]);
  });
});

/** Tailwind 4's default container sizes, for reading the classes back. */
const CONTAINER_PX: Record<string, number> = {
  "3xs": 256,
  "2xs": 288,
  xs: 320,
  sm: 384,
  md: 448,
  lg: 512,
  xl: 576,
  "2xl": 672,
  "3xl": 768,
  "4xl": 896,
  "5xl": 1024,
  "6xl": 1152,
  "7xl": 1280,
};

/** Indexes of the year labels visible in a chart whose content box is `width` px wide. */
function visibleYears(count: number, width: number): number[] {
  return yearTickClasses(count).flatMap((className, index) => {
    if (className === null) return [];
    if (className === "") return [index];
    const size = /^@max-(\w+):hidden$/.exec(className)?.[1];
    const minWidth = size === undefined ? undefined : CONTAINER_PX[size];
    if (minWidth === undefined) throw new Error(`unexpected class ${className}`);
    return width >= minWidth ? [index] : [];
  });
}

describe("yearTickClasses", () => {
  it("shows every year when they fit and thins them when they do not", () => {
    expect(visibleYears(12, 800)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(visibleYears(19, 900)).toHaveLength(19);
    expect(visibleYears(19, 700)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    // The year before the last goes when it would crowd it.
    expect(visibleYears(19, 400)).toEqual([0, 4, 8, 12, 18]);
    expect(visibleYears(30, 900)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 29]);
    expect(visibleYears(1, 300)).toEqual([0]);
    expect(visibleYears(0, 300)).toEqual([]);
  });

  it("always shows the first and last year and never crowds labels, at any width", () => {
    const plotOffset = 64;
    const problems: string[] = [];
    for (let count = 2; count <= 40; count++) {
      for (let width = 200; width <= 1400; width += 10) {
        const shown = visibleYears(count, width);
        if (shown[0] !== 0 || shown.at(-1) !== count - 1) problems.push(`${count}@${width}: ends ${shown}`);
        // With only the first and last year left there is nothing more to drop.
        if (shown.length <= 2) continue;
        const stepPx = (width - plotOffset) / (count - 1);
        for (let i = 1; i < shown.length; i++) {
          const gap = (shown[i]! - shown[i - 1]!) * stepPx;
          // A 12px year label is about 30px wide; Recharts also wants an 8px gap.
          if (gap < 36) problems.push(`${count}@${width}: ${shown}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
