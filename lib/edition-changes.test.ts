import { describe, expect, it } from "vitest";
import { DIFF_CSV_HEADER, editionChangesToCsv, roundPct, type EditionChange } from "@/lib/edition-changes";

const base: EditionChange = {
  kind: "revised",
  indicatorCode: "registered_firms",
  breakdown: "",
  year: 2017,
  level: "province",
  geoCode: "460000",
  geoNameEn: "Hainan",
  geoNameZh: "海南",
  old: 30,
  new: 20,
  unit: "firms",
  pctChange: ((20 - 30) / 30) * 100,
};

describe("editionChangesToCsv", () => {
  it("has the documented header and one CRLF line per change", () => {
    const csv = editionChangesToCsv([base, { ...base, kind: "added", old: null, new: 5, pctChange: null }]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("change,indicator,year,level,geo_code,geo_name,old,new,unit,pct_change");
    expect(DIFF_CSV_HEADER).toHaveLength(10);
    expect(lines[1]).toBe("revised,registered_firms,2017,province,460000,Hainan,30,20,firms,-33.3333");
    expect(lines[2]).toBe("added,registered_firms,2017,province,460000,Hainan,,5,firms,");
    expect(lines[3]).toBe("");
  });

  it("neutralises cells a spreadsheet would run as formulas, and quotes commas", () => {
    const csv = editionChangesToCsv([{ ...base, geoNameEn: "=HYPERLINK(\"http://evil\",\"x\")", geoCode: "@SUM(A1)" }]);
    const line = csv.split("\r\n")[1]!;
    expect(line).toContain(",'@SUM(A1),");
    expect(line).toContain(`,"'=HYPERLINK(""http://evil"",""x"")",`);
    expect(editionChangesToCsv([{ ...base, geoNameEn: "+1", indicatorCode: "-x" }]).split("\r\n")[1]).toMatch(/^revised,'-x,2017,province,460000,'\+1,/);
  });

  it("writes categories into the indicator column and keeps negative numbers as numbers", () => {
    const line = editionChangesToCsv([{ ...base, indicatorCode: "firm_ownership_share", breakdown: "state_owned", unit: "percent", old: -2, new: 3, pctChange: 250 }]).split("\r\n")[1];
    expect(line).toBe("revised,firm_ownership_share:state_owned,2017,province,460000,Hainan,-2,3,%,250");
  });

  it("rounds percent changes to four decimals", () => {
    expect(roundPct(25)).toBe(25);
    expect(roundPct(100 / 3)).toBe(33.3333);
    expect(roundPct(0.1 + 0.2)).toBe(0.3);
  });
});
