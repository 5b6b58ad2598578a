import { describe, expect, it } from "vitest";
import {
  divideSeries,
  preferReported,
  resolveVintage,
  sumParts,
  type EditionInfo,
  type ObservationRow,
  type SeriesPoint,
} from "@/lib/series-math";

const ed2018: EditionInfo = { id: 10, slug: "torch-2018", isSample: false, rank: 1 };
const ed2019: EditionInfo = { id: 11, slug: "torch-2019", isSample: false, rank: 2 };
const sample: EditionInfo = { id: 12, slug: "synthetic-sample", isSample: true, rank: 3 };

function row(editionId: number, geoCode: string, year: number, value: number): ObservationRow {
  return { editionId, geoCode, year, breakdown: "", value, note: null, sourceRef: `ed ${editionId}`, confidence: null, isLowerBound: false };
}

function point(geoCode: string, year: number, value: number, overrides: Partial<SeriesPoint> = {}): SeriesPoint {
  return {
    geoCode,
    year,
    breakdown: "",
    value,
    editions: ["torch-2019"],
    isSample: false,
    isComputed: false,
    isLowerBound: false,
    note: null,
    sourceRef: "src",
    confidence: null,
    ...overrides,
  };
}

describe("resolveVintage", () => {
  // The 2019 edition restates 2017 (100 → 120) and adds 2018; 2016 is only in the 2018 edition.
  const rows = [row(10, "110000", 2016, 90), row(10, "110000", 2017, 100), row(11, "110000", 2017, 120), row(11, "110000", 2018, 130)];

  it("takes each value from the newest edition that reports it", () => {
    const points = resolveVintage(rows, [ed2018, ed2019]);
    expect(points.map((p) => [p.year, p.value, p.editions[0]])).toEqual([
      [2016, 90, "torch-2018"],
      [2017, 120, "torch-2019"],
      [2018, 130, "torch-2019"],
    ]);
  });

  it("with a pinned edition, counts only editions up to it", () => {
    const points = resolveVintage(rows, [ed2018]);
    expect(points.map((p) => [p.year, p.value])).toEqual([
      [2016, 90],
      [2017, 100],
    ]);
  });

  it("does not depend on the order of the rows", () => {
    const forwards = resolveVintage(rows, [ed2018, ed2019]);
    const backwards = resolveVintage([...rows].reverse(), [ed2018, ed2019]);
    expect(backwards).toEqual(forwards);
  });

  it("keeps breakdowns apart and carries the sample flag", () => {
    const points = resolveVintage(
      [row(12, "110000", 2017, 5), { ...row(12, "110000", 2017, 3), breakdown: "state_owned" }],
      [sample],
    );
    expect(points).toHaveLength(2);
    expect(points.every((p) => p.isSample)).toBe(true);
  });
});

