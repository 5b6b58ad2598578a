import { describe, expect, it } from "vitest";
import {
  buildPublicSourcesObservations,
  keepBestPerKey,
  parseSourceValue,
  type SeedObservation,
} from "@/lib/server/seed/public-sources";
import { readParks, readProvinces } from "@/lib/server/seed/reference-data";
import { readSubnationalFigures } from "@/lib/server/seed/subnational-sources";

const subnational = readSubnationalFigures(readParks(), readProvinces());
const observations = buildPublicSourcesObservations(readParks(), readProvinces(), subnational.provinceCounts);
const national = (indicatorCode: string, year: number, breakdown = "") =>
  observations.find(
    (o) => o.geoLevel === "NATION" && o.indicatorCode === indicatorCode && o.year === year && o.breakdown === breakdown,
  );

describe("parseSourceValue", () => {
  it("reads plain numbers and keeps qualifiers and misprints for the note", () => {
    expect(parseSourceValue("3286.1")).toEqual({ value: 3286.1, qualifier: null });
    expect(parseSourceValue(">50")).toEqual({ value: 50, qualifier: "more than" });
    expect(parseSourceValue("~40")).toEqual({ value: 40, qualifier: "about" });
    expect(parseSourceValue("27446-3")).toEqual({ value: 27446.3, qualifier: 'printed as "27446-3"' });
    expect(parseSourceValue("")).toBeNull();
    expect(parseSourceValue("n/a")).toBeNull();
  });
});

describe("keepBestPerKey", () => {
  const base: SeedObservation = {
    indicatorCode: "tax_revenue",
    year: 2017,
    geoLevel: "NATION",
    geoCode: "CN",
    breakdown: "",
    value: 1.7e12,
    note: null,
    sourceRef: "article",
    confidence: "medium",
  };
  it("prefers higher confidence, then more precision, and names the others", () => {
    const [kept] = keepBestPerKey([base, { ...base, value: 1.73e12, sourceRef: "Xinhua" }], () => "CNY");
    expect(kept!.value).toBe(1.73e12);
    expect(kept!.note).toContain("also reported: 1.7 trillion yuan (medium confidence: article)");
    const [confident] = keepBestPerKey(
      [
        { ...base, confidence: "high" },
        { ...base, value: 1.73e12 },
      ],
      () => "CNY",
    );
    expect(confident!.value).toBe(1.7e12);
  });
});

describe("the public sources edition", () => {
  it("holds the article's 2017 figures in canonical units, with their source", () => {
    expect(national("registered_firms", 2017)?.value).toBe(1_850_000);
    expect(national("high_tech_enterprises", 2017)?.value).toBe(49_000);
    expect(national("exports", 2017)?.value).toBe(478e9);
    expect(national("exports_share_national", 2017)?.value).toBe(20);
    expect(national("firm_ownership_share", 2017, "state_owned")?.value).toBe(3);
    expect(national("registered_firms", 2017)?.sourceRef).toMatch(/MacroPolo, Torchbearer/);
  });

  it("keeps the more precise 2017 tax figure and the article's rounding in the note", () => {
    const tax = national("tax_revenue", 2017)!;
    expect(tax.value).toBe(1.73e12);
    expect(tax.note).toMatch(/also reported: 1\.7 trillion yuan \(medium confidence: MacroPolo/);
  });

  it("converts yearbook units: 亿元, 万亿元, 亿美元, 万人, 万家", () => {
    expect(national("tax_revenue", 2002)?.value).toBe(76_640_000_000);
    expect(national("revenue", 2013)?.value).toBe(20.3e12);
    expect(national("exports", 2002)?.value).toBe(32_920_000_000);
    expect(national("employees", 2002)?.value).toBe(3_487_000);
    expect(national("enterprises_surveyed", 2021)?.value).toBe(182_000);
  });

  it("reads the known unit misprint as meant, at low confidence, and says so", () => {
    const output = national("revenue", 2011)!;
    expect(output.value).toBe(13.16e12);
    expect(output.confidence).toBe("low");
    expect(output.note).toMatch(/source prints the unit as 亿元; read as 万亿元/);
  });

  it("leaves blank source cells as gaps, not zeros", () => {
    expect(national("industrial_output", 2010)).toBeUndefined();
    expect(observations.every((o) => Number.isFinite(o.value))).toBe(true);
  });

  it("keeps preliminary and partial-year figures apart from the annual series", () => {
    expect(national("revenue", 2016)?.value).toBe(27.9e12);
    expect(national("revenue", 2016, "preliminary")?.value).toBe(28.3e12);
    expect(national("zone_gdp", 2023, "q1_q3")?.value).toBe(12.33e12);
    expect(national("zone_gdp", 2023)).toBeUndefined();
  });

  it("has a national zone count for every year 1988–2025, each saying its basis, never falling", () => {
    const counts = observations
      .filter((o) => o.geoLevel === "NATION" && o.indicatorCode === "park_count")
      .sort((a, b) => a.year - b.year);
    expect(counts.map((o) => o.year)).toEqual(Array.from({ length: 2025 - 1988 + 1 }, (_, i) => 1988 + i));
    counts.forEach((count, i) => i > 0 && expect(count.value).toBeGreaterThanOrEqual(counts[i - 1]!.value));
    expect(counts.every((o) => /^(Reported|Derived|From the zone registry|At least): /.test(o.note ?? ""))).toBe(true);
    expect(national("park_count", 1992)?.value).toBe(52);
    expect(national("park_count", 1995)?.value).toBe(52);
    expect(national("park_count", 2010)?.value).toBe(83);
    expect(national("park_count", 2013)?.value).toBe(114);
    expect(national("park_count", 2016)?.value).toBe(146);
    expect(national("park_count", 2017)?.value).toBe(156);
    expect(national("park_count", 2023)?.value).toBe(178);
    expect(national("park_count", 2017)?.confidence).toBe("medium");
    expect(national("park_count", 2017)?.note).toMatch(/Torch statistics count 157, adding Suzhou Industrial Park/);
    expect(national("park_count", 2024)).toMatchObject({ value: 178, isLowerBound: true });
  });

  it("counts zones per province from the registry: complete to 2009, lower bounds after, sourced years left to the source", () => {
    const province = (adcode: number, year: number) =>
      observations.find(
        (o) =>
          o.geoLevel === "PROVINCE" &&
          o.indicatorCode === "park_count" &&
          o.geoCode === String(adcode) &&
          o.year === year,
      );
    expect(province(320000, 1995)?.value).toBe(4); // Nanjing 1991; Suzhou, Wuxi, Changzhou 1992
    const sum1995 = observations
      .filter((o) => o.geoLevel === "PROVINCE" && o.indicatorCode === "park_count" && o.year === 1995)
      .reduce((total, o) => total + o.value, 0);
    expect(sum1995).toBe(52);
    expect(province(540000, 2009)).toMatchObject({ value: 0, isLowerBound: false });
    expect(province(540000, 2015)).toBeUndefined();
    expect(province(540000, 2023)).toMatchObject({ value: 1, isLowerBound: true });
    // Guangdong: a source counts 9 zones in 2014 (the subnational edition); later years are at least that.
    expect(province(440000, 2014)).toBeUndefined();
    expect(province(440000, 2015)?.value).toBeGreaterThanOrEqual(9);
    expect(province(440000, 2015)?.note).toMatch(/^At least: /);
  });
});
