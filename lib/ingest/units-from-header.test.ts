import { describe, expect, it } from "vitest";
import { resolveSourceUnit, splitHeaderUnit } from "@/lib/ingest/units-from-header";
import { toCanonical } from "@/lib/units";

describe("resolveSourceUnit", () => {
  it.each([
    ["千元", "千元"],
    [" 亿元 ", "亿元"],
    ["单位：千元", "千元"],
    ["单位:万元", "万元"],
    ["亿元人民币", "亿元"],
    ["千美元", "千美元"],
    ["％", "%"],
    ["percent", "percent"],
    ["CNY thousand", "CNY thousand"],
    ["cny THOUSAND", "CNY thousand"],
    ["thousand yuan", "CNY thousand"],
    ["RMB 10k", "CNY 10k"],
    ["CNY 10k", "CNY 10k"],
    ["10 thousand yuan", "CNY 10k"],
    ["CNY 100m", "CNY 100 million"],
    ["100 million yuan", "CNY 100 million"],
    ["million yuan", "CNY million"],
    ["yuan", "CNY"],
    ["USD thousand", "USD thousand"],
    ["US$ thousand", "USD thousand"],
    ["thousand US dollars", "USD thousand"],
    ["USD mn", "USD million"],
    ["bn USD", "USD billion"],
    ["persons", "persons"],
    ["people", "persons"],
    ["10k persons", "10k persons"],
    ["thousand persons", "thousand persons"],
    ["firms", "firms"],
    ["Unit: CNY thousand", "CNY thousand"],
    ["斤", null],
    ["lakh rupees", null],
    ["", null],
  ])("%s → %s", (text, expected) => {
    expect(resolveSourceUnit(text)).toBe(expected);
  });

  it("resolves to units toCanonical converts with the right factor", () => {
    expect(toCanonical(2.5, resolveSourceUnit("thousand yuan")!, "CNY")).toBe(2500);
    expect(toCanonical(3, resolveSourceUnit("RMB 10k")!, "CNY")).toBe(30_000);
    expect(toCanonical(7, resolveSourceUnit("USD thousand")!, "USD")).toBe(7000);
    expect(toCanonical(1.5, resolveSourceUnit("10k persons")!, "persons")).toBe(15_000);
  });
});

describe("splitHeaderUnit", () => {
  it.each([
    ["营业收入（千元）", "营业收入", "千元"],
    ["营业收入 (亿元)", "营业收入", "亿元"],
    ["出口总额(千美元)", "出口总额", "千美元"],
    ["Revenue (CNY thousand)", "Revenue", "CNY thousand"],
    ["Exports [USD 10k]", "Exports", "USD 10k"],
    ["年末从业人员【万人】", "年末从业人员", "万人"],
    ["Revenue, CNY thousand", "Revenue", "CNY thousand"],
    ["年末从业人员/人", "年末从业人员", "人"],
    ["出口总额（人民币）（千元）", "出口总额（人民币）", "千元"],
    ["出口总额（人民币）", "出口总额（人民币）", null],
    ["营业收入", "营业收入", null],
  ])("%s → %s + %s", (header, label, unit) => {
    expect(splitHeaderUnit(header)).toMatchObject({ label, unit });
  });
});
