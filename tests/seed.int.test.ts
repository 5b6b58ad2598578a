import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { getDataVersion } from "@/lib/server/queries/data-version";
import { seedDatabase } from "@/lib/server/seed/seed-database";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("seed"));
  await migrate(db);
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

/** Every row of every seeded table, hashed: equal snapshots mean nothing changed. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = ["region", "province", "park", "indicator", "edition", "observation", "audit_event", "data_version"];
  const entries = await Promise.all(
    tables.map(async (table) => {
      const [row] = await db.withConnection((c) =>
        c.query<{ digest: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`),
      );
      return [table, row!.digest] as const;
    }),
  );
  return Object.fromEntries(entries);
}

describe("seed", () => {
  it("loads the reference data and both editions", async () => {
    const result = await seedDatabase(db);
    expect(result.written.map((e) => e.slug)).toEqual(["public-sources", "synthetic-sample", "public-sources-subnational"]);

    expect(await db.prisma.region.count()).toBe(4);
    expect(await db.prisma.province.count()).toBe(31);
    expect(await db.prisma.province.count({ where: { regionCode: "eastern" } })).toBe(10);
    expect(await db.prisma.province.count({ where: { regionCode: "central" } })).toBe(6);
    expect(await db.prisma.province.count({ where: { regionCode: "western" } })).toBe(12);
    expect(await db.prisma.province.count({ where: { regionCode: "northeastern" } })).toBe(3);
    expect(await db.prisma.park.count()).toBe(127);
    expect(await db.prisma.park.count({ where: { approvalYear: null } })).toBe(10);

    const editions = await db.prisma.edition.findMany({ orderBy: { id: "asc" } });
    expect(editions.map((e) => [e.slug, e.status, e.isSample])).toEqual([
      ["public-sources", "PUBLISHED", false],
      ["synthetic-sample", "PUBLISHED", true],
      ["public-sources-subnational", "PUBLISHED", false],
    ]);
    const sampleRows = await db.prisma.observation.count({ where: { edition: { isSample: true } } });
    expect(sampleRows).toBeGreaterThan(10_000);
    expect(await db.prisma.auditEvent.count({ where: { action: "seed.publish" } })).toBe(3);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await snapshot();
    const versionBefore = await getDataVersion(db);
    const result = await seedDatabase(db);
    expect(result.written).toEqual([]);
    expect(result.unchanged).toEqual(["public-sources", "synthetic-sample", "public-sources-subnational"]);
    expect(await getDataVersion(db)).toBe(versionBefore);
    expect(await snapshot()).toEqual(before);
  });

  it("replaces an edition's content when the seed changes, and bumps the data version", async () => {
    const versionBefore = await getDataVersion(db);
    const [publicSources] = (await import("@/lib/server/seed/seed-database")).buildSeedEditions();
    const changed = { ...publicSources!, observations: publicSources!.observations.slice(0, 10) };
    const result = await seedDatabase(db, [changed]);
    expect(result.written).toEqual([{ slug: "public-sources", observations: 10 }]);
    expect(await db.prisma.observation.count({ where: { edition: { slug: "public-sources" } } })).toBe(10);
    expect(await getDataVersion(db)).toBe(versionBefore + 1);
    await seedDatabase(db); // restore
  });
});
