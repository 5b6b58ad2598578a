import { describe, expect, it } from "vitest";
import { formatMeasure, unitLabel } from "@/lib/display-unit";
import {
  breakBetween,
  compoundAnnualGrowth,
  compoundAnnualGrowthRate,
  growthUnit,
  percentChange,
  withGrowthFormula,
  yearOnYearGrowth,
  type SeriesBreak,
} from "@/lib/growth";
import { makeViewRow } from "@/lib/testing/view-row";
import { UNATTRIBUTED, type MetricInfo, type ViewRow } from "@/lib/view-data";

const row = (geoCode: string, year: number, value: number, overrides: Partial<ViewRow> = {}) =>
  makeViewRow({ geoCode, year, value, source: `src ${geoCode} ${year}`, ...overrides });

const SUZHOU: SeriesBreak = { year: 2015, what: "Suzhou Industrial Park counted from the 2015 data year" };

describe("percentChange", () => {
  it("is the change on the previous value in %, negative when the value fell", () => {
    expect(percentChange(146, 156)).toBeCloseTo(6.849315, 5);
    expect(percentChange(200, 150)).toBe(-25);
    expect(percentChange(50, 50)).toBe(0);
  });

  it("falls to -100% at zero and below it for a negative value, from a positive base", () => {
    expect(percentChange(40, 0)).toBe(-100);
    expect(percentChange(40, -20)).toBe(-150);
  });

  it("has no value from a base of zero or below", () => {
    expect(percentChange(0, 10)).toBeNull();
    expect(percentChange(-5, 10)).toBeNull();
  });
});

describe("compoundAnnualGrowthRate", () => {
  it("is the yearly rate that compounds the first value into the last", () => {
    // Doubling in 7 years: 2^(1/7) − 1 ≈ 10.41% a year.
    expect(compoundAnnualGrowthRate(100, 200, 7)).toBeCloseTo(10.408951, 5);
    const rate = compoundAnnualGrowthRate(52, 156, 22)!;
    expect(52 * (1 + rate / 100) ** 22).toBeCloseTo(156, 9);
    expect(compoundAnnualGrowthRate(80, 40, 1)).toBeCloseTo(-50, 9);
    expect(compoundAnnualGrowthRate(80, 80, 5)).toBe(0);
  });

  it("has no value when either end is zero or negative, or the span is not at least a year", () => {
    expect(compoundAnnualGrowthRate(0, 10, 3)).toBeNull();
    expect(compoundAnnualGrowthRate(10, 0, 3)).toBeNull();
    expect(compoundAnnualGrowthRate(-10, 10, 3)).toBeNull();
    expect(compoundAnnualGrowthRate(10, -10, 3)).toBeNull();
    expect(compoundAnnualGrowthRate(10, 20, 0)).toBeNull();
    expect(compoundAnnualGrowthRate(10, 20, -2)).toBeNull();
  });
});

describe("breakBetween", () => {
  const breaks = [{ year: 2018, what: "later" }, SUZHOU];

  it("finds the first break after the first year and up to the last", () => {
    expect(breakBetween(breaks, 2014, 2015)).toBe(SUZHOU);
    expect(breakBetween(breaks, 2010, 2020)).toBe(SUZHOU);
    expect(breakBetween(breaks, 2015, 2018)?.year).toBe(2018);
  });

  it("finds none when both years are on the same side of every break, or with no breaks", () => {
    expect(breakBetween(breaks, 2015, 2017)).toBeUndefined();
    expect(breakBetween(breaks, 2013, 2014)).toBeUndefined();
    expect(breakBetween([], 2000, 2020)).toBeUndefined();
  });
});

