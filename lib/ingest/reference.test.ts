import { describe, expect, it } from "vitest";
import { catalogueIngestIndicators } from "@/lib/ingest/reference";
import { generateLongCsv, generateLongCsvWithFacts } from "@/lib/ingest/testing";
import { seedIngestReference } from "@/lib/ingest/test-reference";

describe("catalogueIngestIndicators", () => {
  const byCode = new Map(catalogueIngestIndicators().map((i) => [i.code, i]));

  it("marks counts, additivity and which money may be negative", () => {
    expect(byCode.get("employees")).toMatchObject({
      unit: "persons",
      isCount: true,
      isAdditive: true,
      allowsNegative: false,
    });
    expect(byCode.get("revenue")).toMatchObject({ unit: "CNY", isCount: false, allowsNegative: false });
    expect(byCode.get("net_profit")).toMatchObject({ allowsNegative: true });
    expect(byCode.get("exports_share_national")).toMatchObject({ isAdditive: false, allowsNegative: true });
  });

  it("carries the catalogue's breakdowns and those the seed stores", () => {
    expect(byCode.get("firm_ownership_share")!.breakdowns).toEqual(["state_owned"]);
    expect(byCode.get("revenue")!.breakdowns).toEqual(["preliminary", "high_tech_industries"]);
    expect(byCode.get("park_count")!.breakdowns).toBeUndefined();
  });
});

describe("generateLongCsv", () => {
  const reference = seedIngestReference();

  it("writes a header and exactly the rows asked for", () => {
    const lines = generateLongCsv(250, reference).toString("utf8").trim().split("\n");
    expect(lines).toHaveLength(251);
    expect(lines[0]).toBe("year,level,geo,indicator,value,unit,note,source_ref");
    expect(new Set(lines.slice(1)).size).toBe(250);
  });

  it("reports the first row's key and canonical value", () => {
    const { facts } = generateLongCsvWithFacts(1, reference);
    expect(facts.firstKey).toBe("park_count|1988|PROVINCE|110000|");
    expect(facts.firstValue).toBeGreaterThan(0);
  });

  it("refuses more rows than the reference has keys", () => {
    expect(() => generateLongCsv(10_000_000, reference)).toThrow(RangeError);
  });
});
