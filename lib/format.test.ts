import { describe, expect, it } from "vitest";
import { formatValue } from "@/lib/format";

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
