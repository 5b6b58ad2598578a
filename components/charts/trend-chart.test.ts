import { describe, expect, it } from "vitest";
import type { ViewRow } from "@/lib/view-data";
import { lowerBoundKeys } from "./static-chart-parts";
import { pivotByYear, seriesKeys } from "./trend-chart";
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
