import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv-export";
import { makeViewRow } from "@/lib/testing/view-row";
import type { ViewData } from "@/lib/view-data";

function revenueView(rows: ViewData["rows"]): ViewData {
  const metric = { code: "revenue", nameEn: "Operating revenue", nameZh: "营业收入", descriptionEn: "", descriptionZh: "", formulaEn: null, formulaZh: null, unit: { unit: "CNY" as const }, isDerived: false, isAdditive: true };
  return { query: "metric=revenue&view=table", notes: [], metric, unit: { unit: "CNY" }, level: "nation", rows, gaps: [], extra: [], editions: [], hasSample: false, dataVersion: 1, revisions: null } as unknown as ViewData;
}

describe("toCsv and breaks in series", () => {
  it("notes a break in the first year of the new form, after the figure's own note, for the places it touches", () => {
    const csv = toCsv(
      revenueView([
        makeViewRow({ geoCode: "CN", year: 2013, value: 1 }),
        makeViewRow({ geoCode: "CN", year: 2015, value: 2, note: "reported" }),
        makeViewRow({ geoCode: "110000", year: 2015, value: 3 }),
      ]),
    );
    const [, y2013, cn2015, beijing2015] = csv.trim().split("\r\n");
    expect(y2013).not.toMatch(/series break/);
    // Both breaks of 2015 at the national level: the renaming and Suzhou Industrial Park.
    expect(cn2015).toMatch(/reported; series break after 2013, by 2015 at the latest: 营业总收入 \(total operating revenue\) is reported as 营业收入/);
    expect(cn2015).toMatch(/series break from 2015: the zones' totals include Suzhou Industrial Park/);
    // Beijing's figures never held Suzhou's.
    expect(beijing2015).toMatch(/series break after 2013/);
    expect(beijing2015).not.toMatch(/Suzhou/);
  });
});
