import { describe, expect, it } from "vitest";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";
import { compareBarSlot, compareChartHeight, sortForCompare, xTickClasses } from "./compare-model";
import { makeViewRow } from "@/lib/testing/view-row";

function row(geoCode: string, geoNameEn: string, value: number): ViewRow {
  return makeViewRow({ geoCode, geoNameEn, year: 2020, value, editions: ["e1"] });
}

describe("sortForCompare", () => {
  it("sorts by value, largest first", () => {
    const rows = [row("a", "A", 1), row("b", "B", 30), row("c", "C", -2), row("d", "D", 4)];
    expect(sortForCompare(rows).map((r) => r.geoCode)).toEqual(["b", "d", "a", "c"]);
  });

  it("breaks ties by English name by default", () => {
    const rows = [row("x", "Shanxi", 5), row("y", "Anhui", 5), row("z", "Beijing", 9)];
    expect(sortForCompare(rows).map((r) => r.geoNameEn)).toEqual(["Beijing", "Anhui", "Shanxi"]);
  });

  it("breaks ties by the given display name", () => {
    const rows = [row("x", "Anhui", 5), row("y", "Beijing", 5)];
    const nameOf = (code: string) => (code === "x" ? "Z" : "A");
    expect(sortForCompare(rows, nameOf).map((r) => r.geoCode)).toEqual(["y", "x"]);
  });

  it("puts the 'not attributed' row last, whatever its value", () => {
    const remainder = { ...row(UNATTRIBUTED, "Not attributed to a region", 99), isRemainder: true };
    const rows = [row("a", "A", 1), remainder, row("b", "B", 30)];
    expect(sortForCompare(rows).map((r) => r.geoCode)).toEqual(["b", "a", UNATTRIBUTED]);
  });

  it("does not mutate its input", () => {
    const rows = [row("a", "A", 1), row("b", "B", 2)];
    sortForCompare(rows);
    expect(rows.map((r) => r.geoCode)).toEqual(["a", "b"]);
  });
});

describe("compareChartHeight", () => {
  it("grows with the number of bars", () => {
    expect(compareChartHeight(31) - compareChartHeight(30)).toBe(28);
    expect(compareChartHeight(31)).toBeGreaterThan(31 * 28);
  });

  it("gives every bar a taller slot when a name takes three lines, so names do not overlap", () => {
    expect(compareBarSlot(["Inner Mongolia", "Not attributed to a region", "Shenzhen High-tech Zone"])).toBe(28);
    const slot = compareBarSlot(["Shenzhen High-tech Zone", "Wuhan East Lake High-tech Zone"]);
    expect(slot).toBeGreaterThanOrEqual(3 * 12);
    expect(compareChartHeight(2, slot) - compareChartHeight(1, slot)).toBe(slot);
  });
});

describe("xTickClasses", () => {
  it("always shows the last tick and every other one from there, hiding the rest when narrow", () => {
    const classes = xTickClasses(["0", "25B", "50B", "75B", "100B"]);
    expect(classes.filter((_, i) => i % 2 === 0)).toEqual(["", "", ""]);
    expect(new Set(classes.filter((_, i) => i % 2 === 1)).size).toBe(1);
    expect(classes[1]).toMatch(/^@max-\w+:hidden$/);
    expect(xTickClasses(["0", "1", "2", "3"])[3]).toBe("");
    expect(xTickClasses(["0", "1", "2", "3"])[0]).not.toBe("");
  });
});