describe("yearOnYearGrowth", () => {
  it("turns each figure into its change on the year before, the first year against the year before it", () => {
    const rows = [row("CN", 2015, 146), row("CN", 2016, 146), row("CN", 2017, 156)];
    const { rows: growth, gaps } = yearOnYearGrowth(rows, { from: 2016, to: 2017 });
    expect(gaps).toEqual([]);
    expect(growth.map((r) => [r.year, r.value])).toEqual([
      [2016, 0],
      [2017, ((156 - 146) / 146) * 100],
    ]);
    expect(growth[1]).toMatchObject({
      geoCode: "CN",
      isComputed: true,
      isLowerBound: false,
      isRemainder: false,
      note: "Computed: (156 − 146) ÷ 146 × 100, from the values of 2017 and 2016",
      source: "src CN 2016 · src CN 2017",
      confidence: null,
    });
  });

  it("keeps each place its own series and names every edition and sample part", () => {
    const rows = [
      row("110000", 2016, 10, { editions: ["public-sources"] }),
      row("110000", 2017, 12, { editions: ["synthetic-sample"], isSample: true }),
      row("440000", 2016, 100),
      row("440000", 2017, 90),
    ];
    const { rows: growth } = yearOnYearGrowth(rows, { from: 2017, to: 2017 });
    expect(growth.map((r) => [r.geoCode, r.value])).toEqual([
      ["110000", 20],
      ["440000", -10],
    ]);
    expect(growth[0]).toMatchObject({ editions: ["public-sources", "synthetic-sample"], isSample: true });
    expect(growth[1]!.isSample).toBe(false);
  });

  it("leaves a gap, with the year, where the year before has no value", () => {
    const rows = [row("CN", 2010, 50), row("CN", 2012, 60), row("CN", 2013, 66)];
    const { rows: growth, gaps } = yearOnYearGrowth(rows, { from: 2010, to: 2013 });
    expect(growth.map((r) => r.year)).toEqual([2013]);
    expect(gaps.map((g) => [g.year, g.reason, g.years])).toEqual([
      [2010, "missing", [2009]],
      [2012, "missing", [2011]],
    ]);
    expect(gaps[1]!.note).toBe("Not computed: no value for 2011 to compare with");
  });

  it("leaves a gap where either value is only a lower bound", () => {
    const rows = [
      row("eastern", 2016, 44, { isLowerBound: true }),
      row("eastern", 2017, 46, { isLowerBound: true }),
      row("eastern", 2018, 50),
      row("western", 2017, 14),
      row("western", 2018, 15, { isLowerBound: true }),
    ];
    const { rows: growth, gaps } = yearOnYearGrowth(rows, { from: 2017, to: 2018 });
    expect(growth).toEqual([]);
    expect(gaps.map((g) => [g.geoCode, g.year, g.reason, g.years])).toEqual([
      ["eastern", 2017, "lower-bound", [2016, 2017]],
      ["eastern", 2018, "lower-bound", [2017]],
      ["western", 2017, "missing", [2016]],
      ["western", 2018, "lower-bound", [2018]],
    ]);
    expect(gaps[1]!.note).toMatch(/value for 2017 is only a lower bound \(at least\), not the total/);
  });

  it("leaves a gap for the row not attributed to a place, which is no series of its own", () => {
    const rest = { isRemainder: true, geoNameEn: "Not attributed to a province" };
    const rows = [row(UNATTRIBUTED, 2016, 70, rest), row(UNATTRIBUTED, 2017, 78, rest)];
    const { rows: growth, gaps } = yearOnYearGrowth(rows, { from: 2017, to: 2017 });
    expect(growth).toEqual([]);
    expect(gaps).toEqual([
      expect.objectContaining({ geoCode: UNATTRIBUTED, geoNameEn: "Not attributed to a province", year: 2017, reason: "remainder", isRemainder: true }),
    ]);
  });

  it("computes nothing across a break in series, but on either side of it", () => {
    const rows = [row("CN", 2013, 10), row("CN", 2014, 11), row("CN", 2015, 20), row("CN", 2016, 22)];
    const { rows: growth, gaps } = yearOnYearGrowth(rows, { from: 2014, to: 2016 }, () => [SUZHOU]);
    expect(growth.map((r) => r.year)).toEqual([2014, 2016]);
    expect(gaps.map((g) => [g.year, g.reason, g.years])).toEqual([[2015, "break", [2015]]]);
    expect(gaps[0]!.note).toBe("Not computed: a break in series in 2015 (Suzhou Industrial Park counted from the 2015 data year)");
    // No breaks given: none assumed.
    expect(yearOnYearGrowth(rows, { from: 2015, to: 2015 }).rows.map((r) => r.value)).toEqual([((20 - 11) / 11) * 100]);
  });

  it("leaves a gap after a zero or negative value, but computes the fall to zero or below", () => {
    const rows = [row("CN", 2010, 5), row("CN", 2011, 0), row("CN", 2012, 4), row("CN", 2013, -2), row("CN", 2014, 1)];
    const { rows: growth, gaps } = yearOnYearGrowth(rows, { from: 2011, to: 2014 });
    expect(growth.map((r) => [r.year, r.value])).toEqual([
      [2011, -100],
      [2013, -150],
    ]);
    expect(gaps.map((g) => [g.year, g.reason, g.years])).toEqual([
      [2012, "not-positive", [2011]],
      [2014, "not-positive", [2013]],
    ]);
  });

  it("shows only the years asked for, and a note's numbers without float noise", () => {
    const rows = [row("CN", 2000, 0.1), row("CN", 2001, 0.1 + 0.2), row("CN", 2002, 1)];
    const { rows: growth, gaps } = yearOnYearGrowth(rows, { from: 2001, to: 2001 });
    expect(gaps).toEqual([]);
    expect(growth).toHaveLength(1);
    expect(growth[0]!.note).toBe("Computed: (0.3 − 0.1) ÷ 0.1 × 100, from the values of 2001 and 2000");
  });
});

