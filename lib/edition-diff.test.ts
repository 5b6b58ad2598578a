import { describe, expect, it } from "vitest";
import { figureKey, formatPctChange, indicatorLabel, isDecrease, type DiffFigure } from "@/lib/edition-diff";

const figure: DiffFigure = {
  indicatorCode: "firm_ownership_share",
  breakdown: "state_owned",
  year: 2017,
  geoCode: "110000",
  old: 3,
  new: 2.5,
  pctChange: ((2.5 - 3) / 3) * 100,
};

describe("indicatorLabel", () => {
  it("names the indicator and its category in the page's language", () => {
    expect(indicatorLabel(figure, "en")).toBe("Share of firms by ownership: state-owned");
    expect(indicatorLabel(figure, "zh")).toBe("企业所有制构成: 国有");
    expect(indicatorLabel({ indicatorCode: "revenue", breakdown: "" }, "en")).toBe("Operating revenue");
    expect(indicatorLabel({ indicatorCode: "revenue", breakdown: "" }, "zh")).toBe("营业收入");
  });

  it("falls back to the codes it does not know", () => {
    expect(indicatorLabel({ indicatorCode: "no_such", breakdown: "" }, "zh")).toBe("no_such");
    expect(indicatorLabel({ indicatorCode: "revenue", breakdown: "odd" }, "en")).toBe("Operating revenue: odd");
  });
});

describe("formatPctChange", () => {
  it("signs a revision to one decimal, and says 'from 0' when there was nothing to compare with", () => {
    expect(formatPctChange(25, "from 0")).toBe("+25.0%");
    expect(formatPctChange(-16.666, "from 0")).toBe("-16.7%");
    expect(formatPctChange(0, "from 0")).toBe("0.0%");
    expect(formatPctChange(null, "原为 0")).toBe("原为 0");
  });
});

describe("isDecrease", () => {
  it("is true when the edition says less than readers saw", () => {
    expect(isDecrease(figure)).toBe(true);
    expect(isDecrease({ old: 2, new: 3 })).toBe(false);
    expect(isDecrease({ old: 2, new: 2 })).toBe(false);
  });
});

describe("figureKey", () => {
  it("tells figures apart by indicator, category, year and place", () => {
    const keys = [figure, { ...figure, breakdown: "" }, { ...figure, year: 2018 }, { ...figure, geoCode: "CN" }].map(figureKey);
    expect(new Set(keys).size).toBe(4);
    expect(figureKey({ ...figure, old: 1, new: null })).toBe(figureKey(figure));
  });
});
