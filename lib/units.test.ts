import { describe, expect, it } from "vitest";
import { toCanonical, UnitError } from "@/lib/units";

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
