import { describe, expect, it } from "vitest";
import { buildCoverage, classifyRow, type CoveragePlace } from "@/lib/coverage";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";
import { makeViewRow } from "@/lib/testing/view-row";

function row(geoCode: string, year: number, flags: Partial<Pick<ViewRow, "isSample" | "isComputed" | "isLowerBound" | "isRemainder">> = {}): ViewRow {
  return makeViewRow({ geoCode, year, editions: ["e"], ...flags });
}

const places: CoveragePlace[] = [
  { code: "110000", nameEn: "Beijing", nameZh: "北京" },
  { code: "440000", nameEn: "Guangdong", nameZh: "广东" },
];

describe("classifyRow", () => {
  it("gives each kind of figure its status", () => {
    expect(classifyRow(row("A", 2000))).toBe("reported");
    expect(classifyRow(row("A", 2000, { isComputed: true }))).toBe("computed");
    expect(classifyRow(row("A", 2000, { isLowerBound: true }))).toBe("partial");
    expect(classifyRow(row("A", 2000, { isSample: true }))).toBe("sample");
  });

  it("puts sample before partial before computed", () => {
    expect(classifyRow(row("A", 2000, { isSample: true, isLowerBound: true, isComputed: true }))).toBe("sample");
    expect(classifyRow(row("A", 2000, { isSample: true, isComputed: true }))).toBe("sample");
    expect(classifyRow(row("A", 2000, { isLowerBound: true, isComputed: true }))).toBe("partial");
  });
});

describe("buildCoverage", () => {
  it("has a row per place and a column per year, missing where there is no figure", () => {
    const matrix = buildCoverage(
      [row("110000", 2000), row("110000", 2001, { isComputed: true }), row("440000", 2002, { isLowerBound: true })],
      places,
      { from: 2000, to: 2002 },
    );
    expect(matrix.years).toEqual([2000, 2001, 2002]);
    expect(matrix.places).toEqual([
      { code: "110000", nameEn: "Beijing", nameZh: "北京", statuses: ["reported", "computed", "missing"] },
      { code: "440000", nameEn: "Guangdong", nameZh: "广东", statuses: ["missing", "missing", "partial"] },
    ]);
  });

  it("counts the cells of each status, adding up to places × years", () => {
    const matrix = buildCoverage(
      [row("110000", 2000, { isSample: true }), row("440000", 2000, { isSample: true }), row("440000", 2001)],
      places,
      { from: 2000, to: 2003 },
    );
    expect(matrix.counts).toEqual({ reported: 1, computed: 0, partial: 0, sample: 2, missing: 5 });
    expect(Object.values(matrix.counts).reduce((a, b) => a + b, 0)).toBe(places.length * 4);
  });

  it("leaves out the remainder row, places not asked for and years outside the range", () => {
    const matrix = buildCoverage(
      [
        row(UNATTRIBUTED, 2000, { isRemainder: true }),
        row("510000", 2000),
        row("110000", 1999),
        row("110000", 2001),
      ],
      places,
      { from: 2000, to: 2000 },
    );
    expect(matrix.places.map((p) => p.code)).toEqual(["110000", "440000"]);
    expect(matrix.counts).toEqual({ reported: 0, computed: 0, partial: 0, sample: 0, missing: 2 });
  });

  it("counts category rows for their place, the weakest figure deciding the cell", () => {
    const matrix = buildCoverage(
      [row("110000:state_owned", 2000), row("110000:private", 2000, { isLowerBound: true }), row("440000:private", 2000)],
      places,
      { from: 2000, to: 2000 },
    );
    expect(matrix.places.map((p) => p.statuses)).toEqual([["partial"], ["reported"]]);
  });

  it("is all missing for a view without rows, and empty for no places", () => {
    expect(buildCoverage([], places, { from: 2000, to: 2001 }).counts.missing).toBe(4);
    expect(buildCoverage([row("110000", 2000)], [], { from: 2000, to: 2000 })).toEqual({
      years: [2000],
      places: [],
      counts: { reported: 0, computed: 0, partial: 0, sample: 0, missing: 0 },
    });
  });
});
