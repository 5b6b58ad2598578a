import { describe, expect, it } from "vitest";
import { ingestUpload } from "@/lib/ingest";
import { seedIngestReference } from "@/lib/ingest/test-reference";

// Indicators named as people write them, in uploads of either layout.

const reference = seedIngestReference();
const ingestCsv = (text: string, fileName = "upload.csv") =>
  ingestUpload({ fileName, data: Buffer.from(text, "utf8"), reference });

describe("indicator names in uploads", () => {
  it("reads a long CSV with plain English indicator names", async () => {
    const result = await ingestCsv(
      [
        "year,geo,indicator,value,unit",
        "2019,北京,firms,120,家",
        "2019,北京,high-tech enterprises,80,家",
        "2019,北京,Employees,3.5,万人",
        "2019,北京,revenue,1.5,亿元",
        "2019,北京,Taxes,20,万元",
        "2019,北京,exports,7,千美元",
        "2019,北京,R&D spending,3,千元",
        "2019,北京,zones,1,个",
      ].join("\n"),
    );
    expect(result.problems).toEqual([]);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([
      ["enterprises_surveyed", 120],
      ["high_tech_enterprises", 80],
      ["employees", 35_000],
      ["revenue", 150_000_000],
      ["tax_revenue", 200_000],
      ["exports", 7000],
      ["rd_expenditure", 3000],
      ["park_count", 1],
    ]);
  });

  it("reads a wide table with the yearbook's older Chinese names and full-width brackets", async () => {
    const result = await ingestCsv(
      "地区,营业总收入（千元）,上缴税额（千元）,出口创汇额（千美元）,实现利润（千元）\n湖北,10,2,3,1\n",
      "2005.csv",
    );
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.observations.map((o) => [o.indicatorCode, o.value])).toEqual([
      ["revenue", 10_000],
      ["tax_revenue", 2000],
      ["exports", 3000],
      ["net_profit", 1000],
    ]);
  });
});
