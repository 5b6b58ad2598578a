import { describe, expect, it } from "vitest";
import { formatMeasure } from "@/lib/display-unit";
import { dictionary } from "@/lib/i18n";
import { UNATTRIBUTED, type ViewRow } from "@/lib/view-data";
import type { ViewState } from "@/lib/view-state";
import { markCaptionLines, markLabels, unattributedLines } from "./chart-marks";
import { makeViewRow } from "@/lib/testing/view-row";

function row(geoCode: string, value: number, flags: Partial<ViewRow> = {}): ViewRow {
  return makeViewRow({ geoCode, value, isComputed: true, ...flags });
}

const zones = { unit: "zones" } as const;
const en = dictionary("en");
const zh = dictionary("zh");
const remainder = row(UNATTRIBUTED, 78, {
  isRemainder: true,
  geoNameEn: "Not attributed to a province",
  geoNameZh: "未归属省份",
  note: "Computed: the national total 156 (reported) minus the 23 provinces shown, 78",
});
const provinces = [row("110000", 50, { isLowerBound: true }), row("440000", 28, { isLowerBound: true }), remainder];

describe("unattributedLines", () => {
  it("says what the map cannot place: the remainder, and the total it completes", () => {
    const lines = unattributedLines(provinces, en, "province", (r) => r.geoNameEn, (v, o) => formatMeasure(v, zones, "en", o));
    expect(lines).toEqual([
      {
        text: "Not attributed to a province: 78 zones (national total 156 zones − sum of provinces 78 zones)",
        note: remainder.note,
      },
    ]);
    const chinese = unattributedLines(provinces, zh, "province", (r) => r.geoNameZh, (v, o) => formatMeasure(v, zones, "zh", o));
    expect(chinese[0]?.text).toBe("未归属省份：78个（全国合计 156个 − 各省份合计 78个）");
    expect(unattributedLines(provinces.slice(0, 2), en, "province", (r) => r.geoNameEn, String)).toEqual([]);
  });
});

describe("markCaptionLines", () => {
  const state = (view: ViewState["view"]) => ({ view }) as ViewState;
  const caption = (view: ViewState["view"], rows: ViewRow[], level: "region" | "province" = "province") =>
    markCaptionLines({ rows, level, state: state(view) }, en, (r) => r.geoNameEn, (v, o) => formatMeasure(v, zones, "en", o));

  it("keeps the legend of the marks in an exported chart", () => {
    expect(caption("compare", provinces, "region")).toEqual([
      "2 figures are only lower bounds — At least: some parts are missing — see the note",
      "Not attributed to a region: the national total minus the regions shown, so the parts add up to it",
    ]);
    expect(caption("map", provinces)).toEqual([
      "2 figures are only lower bounds — At least: some parts are missing — see the note",
      "Not attributed to a province: 78 zones (national total 156 zones − sum of provinces 78 zones)",
    ]);
    expect(caption("trend", [row("CN", 156)])).toEqual([]);
  });

  it("has the legend's words for the charts in each language", () => {
    expect(markLabels(en, "region")).toEqual({
      lowerBound: "At least: some parts are missing — see the note",
      remainder: "Not attributed to a region: the national total minus the regions shown, so the parts add up to it",
    });
    expect(markLabels(zh, "province").remainder).toBe("未归属省份：全国合计减去所示各省份之和，使各部分相加等于合计");
  });
});
