import { describe, expect, it } from "vitest";
import { INDICATORS } from "@/lib/metrics";
import { ZSeriesBreak } from "@/lib/api/reference-schemas";
import { breakYears, isBracketed, seriesBreaks } from "@/lib/series-breaks";

describe("breaks in series", () => {
  it("are valid and sourced", () => {
    for (const { code } of INDICATORS) {
      for (const seriesBreak of seriesBreaks(code)) {
        expect(ZSeriesBreak.parse(seriesBreak)).toEqual(seriesBreak);
        expect(seriesBreak.source).not.toBe("");
        if (seriesBreak.lastYearBefore !== null) expect(seriesBreak.lastYearBefore).toBeLessThan(seriesBreak.year);
      }
    }
  });

  it("know each renaming, the change of currency and Suzhou Industrial Park", () => {
    expect(seriesBreaks("revenue").map((b) => [b.year, b.changeZh.slice(0, 6)])).toEqual([
      [2015, "营业总收入改"],
      [2015, "高新区合计含"],
    ]);
    expect(seriesBreaks("tax_revenue").map((b) => b.year)).toEqual([2015, 2017]);
    expect(seriesBreaks("exports").map((b) => b.year)).toEqual([2011, 2015, 2020]);
    expect(seriesBreaks("exports_cny").map((b) => b.year)).toEqual([2015, 2020]);
    expect(seriesBreaks("exports")[0]?.changeZh).toBe("出口创汇额改为出口总额");
  });

  it("leave the State-Council zone count alone; a derived metric has its parts' breaks", () => {
    expect(seriesBreaks("park_count")).toEqual([]);
    expect(breakYears("park_count")).toEqual([]);
    expect(seriesBreaks("tax_per_firm").map((b) => b.year)).toEqual([2015, 2017]);
    expect(seriesBreaks("hte_density").map((b) => b.year)).toEqual([2015]);
  });

  it("touch only the places a change concerns", () => {
    expect(seriesBreaks("employees", ["CN"]).map((b) => b.year)).toEqual([2015]);
    expect(seriesBreaks("employees", ["320000"]).map((b) => b.year)).toEqual([2015]);
    expect(seriesBreaks("employees", ["110000", "zhongguancun"])).toEqual([]);
    expect(seriesBreaks("revenue", ["zhongguancun"]).map((b) => b.year)).toEqual([2015]);
  });

  it("give growth rates every year whose change may cross a break", () => {
    // Suzhou from 2015 (known); 营业总收入 → 营业收入 between 2013 and 2015.
    expect(breakYears("revenue")).toEqual([2014, 2015]);
    expect(breakYears("revenue", ["zhongguancun"])).toEqual([2014, 2015]);
    expect(breakYears("employees", ["CN"])).toEqual([2015]);
    expect(breakYears("employees", ["110000"])).toEqual([]);
    expect(breakYears("tax_revenue")).toEqual([2014, 2015, 2016, 2017]);
    expect(isBracketed(seriesBreaks("tax_revenue")[1]!)).toBe(true);
    expect(isBracketed(seriesBreaks("employees")[0]!)).toBe(false);
  });
});
