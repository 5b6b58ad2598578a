import { describe, expect, it } from "vitest";
import { createIndicatorResolver, normalizeBreakdown } from "@/lib/ingest/indicator-aliases";
import { seedIngestReference } from "@/lib/ingest/test-reference";

const resolver = createIndicatorResolver(seedIngestReference());

describe("indicator aliases", () => {
  it.each([
    // codes and the catalogue's names
    ["revenue", "revenue", ""],
    ["营业收入", "revenue", ""],
    ["Operating revenue", "revenue", ""],
    // the yearbook's older names
    ["营业总收入", "revenue", ""],
    ["技工贸总收入", "revenue", ""],
    ["上缴税额", "tax_revenue", ""],
    ["实际上缴税费", "tax_revenue", ""],
    ["出口创汇额", "exports", ""],
    ["实现利润", "net_profit", ""],
    ["纳入统计企业数", "enterprises_surveyed", ""],
    ["年末从业人员数", "employees", ""],
    ["R&D经费支出", "rd_expenditure", ""],
    ["研究与试验发展经费支出", "rd_expenditure", ""],
    // full-width brackets, "of which" marks, case, spacing
    ["出口总额（人民币）", "exports_cny", ""],
    ["出口总额(人民币)", "exports_cny", ""],
    ["#高新技术企业数", "high_tech_enterprises", ""],
    ["  TAX_REVENUE ", "tax_revenue", ""],
    ["High-tech enterprises", "high_tech_enterprises", ""],
    // bilingual headers
    ["营业收入 Operating revenue", "revenue", ""],
    ["上缴税费\nTaxes paid", "tax_revenue", ""],
    // names that carry a breakdown
    ["高技术产业营业收入", "revenue", "high_tech_industries"],
    ["生产总值(前三季度)", "zone_gdp", "q1_q3"],
  ])("%s → %s %s", (text, code, breakdown) => {
    expect(resolver.resolve(text)).toMatchObject({ code, breakdown });
  });

  it("marks matches by name, so a name printed in yuan can mean the yuan export series", () => {
    expect(resolver.resolve("exports")?.byName).toBe(false);
    expect(resolver.resolve("出口总额")?.byName).toBe(true);
  });

  it("keeps the seed's note for 增加值 standing in for zone GDP", () => {
    expect(resolver.resolve("增加值")).toMatchObject({ code: "zone_gdp", note: expect.stringContaining("增加值") });
  });

  it("does not guess at unknown names", () => {
    expect(resolver.resolve("利润总额")).toBeNull();
    expect(resolver.resolve("GDP per capita")).toBeNull();
    expect(resolver.resolve("")).toBeNull();
  });
});

describe("normalizeBreakdown", () => {
  it.each([
    ["", ""],
    ["all", ""],
    ["合计", ""],
    ["state_owned", "state_owned"],
    ["国有", "state_owned"],
    ["State-owned", "state_owned"],
    ["高技术产业", "high_tech_industries"],
    ["private", "private"],
  ])("%s → %s", (text, expected) => {
    expect(normalizeBreakdown(text)).toBe(expected);
  });
});
