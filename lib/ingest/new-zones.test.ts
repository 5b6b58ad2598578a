import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ingestUpload } from "@/lib/ingest";
import { newZoneSlug, parseZoneName, placeOfZoneName } from "@/lib/ingest/new-zones";
import { seedIngestReference } from "@/lib/ingest/test-reference";
import type { IngestResult } from "@/lib/ingest/types";

const reference = seedIngestReference();

function place(text: string) {
  const name = parseZoneName(text);
  if (!name) throw new Error(`${text} is not named like a zone`);
  return placeOfZoneName(name, reference);
}

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("2018");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const ingest = (data: Buffer, fileName = "zones-2018.xlsx") => ingestUpload({ fileName, data, reference });
const problemsOf = (result: IngestResult, code: string) => result.problems.filter((p) => p.code === code);

describe("names that look like a zone's", () => {
  it("take the zone suffixes in Chinese and English", () => {
    expect(parseZoneName("怀化高新区")).toEqual({ language: "zh", core: "怀化" });
    expect(parseZoneName("湖南怀化高新技术产业开发区")).toEqual({ language: "zh", core: "湖南怀化" });
    expect(parseZoneName("怀化高新技术产业园区（2018批）")).toEqual({ language: "zh", core: "怀化" });
    expect(parseZoneName("Huaihua High-tech Zone")).toEqual({ language: "en", core: "Huaihua" });
    expect(parseZoneName("Huaihua Hi-tech Industrial Development Zone")).toEqual({ language: "en", core: "Huaihua" });
  });

  it("are not a province, a typo of one, a total or a bare suffix", () => {
    for (const text of ["湖男", "湖南省", "Hunnan", "合计", "高新区", "国家高新区", "High-tech Zone", "12高新区"]) {
      expect(parseZoneName(text), text).toBeNull();
    }
  });
});

describe("the province of a zone new to the registry", () => {
  it("comes from a city the app knows, or a province the name starts with", () => {
    expect(place("怀化高新区")).toMatchObject({ provinceAdcode: 430000, city: { nameZh: "怀化" }, rest: "" });
    expect(place("湖南怀化高新区")).toMatchObject({ provinceAdcode: 430000, city: { nameEn: "Huaihua" } });
    expect(place("Huaihua High-tech Zone")).toMatchObject({ provinceAdcode: 430000 });
    expect(place("重庆高新区")).toMatchObject({ provinceAdcode: 500000, city: { nameZh: "重庆" } });
    // The province named first wins; 怀化 is no city of 湖北.
    expect(place("湖北怀化高新区")).toMatchObject({ provinceAdcode: 420000, city: null, rest: "怀化" });
  });

  it("is unknown for an unknown city or an English name two provinces share", () => {
    expect(place("某某高新区").provinceAdcode).toBeNull();
    expect(place("Yichun High-tech Zone").provinceAdcode).toBeNull(); // 伊春 (Heilongjiang) or 宜春 (Jiangxi)
  });
});

describe("a new zone's code", () => {
  const never = () => false;
  it("is its city's English name, never a province's and never one taken", () => {
    const name = parseZoneName("怀化高新区")!;
    expect(newZoneSlug(name, placeOfZoneName(name, reference), reference, never)).toBe("huaihua");
    expect(newZoneSlug(name, placeOfZoneName(name, reference), reference, (s) => s === "huaihua")).toBe("huaihua-2");
    const municipality = parseZoneName("天津高新区")!;
    expect(newZoneSlug(municipality, placeOfZoneName(municipality, reference), reference, never)).toBe(
      "tianjin-high-tech",
    );
    const english = parseZoneName("Chuxiong High-tech Zone")!;
    expect(newZoneSlug(english, placeOfZoneName(english, reference), reference, never)).toBe("chuxiong");
  });

  it("keeps the city and a short hash for words the app cannot spell", () => {
    const name = parseZoneName("怀化鹤城高新区")!;
    expect(newZoneSlug(name, placeOfZoneName(name, reference), reference, never)).toMatch(/^huaihua-[0-9a-f]{6}$/);
  });
});