describe("sumParts", () => {
  const parentOf = new Map([
    ["110000", "eastern"],
    ["120000", "eastern"],
    ["140000", "central"],
  ]);
  const partsPerParent = new Map([
    ["eastern", 10],
    ["central", 6],
  ]);

  it("sums the parts of each parent per year, labelled as computed", () => {
    const sums = sumParts(
      [point("110000", 2017, 30), point("120000", 2017, 12), point("140000", 2017, 7), point("110000", 2018, 31)],
      parentOf,
      partsPerParent,
      "provinces",
    );
    expect(sums.map((s) => [s.geoCode, s.year, s.value])).toEqual([
      ["central", 2017, 7],
      ["eastern", 2017, 42],
      ["eastern", 2018, 31],
    ]);
    expect(sums[1]!.isComputed).toBe(true);
  });

  it("is the total only when every part reports and none is a lower bound", () => {
    const parents = new Map([["110000", "north"], ["120000", "north"]]);
    const counts = new Map([["north", 2]]);
    const [complete] = sumParts([point("110000", 2017, 30), point("120000", 2017, 12)], parents, counts, "provinces");
    expect(complete).toMatchObject({
      value: 42,
      isLowerBound: false,
      note: "Computed: sum of all 2 provinces",
      noteZh: "计算值：全部 2 个省份之和",
    });

    const [missing] = sumParts([point("110000", 2017, 30)], parents, counts, "provinces");
    expect(missing).toMatchObject({ value: 30, isLowerBound: true });
    expect(missing!.note).toBe("At least: sum of 1 of 2 provinces (1 of 2 provinces not reported), not the total");
    expect(missing!.noteZh).toBe("至少：2 个省份中 1 个之和（2 个省份中 1 个未报告），并非总量");

    const [bounded] = sumParts(
      [point("110000", 2017, 30), point("120000", 2017, 12, { isLowerBound: true })],
      parents,
      counts,
      "provinces",
    );
    expect(bounded).toMatchObject({ value: 42, isLowerBound: true });
    expect(bounded!.note).toContain("1 part is itself a lower bound");
    expect(bounded!.noteZh).toContain("1 个分项本身仅为下限");
  });

  it("lets a reported total win over an incomplete sum", () => {
    const reported = point("north", 2017, 50, { note: "as printed" });
    const partial = point("north", 2017, 42, { isComputed: true, isLowerBound: true });
    expect(preferReported([reported], [partial])).toEqual([reported]);
  });

  it("marks a sum as sample when any part is", () => {
    const [sum] = sumParts(
      [point("110000", 2017, 1), point("120000", 2017, 2, { isSample: true, editions: ["synthetic-sample"] })],
      parentOf,
      partsPerParent,
      "provinces",
    );
    expect(sum!.isSample).toBe(true);
    expect(sum!.editions).toEqual(["synthetic-sample", "torch-2019"]);
  });
});

describe("preferReported", () => {
  it("keeps a reported total over the sum of its parts", () => {
    const merged = preferReported(
      [point("eastern", 2017, 50)],
      [point("eastern", 2017, 42, { isComputed: true }), point("eastern", 2018, 44, { isComputed: true })],
    );
    expect(merged.map((p) => [p.year, p.value, p.isComputed])).toEqual([
      [2017, 50, false],
      [2018, 44, true],
    ]);
  });
});

describe("divideSeries", () => {
  const F = { en: "a ÷ b", zh: "甲 ÷ 乙" };

  it("divides sums, not the mean of ratios", () => {
    // Province A: 10 HTEs of 100 firms (10%); province B: 30 of 900 (3.33%).
    // The region's density is (10 + 30) / (100 + 900) = 4%, not the mean of 10% and 3.33% (6.67%).
    const parentOf = new Map([
      ["A", "R"],
      ["B", "R"],
    ]);
    const parts = new Map([["R", 2]]);
    const hte = sumParts([point("A", 2017, 10), point("B", 2017, 30)], parentOf, parts, "provinces");
    const firms = sumParts([point("A", 2017, 100), point("B", 2017, 900)], parentOf, parts, "provinces");
    const [density] = divideSeries(hte, firms, 100, { en: "HTE ÷ firms × 100", zh: "高企 ÷ 企业 × 100" });
    expect(density!.value).toBeCloseTo(4, 10);
    expect(density).toMatchObject({ isComputed: true, note: "Computed: HTE ÷ firms × 100", noteZh: "计算值：高企 ÷ 企业 × 100" });
  });

  it("reproduces the article's 2017 density: 49,000 ÷ 1.85 million = 2.65%", () => {
    const [density] = divideSeries([point("CN", 2017, 49_000)], [point("CN", 2017, 1_850_000)], 100, F);
    expect(density!.value).toBeCloseTo(2.6486, 4);
  });

  it("leaves a gap where either part is only a lower bound", () => {
    const top = [point("eastern", 2017, 100), point("eastern", 2018, 100, { isLowerBound: true })];
    const bottom = [point("eastern", 2017, 10, { isLowerBound: true }), point("eastern", 2018, 10)];
    expect(divideSeries(top, bottom, 1, F)).toEqual([]);
  });

  it("leaves a gap where the denominator is missing or zero", () => {
    const result = divideSeries(
      [point("CN", 2016, 1), point("CN", 2017, 2), point("CN", 2018, 3)],
      [point("CN", 2017, 4), point("CN", 2018, 0)],
      1,
      F,
    );
    expect(result.map((p) => [p.year, p.value])).toEqual([[2017, 0.5]]);
  });
});
