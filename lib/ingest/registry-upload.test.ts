import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ingestRegistryUpload, parseApprovalDate, type RegistryZone } from "@/lib/ingest/registry-upload";
import { seedIngestReference } from "@/lib/ingest/test-reference";
import { readParks } from "@/lib/server/seed/reference-data";

const reference = seedIngestReference();
const registry: RegistryZone[] = readParks();

const ingest = (data: Buffer, fileName = "zones.csv") =>
  ingestRegistryUpload({ fileName, data, reference, registry, source: "Upload source" });
const csv = (text: string) => ingest(Buffer.from(text, "utf8"));

describe("approval dates", () => {
  it("are read as the yearbook and admins write them", () => {
    expect(parseApprovalDate("2018-02-28")).toBe("2018-02-28");
    expect(parseApprovalDate("2018/2/8")).toBe("2018-02-08");
    expect(parseApprovalDate("2018年2月28日")).toBe("2018-02-28");
    expect(parseApprovalDate("2018年2月")).toBe("2018-02");
    expect(parseApprovalDate("2018")).toBe("2018");
    for (const bad of ["2018-13", "2018-02-30", "1850", "soon", "18-02"]) expect(parseApprovalDate(bad), bad).toBeNull();
  });
});

describe("a registry upload", () => {
  it("adds a zone the registry lacks and corrects another's approval date", async () => {
    const result = await csv(
      "高新区名称,省份,批准日期,来源\n" +
        "怀化高新技术产业开发区,湖南,2018-02,国函〔2018〕 list\n" +
        "南京高新技术产业开发区（1991批）,,1991-03-06,国发〔1991〕12号\n" +
        "沈阳高新技术产业开发区（1991批）,辽宁,,\n",
    );
    expect(result.errorCount).toBe(0);
    expect(result.unchangedCount).toBe(1);
    expect(result.changes).toEqual([
      {
        slug: "huaihua",
        kind: "ADD",
        values: {
          nameZh: "怀化高新技术产业开发区",
          nameEn: "Huaihua High-tech Zone",
          cityZh: "怀化",
          cityEn: "Huaihua",
          provinceAdcode: 430000,
          approvedOn: "2018-02",
          approvalYear: 2018,
          sourceRef: "国函〔2018〕 list",
          confidence: "medium",
          note: null,
        },
        sheet: null,
        row: 2,
      },
      {
        slug: "nanjing",
        kind: "UPDATE",
        values: { approvedOn: "1991-03-06", approvalYear: 1991, sourceRef: "国发〔1991〕12号" },
        sheet: null,
        row: 3,
      },
    ]);
  });

  it("reads XLSX with English headers and takes the upload's source where a row names none", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("zones");
    sheet.addRow(["Registry of zones, 2018"]);
    sheet.addRow(["name_zh", "name_en", "province", "approved_on"]);
    sheet.addRow(["楚雄高新技术产业开发区", "Chuxiong High-tech Zone", "Yunnan", new Date(Date.UTC(2018, 1, 28))]);
    const result = await ingest(Buffer.from(await workbook.xlsx.writeBuffer()), "zones.xlsx");
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual([
      expect.objectContaining({
        slug: "chuxiong",
        kind: "ADD",
        values: expect.objectContaining({ provinceAdcode: 530000, approvedOn: "2018-02-28", sourceRef: "Upload source" }),
      }),
    ]);
  });

  it("reports every bad row in both languages, and saves nothing to change", async () => {
    const result = await csv(
      "高新区名称,省份,批准日期\n" +
        "某某高新区,,2018\n" +
        "怀化高新区,湖男,2018\n" +
        "湖南省,湖南,2018\n" +
        "怀化高新区,湖南,2018-02-30\n" +
        "株洲高新区,湖南,2018\n" +
        "株洲高新技术产业开发区,湖南,2019\n",
    );
    expect(result.problems.map((p) => [p.row, p.code])).toEqual([
      [2, "zone_without_province"],
      [3, "unknown_geo"],
      [4, "unknown_geo"],
      [5, "bad_year"],
      [7, "duplicate_row"],
    ]);
    expect(result.problems.every((p) => p.reasonZh)).toBe(true);
    expect(result.problems[0]!.reason).toContain("省份");
  });

  it("is refused when it changes nothing or has no table of zones", async () => {
    const same = await csv("高新区名称,省份\n沈阳高新技术产业开发区（1991批）,辽宁\n");
    expect(same.problems).toEqual([expect.objectContaining({ code: "no_figures", severity: "error" })]);
    const none = await csv("foo,bar\n1,2\n");
    expect(none.problems).toEqual([expect.objectContaining({ code: "no_table", severity: "error" })]);
  });
});
