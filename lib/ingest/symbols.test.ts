import { describe, expect, it } from "vitest";
import { parseYearbookNumber } from "@/lib/ingest/symbols";

describe("parseYearbookNumber", () => {
  it.each(["", "  ", "/", "-", "—", "——", "–", "…", "……", "...", "－", "／", "x", "n.a."])(
    "“%s” is not available",
    (text) => {
      expect(parseYearbookNumber(text).kind).toBe("missing");
    },
  );

  it.each([
    ["1234", 1234, null, 0],
    ["1,234.5", 1234.5, null, 1],
    ["12,345,678", 12_345_678, null, 0],
    ["１２３４．５", 1234.5, null, 1],
    ["１，２３４", 1234, null, 0],
    ["#1,234.5", 1234.5, null, 1],
    ["# 88", 88, null, 0],
    ["3,456①", 3456, "①", 0],
    ["3456*", 3456, "*", 0],
    ["*3456", 3456, "*", 0],
    ["12.5²", 12.5, "²", 1],
    ["789a", 789, "a", 0],
    ["789注1", 789, "注1", 0],
    ["789（注2）", 789, "注2", 0],
    ["-12.3", -12.3, null, 1],
    ["−12.3", -12.3, null, 1],
    ["1.5e3", 1500, null, null],
    [" 42 ", 42, null, 0],
    ["1 234", 1234, null, 0],
  ])("“%s” → %s (footnote %s, %s decimals)", (text, value, footnote, decimals) => {
    expect(parseYearbookNumber(text)).toEqual({ kind: "number", value, footnote, decimals, hasPercentSign: false });
  });

  it("notes a trailing % sign", () => {
    expect(parseYearbookNumber("12.5%")).toMatchObject({ kind: "number", value: 12.5, hasPercentSign: true });
    expect(parseYearbookNumber("12.5％")).toMatchObject({ kind: "number", value: 12.5, hasPercentSign: true });
  });

  it.each(["abc", "1,23", "12.3.4", "=1+2", "@SUM(A1)", "①", "#", "1.2亿", "12 345,6"])(
    "“%s” is not a number",
    (text) => {
      expect(parseYearbookNumber(text).kind).toBe("invalid");
    },
  );
});
