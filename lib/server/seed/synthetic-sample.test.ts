import { describe, expect, it } from "vitest";
import { buildSeedEditions } from "@/lib/server/seed/seed-database";
import { createRandom, nationalCurve, SAMPLE_YEARS } from "@/lib/server/seed/synthetic-sample";

const [publicSources, sample] = buildSeedEditions();
const provinceTotal = (indicatorCode: string, year: number) =>
  sample!.observations
    .filter((o) => o.geoLevel === "PROVINCE" && o.indicatorCode === indicatorCode && o.year === year)
    .reduce((total, o) => total + o.value, 0);
const sourced = (indicatorCode: string, year: number) =>
  publicSources!.observations.find(
    (o) => o.geoLevel === "NATION" && o.indicatorCode === indicatorCode && o.year === year && o.breakdown === "",
  )!.value;

describe("the synthetic sample", () => {
  it("is deterministic", () => {
    const again = buildSeedEditions()[1]!;
    expect(again.observations).toEqual(sample!.observations);
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it("is flagged and labelled as a sample on every row", () => {
    expect(sample!.isSample).toBe(true);
    expect(sample!.observations.every((o) => o.note?.startsWith("SYNTHETIC SAMPLE"))).toBe(true);
    expect(sample!.observations.every((o) => o.geoLevel === "PROVINCE" || o.geoLevel === "REGION")).toBe(true);
  });

  it("covers 1991–2023", () => {
    const years = new Set(sample!.observations.map((o) => o.year));
    expect(Math.min(...years)).toBe(SAMPLE_YEARS.from);
    expect(Math.max(...years)).toBe(SAMPLE_YEARS.to);
  });

  it("adds up to the sourced national totals where they exist", () => {
    expect(provinceTotal("registered_firms", 2017) / sourced("registered_firms", 2017)).toBeCloseTo(1, 3);
    expect(provinceTotal("high_tech_enterprises", 2017) / sourced("high_tech_enterprises", 2017)).toBeCloseTo(1, 3);
    expect(provinceTotal("tax_revenue", 2013) / sourced("tax_revenue", 2013)).toBeCloseTo(1, 5);
    expect(provinceTotal("exports", 2005) / sourced("exports", 2005)).toBeCloseTo(1, 5);
  });

  it("has regions equal to the sum of their provinces", () => {
    const eastern2010 = sample!.observations.find(
      (o) => o.geoLevel === "REGION" && o.geoCode === "eastern" && o.indicatorCode === "revenue" && o.year === 2010,
    )!.value;
    const easternAdcodes = [
      "110000",
      "120000",
      "130000",
      "310000",
      "320000",
      "330000",
      "350000",
      "370000",
      "440000",
      "460000",
    ];
    const sum = sample!.observations
      .filter(
        (o) =>
          o.geoLevel === "PROVINCE" &&
          o.indicatorCode === "revenue" &&
          o.year === 2010 &&
          easternAdcodes.includes(o.geoCode),
      )
      .reduce((total, o) => total + o.value, 0);
    expect(eastern2010 / sum).toBeCloseTo(1, 9);
  });

  it("concentrates on the coast, exports most of all", () => {
    const share = (indicator: string) => {
      const regions = sample!.observations.filter(
        (o) => o.geoLevel === "REGION" && o.indicatorCode === indicator && o.year === 2017,
      );
      const total = regions.reduce((t, o) => t + o.value, 0);
      return regions.find((o) => o.geoCode === "eastern")!.value / total;
    };
    expect(share("high_tech_enterprises")).toBeGreaterThan(0.5);
    expect(share("exports")).toBeGreaterThan(share("high_tech_enterprises"));
  });

  it("grows after 2006", () => {
    expect(provinceTotal("registered_firms", 2016) / provinceTotal("registered_firms", 2006)).toBeGreaterThan(2);
  });
});

describe("nationalCurve", () => {
  it("passes through every anchor and interpolates between them", () => {
    const curve = nationalCurve(
      [
        { indicatorCode: "revenue", year: 2002, value: 100 },
        { indicatorCode: "revenue", year: 2012, value: 1000 },
      ],
      1,
    );
    expect(curve.get(2002)).toBeCloseTo(100, 6);
    expect(curve.get(2012)).toBeCloseTo(1000, 6);
    const mid = curve.get(2007)!;
    expect(mid).toBeGreaterThan(100);
    expect(mid).toBeLessThan(1000);
  });
});