describe("a table by zone naming zones the registry lacks", () => {
  it("reads 怀化高新区 as a new zone of 湖南, with a warning and its figures", async () => {
    const result = await ingest(
      await xlsx([
        ["高新区", "营业收入（千元）"],
        ["中关村科技园区", 100],
        ["怀化高新区", 200],
        ["怀化高新技术产业开发区", null],
      ]),
    );
    expect(result.errorCount).toBe(0);
    expect(result.newZones).toEqual([
      expect.objectContaining({ slug: "huaihua", nameZh: "怀化高新区", nameEn: "Huaihua High-tech Zone", cityZh: "怀化", provinceAdcode: 430000, row: 3 }),
    ]);
    const [warning] = problemsOf(result, "new_zone");
    expect(warning).toMatchObject({ severity: "warning", row: 3 });
    expect(warning!.reason).toContain("Hunan");
    expect(warning!.reasonZh).toContain("湖南省");
    expect(result.observations.find((o) => o.geoCode === "huaihua")).toMatchObject({ geoLevel: "PARK", value: 200_000, year: 2018 });
  });

  it("asks for the province when the name does not say it, and takes it from a 省份 column", async () => {
    const without = await ingest(await xlsx([["高新区", "营业收入（千元）"], ["某某高新区", 5], ["某某高新区", 6]]));
    const [error, ...more] = problemsOf(without, "zone_without_province");
    expect(more).toHaveLength(0);
    expect(error).toMatchObject({ severity: "error", row: 2 });
    expect(error!.reason).toContain("湖南怀化高新区");
    expect(error!.reasonZh).toContain("省份");
    expect(without.newZones).toEqual([]);

    const withColumn = await ingest(await xlsx([["省份", "高新区", "营业收入（千元）"], ["湖南", "某某高新区", 5]]));
    expect(withColumn.errorCount).toBe(0);
    expect(withColumn.newZones).toEqual([expect.objectContaining({ provinceAdcode: 430000, cityZh: "" })]);
    expect(withColumn.newZones[0]!.slug).toMatch(/^zone-[0-9a-f]{8}$/);

    const badProvince = await ingest(await xlsx([["省份", "高新区", "营业收入（千元）"], ["湖男", "某某高新区", 5]]));
    expect(problemsOf(badProvince, "zone_without_province")[0]?.value).toBe("湖男");
  });

  it("takes both names of a bilingual label, and an of-which mark is no part of the name", async () => {
    const result = await ingest(
      await xlsx([["高新区", "营业收入（千元）"], ["怀化高新区 Huaihua Hi-tech Zone", 1], ["#楚雄高新区", 2]]),
    );
    expect(result.errorCount).toBe(0);
    expect(result.newZones.map(({ slug, nameZh, nameEn }) => ({ slug, nameZh, nameEn }))).toEqual([
      { slug: "huaihua", nameZh: "怀化高新区", nameEn: "Huaihua Hi-tech Zone" },
      { slug: "chuxiong", nameZh: "楚雄高新区", nameEn: "Chuxiong High-tech Zone" },
    ]);
  });

  it("does not take a typo of a province for a new zone", async () => {
    const result = await ingest(await xlsx([["地区", "营业收入（千元）"], ["湖男", 5]]));
    expect(result.newZones).toEqual([]);
    expect(problemsOf(result, "unknown_geo")).toHaveLength(1);
  });

  it("reads a new zone in the long layout too", async () => {
    const csv = "year,level,geo,indicator,value,unit\n2018,zone,湖南怀化高新区,revenue,3,亿元\n2018,zone,怀化高新区,tax_revenue,1,亿元\n";
    const result = await ingestUpload({ fileName: "long.csv", data: Buffer.from(csv), reference });
    expect(result.errorCount).toBe(0);
    // Both spellings are one zone.
    expect(result.newZones.map((z) => z.slug)).toEqual(["huaihua"]);
    expect(result.observations.map((o) => o.geoCode)).toEqual(["huaihua", "huaihua"]);
  });
});
