import { describe, expect, it } from "vitest";
import { formatMeasure, formatTick } from "@/lib/display-unit";
import { formatAtLeast, formatValue } from "@/lib/format";

describe("formatValue", () => {
  it("formats the article's figures in English", () => {
    expect(formatValue(1.73e12, "CNY")).toBe("1.73 trillion yuan");
    expect(formatValue(478e9, "USD")).toBe("$478 billion");
    expect(formatValue(1_850_000, "firms")).toBe("1.85 million firms");
    expect(formatValue(49_000, "firms")).toBe("49,000 firms");
    expect(formatValue(156, "zones")).toBe("156 zones");
    expect(formatValue(1, "zones")).toBe("1 zone");
    expect(formatValue(20, "percent")).toBe("20%");
  });

  it("formats in Chinese with 万 / 亿 / 万亿", () => {
    expect(formatValue(1.73e12, "CNY", "zh")).toBe("1.73万亿元");
    expect(formatValue(478e9, "USD", "zh")).toBe("4,780亿美元");
    expect(formatValue(1_850_000, "firms", "zh")).toBe("185万家");
    expect(formatValue(156, "zones", "zh")).toBe("156个");
  });
});

describe("formatAtLeast", () => {
  it("says a lower bound is one, in English and Chinese", () => {
    expect(formatAtLeast(formatValue(42, "zones"))).toBe("at least 42 zones");
    expect(formatAtLeast(formatValue(42, "zones", "zh"), "zh")).toBe("至少 42个");
    expect(formatAtLeast("$478 billion", "en")).toBe("at least $478 billion");
  });

  it("has a short form for bar ends and axis-sized labels", () => {
    expect(formatAtLeast("42", "en", "short")).toBe("≥42");
    expect(formatAtLeast("350亿", "zh", "short")).toBe("≥350亿");
  });
});

describe("formatMeasure and formatTick with a lower bound", () => {
  const zones = { unit: "zones" } as const;
  const perZone = { unit: "CNY", suffixEn: "per zone", suffixZh: "每个高新区" } as const;

  it("say 'at least' only for a lower bound, around the whole measure", () => {
    expect(formatMeasure(42, zones, "en")).toBe("42 zones");
    expect(formatMeasure(42, zones, "en", { isLowerBound: false })).toBe("42 zones");
    expect(formatMeasure(42, zones, "en", { isLowerBound: true })).toBe("at least 42 zones");
    expect(formatMeasure(42, zones, "zh", { isLowerBound: true })).toBe("至少 42个");
    expect(formatMeasure(1.2e9, perZone, "en", { isLowerBound: true })).toBe("at least 1.2 billion yuan per zone");
    expect(formatMeasure(1.2e9, perZone, "zh", { isLowerBound: true })).toBe("至少 12亿元（每个高新区）");
  });

  it("mark a short label with ≥", () => {
    expect(formatTick(42, zones, "en")).toBe("42");
    expect(formatTick(42, zones, "en", { isLowerBound: true })).toBe("≥42");
    expect(formatTick(3.5e10, { unit: "CNY" }, "zh", { isLowerBound: true })).toBe("≥350亿");
    // Recharts passes a tick's index as the second argument: a number is no lower-bound flag.
    expect(formatTick(42, zones, "en", 1 as unknown as { isLowerBound?: boolean })).toBe("42");
  });
});