describe("compoundAnnualGrowth", () => {
  const span = { from: 2010, to: 2017 };

  it("gives each place of the last year its yearly rate since the first", () => {
    const first = [row("110000", 2010, 100), row("440000", 2010, 50)];
    const last = [row("110000", 2017, 200), row("440000", 2017, 25)];
    const { rows, gaps } = compoundAnnualGrowth(first, last, span);
    expect(gaps).toEqual([]);
    expect(rows.map((r) => r.geoCode)).toEqual(["110000", "440000"]);
    expect(rows[0]!.value).toBeCloseTo((2 ** (1 / 7) - 1) * 100, 9);
    expect(rows[1]!.value).toBeCloseTo((0.5 ** (1 / 7) - 1) * 100, 9);
    expect(rows[0]).toMatchObject({
      year: 2017,
      isComputed: true,
      note: "Computed: ((200 ÷ 100)^(1 ÷ 7) − 1) × 100, from the values of 2017 and 2010",
    });
  });

  it("leaves a gap when the first year has no value, or either end is a lower bound or not positive", () => {
    const first = [row("a", 2010, 10), row("b", 2010, 10, { isLowerBound: true }), row("c", 2010, 0), row("d", 2010, 10)];
    const last = [row("a", 2017, 20, { isLowerBound: true }), row("b", 2017, 20), row("c", 2017, 5), row("d", 2017, -1), row("e", 2017, 3)];
    const { rows, gaps } = compoundAnnualGrowth(first, last, span);
    expect(rows).toEqual([]);
    expect(gaps.map((g) => [g.geoCode, g.reason, g.years])).toEqual([
      ["a", "lower-bound", [2017]],
      ["b", "lower-bound", [2010]],
      ["c", "not-positive", [2010]],
      ["d", "not-positive", [2017]],
      ["e", "missing", [2010]],
    ]);
  });

  it("leaves a gap when a break falls between the two years, not when it is the first year", () => {
    const first = [row("CN", 2010, 10)];
    const last = [row("CN", 2017, 20)];
    expect(compoundAnnualGrowth(first, last, span, () => [SUZHOU]).gaps.map((g) => [g.reason, g.years])).toEqual([["break", [2015]]]);
    expect(compoundAnnualGrowth([row("CN", 2015, 10)], last, { from: 2015, to: 2017 }, () => [SUZHOU]).rows).toHaveLength(1);
  });

  it("leaves the not-attributed row a gap", () => {
    const rest = { isRemainder: true };
    const { rows, gaps } = compoundAnnualGrowth([row(UNATTRIBUTED, 2010, 5, rest)], [row(UNATTRIBUTED, 2017, 9, rest)], span);
    expect(rows).toEqual([]);
    expect(gaps.map((g) => [g.reason, g.isRemainder])).toEqual([["remainder", true]]);
  });

  it("has no rate without a span: every figure a gap that says so", () => {
    const { rows, gaps } = compoundAnnualGrowth([], [row("CN", 2017, 20)], { from: 2017, to: 2017 });
    expect(rows).toEqual([]);
    expect(gaps.map((g) => [g.year, g.reason, g.years])).toEqual([[2017, "no-span", [2017, 2017]]]);
  });
});

describe("growth units and formulas", () => {
  it("label the unit of each kind of rate, in both languages", () => {
    const yearOnYear = growthUnit({ view: "table", from: 2010, year: 2017 });
    expect(unitLabel(yearOnYear, "en")).toBe("% change on previous year");
    expect(unitLabel(yearOnYear, "zh")).toBe("%（比上年增长）");
    expect(formatMeasure(6.849, yearOnYear, "en")).toBe("6.85% change on previous year");
    const compound = growthUnit({ view: "map", from: 2010, year: 2017 });
    expect(unitLabel(compound, "en")).toBe("% a year, CAGR 2010–2017");
    expect(unitLabel(compound, "zh")).toBe("%（2010–2017年年均复合增长）");
    expect(growthUnit({ view: "compare", from: 2010, year: 2017 })).toEqual(compound);
  });

  it("give a growth view's metric the formula of its rates, around the metric's own", () => {
    const metric = { code: "hte_density", formulaEn: "high-tech enterprises ÷ registered firms × 100", formulaZh: "高新技术企业数 ÷ 注册企业数 × 100" } as MetricInfo;
    const trend = withGrowthFormula(metric, { mode: "growth", view: "trend", from: 2010, year: 2017 });
    expect(trend.formulaEn).toBe(
      "(value − value of the year before) ÷ value of the year before × 100, where value = high-tech enterprises ÷ registered firms × 100",
    );
    expect(trend.formulaZh).toContain("上年数值");
    const plain = { code: "park_count", formulaEn: null, formulaZh: null } as MetricInfo;
    expect(withGrowthFormula(plain, { mode: "growth", view: "compare", from: 2010, year: 2017 }).formulaEn).toBe(
      "((value in 2017 ÷ value in 2010)^(1 ÷ 7) − 1) × 100",
    );
    expect(withGrowthFormula(plain, { mode: "absolute", view: "compare", from: 2010, year: 2017 })).toBe(plain);
  });
});
