import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { getSeries, type SeriesQuery } from "@/lib/server/queries/get-series";
import { seedDatabase } from "@/lib/server/seed/seed-database";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

let db: Database;
let url: string;

/** Publishes a small hand-made edition; `publishedAt` orders the vintages. */
async function publishEdition(slug: string, publishedAt: string, rows: [string, string, number, number][], status: "PUBLISHED" | "RETIRED" | "DRAFT" = "PUBLISHED") {
  await db.prisma.edition.create({
    data: {
      slug,
      title: slug,
      source: `test ${slug}`,
      status,
      publishedAt: new Date(publishedAt),
      observations: {
        create: rows.map(([indicatorCode, geoCode, year, value]) => ({
          indicatorCode,
          geoLevel: geoCode.length === 6 ? "PROVINCE" : geoCode === "CN" ? "NATION" : "REGION",
          geoCode,
          year,
          value,
          sourceRef: `${slug} table 1`,
        })),
      },
    },
  });
}

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("series"));
  await migrate(db);
  await seedDatabase(db);
  // Two hand-checked yearbook vintages for Hainan (460000) and Ningxia (640000), after the seed editions.
  await publishEdition("torch-2018", "2030-01-01", [
    ["high_tech_enterprises", "460000", 2016, 10],
    ["high_tech_enterprises", "460000", 2017, 20],
    ["registered_firms", "460000", 2017, 1000],
    ["high_tech_enterprises", "640000", 2017, 30],
    ["registered_firms", "640000", 2017, 500],
  ]);
  await publishEdition("torch-2019", "2030-06-01", [
    ["high_tech_enterprises", "460000", 2017, 25], // restates 2017
    ["high_tech_enterprises", "460000", 2018, 40],
  ]);
  await publishEdition("torch-draft", "2031-01-01", [["high_tech_enterprises", "460000", 2017, 999]], "DRAFT");
  await publishEdition("torch-retired", "2031-02-01", [["high_tech_enterprises", "460000", 2017, 777]], "RETIRED");
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

const hainan: SeriesQuery = { metric: "high_tech_enterprises", level: "PROVINCE", geos: ["460000"], from: 2016, to: 2018 };

describe("getSeries on PostgreSQL", () => {
  it("applies the vintage rule: the newest published edition wins; drafts and retired editions never count", async () => {
    const { points } = await getSeries(db, hainan);
    expect(points.map((p) => [p.year, p.value, p.editions])).toEqual([
      [2016, 10, ["torch-2018"]],
      [2017, 25, ["torch-2019"]],
      [2018, 40, ["torch-2019"]],
    ]);
    expect(points.every((p) => !p.isSample && !p.isComputed)).toBe(true);
  });

  it("with a pinned edition shows exactly what that edition showed", async () => {
    const { points } = await getSeries(db, { ...hainan, edition: "torch-2018" });
    // torch-2019's restated 2017 and its new 2018 are invisible; 2018 falls back to the older sample edition.
    expect(points.map((p) => [p.year, p.value, p.editions])).toEqual([
      [2016, 10, ["torch-2018"]],
      [2017, 20, ["torch-2018"]],
      [2018, expect.any(Number), ["synthetic-sample"]],
    ]);
    expect(points[2]!.value).not.toBe(40);
  });

  it("pinned to the sample edition, shows the sample's values, labelled", async () => {
    const { points } = await getSeries(db, { ...hainan, edition: "synthetic-sample" });
    expect(points.length).toBe(3);
    expect(points.every((p) => p.isSample && p.editions[0] === "synthetic-sample")).toBe(true);
  });

  it("rejects an unknown or unpublished edition, and a bad query, with a clear message", async () => {
    await expect(getSeries(db, { ...hainan, edition: "torch-draft" })).rejects.toThrow('No published edition "torch-draft"');
    await expect(getSeries(db, { ...hainan, metric: "gdp_per_cat" })).rejects.toThrow('Unknown metric "gdp_per_cat"');
  });

  it("computes a density from summed parts, never from averaged ratios", async () => {
    // 2017, torch-2019 vintage: Hainan 25 HTEs / 1000 firms, Ningxia 30 / 500.
    const provinces = await getSeries(db, { metric: "hte_density", level: "PROVINCE", geos: ["460000", "640000"], from: 2017, to: 2017 });
    expect(provinces.points.map((p) => [p.geoCode, p.value])).toEqual([
      ["460000", 2.5],
      ["640000", 6],
    ]);
    expect(provinces.unit).toEqual({ unit: "percent", suffixEn: "of registered firms", suffixZh: "占注册企业" });
  });

  it("fills regions and the nation with sums of provinces, and prefers reported totals", async () => {
    const firms = await getSeries(db, { metric: "registered_firms", level: "NATION", from: 2016, to: 2017 });
    const reported2017 = firms.points.find((p) => p.year === 2017)!;
    expect(reported2017).toMatchObject({ value: 1_850_000, isComputed: false, editions: ["public-sources"] });
    const computed2016 = firms.points.find((p) => p.year === 2016)!;
    expect(computed2016.isComputed).toBe(true);
    expect(computed2016.isSample).toBe(true);
    expect(computed2016.note).toBe("Computed: sum of all 31 provinces");

    const provinces = await getSeries(db, { metric: "registered_firms", level: "PROVINCE", from: 2016, to: 2016 });
    const total = provinces.points.reduce((sum, p) => sum + p.value, 0);
    expect(computed2016.value).toBe(total);
  });

  it("computes regional zone counts from the registry's provinces", async () => {
    const { points } = await getSeries(db, { metric: "park_count", level: "REGION", geos: ["northeastern"], from: 1995, to: 1995 });
    // Shenyang, Dalian, Anshan (Liaoning); Changchun, Jilin (Jilin); Harbin, Daqing (Heilongjiang).
    expect(points.map((p) => [p.geoCode, p.value, p.isComputed])).toEqual([["northeastern", 7, true]]);
  });

  it("keeps gaps as gaps", async () => {
    const { points } = await getSeries(db, { metric: "industrial_output", level: "NATION", geos: ["CN"], from: 2010, to: 2010 });
    // No reported 2010 figure (blank in the source): the only value is the labelled sum of the sample's provinces.
    expect(points.every((p) => p.isComputed && p.isSample)).toBe(true);
    const shares = await getSeries(db, { metric: "exports_share_national", level: "NATION", from: 2000, to: 2023 });
    expect(shares.points.map((p) => p.year)).toEqual([2017]);
  });
});
