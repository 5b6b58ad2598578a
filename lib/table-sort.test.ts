import { describe, expect, it } from "vitest";
import { makeViewRow } from "@/lib/testing/view-row";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";
import { defaultSortFor, nextSort, sortCompareBars, sortTableRows, tableOrderOf, TABLE_SORTS } from "@/lib/table-sort";

const row = (geoNameEn: string, year: number, value: number, geoNameZh = geoNameEn): ViewRow =>
  makeViewRow({ geoCode: geoNameEn.toLowerCase(), geoNameEn, geoNameZh, year, value });
const remainder = (year: number, value: number) =>
  makeViewRow({ geoCode: UNATTRIBUTED, geoNameEn: "Not attributed to a region", year, value, isRemainder: true });
const english = (r: ViewRow) => r.geoNameEn;
const chinese = (r: ViewRow) => r.geoNameZh;
const order = (rows: readonly ViewRow[]) => rows.map((r) => `${r.geoNameEn} ${r.year}`);

const ROWS = [
  row("Western", 2017, 14),
  remainder(2017, 78),
  row("Eastern", 2016, 44),
  row("Central", 2017, 46),
  row("Eastern", 2017, 46),
  row("Western", 2016, 10),
];

describe("the sorts of the URL", () => {
  it("default to largest first in compare and by place elsewhere", () => {
    expect(defaultSortFor("compare")).toBe("value-desc");
    for (const view of ["trend", "map", "table", "coverage"] as const) expect(defaultSortFor(view)).toBe("place");
  });

  it("map onto a column and a direction, and back through the headers", () => {
    expect(TABLE_SORTS.map(tableOrderOf)).toEqual([
      { key: "value", descending: true },
      { key: "value", descending: false },
      { key: "geo", descending: false },
      { key: "year", descending: false },
    ]);
    expect(nextSort("place", "value")).toBe("value-desc");
    expect(nextSort("value-desc", "value")).toBe("value-asc");
    expect(nextSort("value-asc", "value")).toBe("value-desc");
    expect(nextSort("value-desc", "geo")).toBe("place");
    expect(nextSort("place", "year")).toBe("year");
  });
});

describe("sortTableRows in the URL's sorts", () => {
  const sorted = (sort: (typeof TABLE_SORTS)[number]) => order(sortTableRows(ROWS, tableOrderOf(sort), english));

  it("value-desc: largest first, equal values by place, the remainder last", () => {
    expect(sorted("value-desc")).toEqual(["Central 2017", "Eastern 2017", "Eastern 2016", "Western 2017", "Western 2016", "Not attributed to a region 2017"]);
  });

  it("value-asc: smallest first, equal values still by place", () => {
    expect(sorted("value-asc")).toEqual(["Western 2016", "Western 2017", "Eastern 2016", "Central 2017", "Eastern 2017", "Not attributed to a region 2017"]);
  });

  it("place: by name, then year; year: by year, the remainder last in its year", () => {
    expect(sorted("place")).toEqual(["Central 2017", "Eastern 2016", "Eastern 2017", "Western 2016", "Western 2017", "Not attributed to a region 2017"]);
    // Within a year the places keep the order they came in (the server's).
    expect(sorted("year")).toEqual(["Eastern 2016", "Western 2016", "Western 2017", "Central 2017", "Eastern 2017", "Not attributed to a region 2017"]);
  });

  it("gives the same order whatever order the rows come in", () => {
    for (const sort of TABLE_SORTS) {
      if (sort === "year") continue; // by year, a year's places keep the order they came in
      const once = sortTableRows(ROWS, tableOrderOf(sort), english);
      expect(order(sortTableRows([...ROWS].reverse(), tableOrderOf(sort), english)), sort).toEqual(order(once));
      expect(order(sortTableRows(once, tableOrderOf(sort), english)), sort).toEqual(order(once));
    }
  });

  it("sorts Chinese names by pinyin", () => {
    const rows = [row("Shanghai", 2017, 1, "上海"), row("Anhui", 2017, 1, "安徽"), row("Beijing", 2017, 1, "北京"), row("Chongqing", 2017, 1, "重庆")];
    expect(sortTableRows(rows, tableOrderOf("place"), chinese).map(chinese)).toEqual(["安徽", "北京", "重庆", "上海"]);
  });
});

describe("sortCompareBars", () => {
  const bars = [row("Beijing", 2020, 5), remainder(2020, 99), row("Anhui", 2020, 5), row("Shanxi", 2020, 30), row("Zhejiang", 2020, 1)];
  const names = (rows: readonly ViewRow[]) => rows.map(english);

  it("takes the table's sort, the 'not attributed' bar always last", () => {
    expect(names(sortCompareBars(bars, "value-desc", english))).toEqual(["Shanxi", "Anhui", "Beijing", "Zhejiang", "Not attributed to a region"]);
    expect(names(sortCompareBars(bars, "value-asc", english))).toEqual(["Zhejiang", "Anhui", "Beijing", "Shanxi", "Not attributed to a region"]);
    expect(names(sortCompareBars(bars, "place", english))).toEqual(["Anhui", "Beijing", "Shanxi", "Zhejiang", "Not attributed to a region"]);
    // One year on every bar: by year is by place.
    expect(sortCompareBars(bars, "year", english)).toEqual(sortCompareBars(bars, "place", english));
  });

  it("does not mutate its input", () => {
    const before = names(bars);
    sortCompareBars(bars, "place", english);
    expect(names(bars)).toEqual(before);
  });
});
