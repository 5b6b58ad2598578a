import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildTemplate, ingestUpload } from "@/lib/ingest";
import { seedIngestReference } from "@/lib/ingest/test-reference";

const reference = seedIngestReference();

describe("buildTemplate", () => {
  it("writes a long CSV with a BOM, real indicator codes and Chinese names, that reads back without problems", async () => {
    const csv = await buildTemplate("long", "csv", reference);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines[0]).toBe(
      "year,level,geo,geo_name_zh,indicator,indicator_name_zh,breakdown,value,unit,note,source_ref",
    );
    expect(lines[1]).toMatch(/^2024,national,CN,全国,revenue,营业收入,,495096\.1,亿元,/);

    const result = await ingestUpload({ fileName: "template.csv", data: csv, reference });
    expect(result.problems).toEqual([]);
    expect(result.observations).toHaveLength(lines.length - 1);
    expect(result.observations.map((o) => `${o.indicatorCode} ${o.geoLevel}:${o.geoCode}`)).toEqual([
      "revenue NATION:CN",
      "exports NATION:CN",
      "employees PROVINCE:110000",
      "employees PROVINCE:120000",
      `high_tech_enterprises PARK:${reference.parks[0]!.slug}`,
    ]);
    expect(result.observations[0]!.value).toBe(49_509_610_000_000);
  });

  it("writes a wide XLSX: a sheet per year, provinces in Chinese down, indicators with units across", async () => {
    const xlsx = await buildTemplate("wide", "xlsx", reference);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["2023年", "2024年"]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe("地区");
    expect(sheet.getRow(2).getCell(2).value).toBe("国家高新区数量（个）");
    expect(sheet.getRow(3).getCell(1).value).toBe("全国");
    expect(sheet.getRow(8).getCell(1).value).toBe("北京市");

    const result = await ingestUpload({ fileName: "template.xlsx", data: xlsx, reference });
    expect(result.problems).toEqual([]);
    expect(result.layout).toBe("wide");
    // Two years × (nation + 4 regions + 31 provinces) × every indicator.
    expect(result.observations).toHaveLength(2 * 36 * reference.indicators.length);
    expect(new Set(result.observations.map((o) => o.indicatorCode))).toEqual(
      new Set(reference.indicators.map((i) => i.code)),
    );
  });

  it("writes a long XLSX and a wide CSV that read back without problems too", async () => {
    const longXlsx = await ingestUpload({
      fileName: "template.xlsx",
      data: await buildTemplate("long", "xlsx", reference),
      reference,
    });
    expect(longXlsx).toMatchObject({ layout: "long", format: "xlsx", problems: [] });
    expect(longXlsx.observations.map((o) => o.indicatorCode)).toEqual([
      "revenue",
      "exports",
      "employees",
      "employees",
      "high_tech_enterprises",
    ]);

    const wideCsv = await buildTemplate("wide", "csv", reference);
    expect(wideCsv.toString("utf8").split("\r\n")[0]).toBe("\uFEFF2024年国家高新区主要经济指标（示例）");
    const wide = await ingestUpload({ fileName: "template.csv", data: wideCsv, reference });
    expect(wide).toMatchObject({ layout: "wide", format: "csv", problems: [] });
    expect(wide.observations).toHaveLength(36 * reference.indicators.length);
    expect(new Set(wide.observations.map((o) => o.year))).toEqual(new Set([2024]));
  });
});

describe("buildTemplate in Chinese", () => {
  it("writes its instructions in Chinese (English by default), and still reads back without problems", async () => {
    const longZh = await buildTemplate("long", "csv", reference, "zh");
    expect(longZh.toString("utf8")).toContain("示例行：请替换为真实数据");
    expect((await buildTemplate("long", "csv", reference)).toString("utf8")).toContain("Example row: replace with real figures");
    const readLong = await ingestUpload({ fileName: "template.csv", data: longZh, reference });
    expect(readLong.problems).toEqual([]);
    expect(readLong.observations[0]!.note).toBe("示例行：请替换为真实数据");

    for (const lang of ["en", "zh"] as const) {
      const wide = await buildTemplate("wide", "csv", reference, lang);
      expect(wide.toString("utf8")).toContain(lang === "zh" ? "注：示例数据" : "Note: example figures");
      const readWide = await ingestUpload({ fileName: "template.csv", data: wide, reference });
      expect(readWide.problems).toEqual([]);
      expect(readWide.layout).toBe("wide");
    }
  });
});
