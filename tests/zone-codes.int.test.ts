import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATORS } from "@/lib/metrics";
import { openDatabase, type Database } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { getDataVersion } from "@/lib/server/queries/data-version";
import { legacyParkSlug, readParks, readProvinces, REGIONS } from "@/lib/server/seed/reference-data";
import { seedDatabase } from "@/lib/server/seed/seed-database";
import { parseViewState } from "@/lib/view-state";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// A database seeded before zones had readable codes holds them under hash
// codes (zone-64986c59), and uploaded editions and short links may name them
// so. Seeding it again renames the zones in place and moves what names them.

const parks = readParks();
const legacy = (code: string) => legacyParkSlug(parks.find((p) => p.slug === code)!.nameZh);
const ZHONGGUANCUN = legacy("zhongguancun");
const WUHAN = legacy("wuhan-east-lake");
const LEGACY_VIEW = `view=compare&level=park&geo=${WUHAN},${ZHONGGUANCUN}`;

/** What the seed wrote before zone_codes.csv, plus an uploaded edition with zone figures and a short link to them. */
async function createLegacyDatabase(db: Database): Promise<void> {
  await migrate(db);
  await db.prisma.region.createMany({ data: [...REGIONS] });
  await db.prisma.province.createMany({ data: readProvinces() });
  await db.prisma.indicator.createMany({
    data: INDICATORS.map(({ code, nameEn, nameZh, unit, descriptionEn, descriptionZh, isAdditive }, index) => ({
      code,
      nameEn,
      nameZh,
      unit,
      descriptionEn,
      descriptionZh,
      isAdditive,
      sortOrder: index + 1,
    })),
  });
  await db.prisma.park.createMany({
    data: parks.map((park) => ({
      ...park,
      slug: legacyParkSlug(park.nameZh),
      nameEn: park.cityEn ? `${park.cityEn} National High-tech Zone` : null,
    })),
  });
  const upload = await db.prisma.edition.create({
    data: {
      slug: "zones-2019",
      title: "Zones 2019",
      source: "test upload",
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
  await db.prisma.observation.createMany({
    data: [ZHONGGUANCUN, WUHAN].map((geoCode, i) => ({
      editionId: upload.id,
      indicatorCode: "high_tech_enterprises",
      year: 2019,
      geoLevel: "PARK" as const,
      geoCode,
      value: 1000 + i,
    })),
  });
  await db.prisma.shortLink.create({ data: { code: "Legacy234", state: LEGACY_VIEW } });
}

/** Checks a renamed database: readable codes only, no zone twice, the figures and the short link moved. */
async function expectRenamed(db: Database): Promise<void> {
  expect(await db.prisma.park.count()).toBe(127);
  expect(await db.prisma.park.count({ where: { slug: { startsWith: "zone-" } } })).toBe(0);
  expect(await db.prisma.park.findUnique({ where: { slug: "zhongguancun" } })).toMatchObject({
    nameZh: "北京市新技术产业开发试验区（今中关村科技园区）",
    nameEn: "Zhongguancun Science Park",
  });
  const figures = await db.prisma.observation.findMany({
    where: { edition: { slug: "zones-2019" } },
    orderBy: { geoCode: "asc" },
    select: { geoLevel: true, geoCode: true, value: true },
  });
  expect(figures).toEqual([
    { geoLevel: "PARK", geoCode: "wuhan-east-lake", value: 1001 },
    { geoLevel: "PARK", geoCode: "zhongguancun", value: 1000 },
  ]);
  expect(await db.prisma.observation.count({ where: { geoCode: { startsWith: "zone-" } } })).toBe(0);
  expect(await db.prisma.shortLink.findUnique({ where: { code: "Legacy234" } })).toMatchObject({
    state: "view=compare&level=park&geo=wuhan-east-lake,zhongguancun",
  });
  const audit = await db.prisma.auditEvent.findMany({ where: { action: "seed.rename_zone_codes" } });
  expect(audit.map((e) => e.details)).toEqual([{ parks: 127, observations: 2, shortLinks: 1 }]);

  // The old link opens the zones under their new codes, without a note.
  const { state, notes } = parseViewState(new URLSearchParams(LEGACY_VIEW), await getCatalogue(db));
  expect(notes).toEqual([]);
  expect(state.geos).toEqual(["wuhan-east-lake", "zhongguancun"]);
}

describe("on PostgreSQL", () => {
  let db: Database;
  let url: string;

  beforeAll(async () => {
    ({ db, url } = await openTestDatabase("zone_codes"));
    await createLegacyDatabase(db);
  });

  afterAll(async () => {
    await db.close();
    await dropTestDatabase(url);
  });

  it("the seed renames zones from hash codes to readable codes, in place, and bumps the data version", async () => {
    const versionBefore = await getDataVersion(db);
    const result = await seedDatabase(db);
    expect(result.renamed).toEqual({ parks: 127, observations: 2, shortLinks: 1 });
    expect(result.written.map((e) => e.slug)).toEqual(["public-sources", "synthetic-sample", "public-sources-subnational"]);
    expect(await getDataVersion(db)).toBeGreaterThan(versionBefore);
    await expectRenamed(db);
  });

  it("a second seed finds nothing to rename and changes nothing", async () => {
    const parksBefore = await db.prisma.park.findMany({ orderBy: { slug: "asc" } });
    const versionBefore = await getDataVersion(db);
    const result = await seedDatabase(db);
    expect(result.renamed).toEqual({ parks: 0, observations: 0, shortLinks: 0 });
    expect(result.written).toEqual([]);
    expect(await getDataVersion(db)).toBe(versionBefore);
    expect(await db.prisma.park.findMany({ orderBy: { slug: "asc" } })).toEqual(parksBefore);
    await expectRenamed(db);
  });
});

describe("on the embedded PGlite database", () => {
  it("npm start's preparation renames the zones of a database that already has editions", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torch-zone-codes-"));
    const db = await openDatabase({ kind: "embedded", dataDir: path.join(dir, "pglite") });
    try {
      await createLegacyDatabase(db);
      const prepared = await prepareDatabase(db);
      expect(prepared.seeded).toBeNull();
      expect(prepared.renamed).toEqual({ parks: 127, observations: 2, shortLinks: 1 });
      await expectRenamed(db);
      expect((await prepareDatabase(db)).renamed).toBeNull();
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
