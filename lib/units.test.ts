import { describe, expect, it } from "vitest";
import { sourceUnitFactor, toCanonical, UnitError } from "@/lib/units";

describe("toCanonical", () => {
  it.each([
    [1.73, "万亿元", "CNY", 1.73e12],
    [3286.1, "亿元", "CNY", 328_610_000_000],
    [1500, "千元", "CNY", 1_500_000],
    [329.2, "亿美元", "USD", 32_920_000_000],
    [478, "USD billion", "USD", 478_000_000_000],
    [7, "千美元", "USD", 7000],
    [348.7, "万人", "persons", 3_487_000],
    [5.96, "万家", "firms", 59_600],
    [156, "个", "zones", 156],
    [20, "percent", "percent", 20],
    [12.5, "千人", "persons", 12_500],
    [3.2, "百万元", "CNY", 3_200_000],
    [4, "百万美元", "USD", 4_000_000],
    [15, "户", "firms", 15],
    [2.5, "CNY thousand", "CNY", 2500],
    [3, "CNY 10k", "CNY", 30_000],
    [1.2, "CNY million", "CNY", 1_200_000],
    [9.9, "CNY 100 million", "CNY", 990_000_000],
    [7, "USD thousand", "USD", 7000],
    [6, "USD 10k", "USD", 60_000],
    [5, "USD 100 million", "USD", 500_000_000],
    [2, "thousand persons", "persons", 2000],
    [1.5, "10k persons", "persons", 15_000],
    [3, "enterprises", "firms", 3],
  ] as const)("%s %s → %s", (value, unit, canonical, expected) => {
    expect(toCanonical(value, unit, canonical)).toBe(expected);
  });

  it("refuses a unit that measures something else", () => {
    expect(() => toCanonical(1, "亿美元", "CNY")).toThrow(UnitError);
    expect(() => toCanonical(1, "万人", "firms")).toThrow(/cannot be converted/);
  });

  it("refuses an unknown unit", () => {
    expect(() => toCanonical(1, "斤", "CNY")).toThrow(/Unknown unit/);
  });
});

describe("sourceUnitFactor", () => {
  it("tells the size of a source unit, for telling 千元 from 万元 in a unit line", () => {
    expect(sourceUnitFactor("千元")).toBe(1e3);
    expect(sourceUnitFactor("万元")).toBe(1e4);
    expect(sourceUnitFactor("个")).toBe(sourceUnitFactor("家"));
    expect(sourceUnitFactor("斤")).toBeUndefined();
  });
});
