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

  // The renames in the yearbook over the years (../shared/data/yearbook_structure_and_upload_schema.md).
  it.each([
    ["入统企业数", "enterprises_surveyed"],
    ["纳入统计企业数", "enterprises_surveyed"],
    ["年末从业人员", "employees"],
    ["营业收入", "revenue"],
    ["营业总收入", "revenue"],
    ["技工贸总收入", "revenue"],
    ["工业总产值", "industrial_output"],
    ["工业增加值", "industrial_value_added"],
    ["净利润", "net_profit"],
    ["实现利润", "net_profit"],
    ["上缴税费", "tax_revenue"],
    ["实际上缴税费", "tax_revenue"],
    ["上缴税额", "tax_revenue"],
    ["出口总额", "exports"],
    ["出口创汇额", "exports"],
    ["园区生产总值", "zone_gdp"],
    ["研发(R&D)经费支出", "rd_expenditure"],
    ["研发（R＆D）经费支出", "rd_expenditure"],
    ["高新技术企业数", "high_tech_enterprises"],
    ["高新区数", "park_count"],
  ])("the yearbook's %s → %s", (text, code) => {
    expect(resolver.resolve(text)?.code).toBe(code);
  });

  // English as the yearbook prints it, and as people write it.
  it.each([
    ["firms", "enterprises_surveyed"],
    ["Firms", "enterprises_surveyed"],
    ["enterprises", "enterprises_surveyed"],
    ["Number of Enterprises", "enterprises_surveyed"],
    ["companies", "enterprises_surveyed"],
    ["number of firms", "enterprises_surveyed"],
    ["registered firms", "registered_firms"],
    ["Registered enterprises", "registered_firms"],
    ["employees", "employees"],
    ["Employees at Year-end", "employees"],
    ["staff", "employees"],
    ["employment", "employees"],
    ["revenue", "revenue"],
    ["Operating Revenue", "revenue"],
    ["Business Income", "revenue"],
    ["Total Income", "revenue"],
    ["income", "revenue"],
    ["taxes", "tax_revenue"],
    ["Taxes Paid", "tax_revenue"],
    ["exports", "exports"],
    ["Export Value", "exports"],
    ["R&D", "rd_expenditure"],
    ["r & d", "rd_expenditure"],
    ["R&D spending", "rd_expenditure"],
    ["R&D Expenditure", "rd_expenditure"],
    ["high-tech enterprises", "high_tech_enterprises"],
    ["High Tech Enterprises", "high_tech_enterprises"],
    ["high-tech firms", "high_tech_enterprises"],
    ["Number of High-tech Enterprises", "high_tech_enterprises"],
    ["zones", "park_count"],
    ["Number of Zones", "park_count"],
    ["parks", "park_count"],
    ["net profit", "net_profit"],
    ["Net Income", "net_profit"],
    ["profits", "net_profit"],
    ["gross industrial output value", "industrial_output"],
    ["GDP", "zone_gdp"],
  ])("%s → %s", (text, code) => {
    expect(resolver.resolve(text)?.code).toBe(code);
  });

  it("matches regardless of case, spacing, punctuation and full-width forms", () => {
    for (const text of [
      "ＦＩＲＭＳ",
      " Firms ",
      "high_tech_enterprises",
      "HIGH—TECH  ENTERPRISES",
      "Ｒ＆Ｄ　ｓｐｅｎｄｉｎｇ",
    ]) {
      expect(resolver.resolve(text), text).not.toBeNull();
    }
    expect(resolver.resolve("营业　收入")?.code).toBe("revenue");
    expect(resolver.resolve("上缴税费：")?.code).toBe("tax_revenue");
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
