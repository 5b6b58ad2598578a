import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db";
import { publishEdition } from "@/lib/server/editions/edition-lifecycle";
import { changePublishedData } from "@/lib/server/queries/data-version";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { getEditionsInView } from "@/lib/server/queries/editions";
import { versionResolved, observationStatement, readResolvedPoints } from "@/lib/server/queries/resolved-series";
import { createUser } from "@/lib/server/users/create-user";
import { resolveVintage, type ObservationRow } from "@/lib/series-math";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";
import { uploadCsvDraft } from "./support/upload";
import { viewOf } from "./support/view";

// The read model: resolved observations kept per data version. Views that share
// an indicator, level and breakdown read the database once between them; a
// publish makes the next view read again; what comes out is what the vintage
// rule gives over the rows themselves.

let db: Database;
let url: string;
let editorId: string;
/** Reads of observation rows since the last reset. */
const observationReads = { count: 0 };
/** While `until` is set, a view's read of named places returns only once it resolves. */
const holdViewReads: { until: (() => Promise<void>) | null; held: number } = { until: null, held: 0 };

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("resolved_series"));
  await prepareDatabase(db);
  editorId = (
    await createUser(
      db,
      { email: "resolved@example.org", role: "editor", password: "a long enough test password" },
      null,
    )
  ).id;
  const readAtVersion = db.readAtVersion;
  db.readAtVersion = async <T>(version: number, sql: string, params?: unknown[]) => {
    if (/FROM observation\b/.test(sql)) observationReads.count++;
    const rows = await readAtVersion<T>(version, sql, params);
    // A view's read of the places it names ($5) held until the version is resolved whole.
    if (holdViewReads.until && sql.includes("geo_code = ANY($5")) {
      holdViewReads.held++;
      await holdViewReads.until();
    }
    return rows;
  };
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

async function readsDuring(work: () => Promise<unknown>): Promise<number> {
  const before = observationReads.count;
  await work();
  return observationReads.count - before;
}

const provinces = { metric: "registered_firms", level: "province", view: "table" };

describe("the resolved read model", () => {
  it("reads each indicator's places once for every view of them at this data version", async () => {
    expect(await readsDuring(() => viewOf(db, { ...provinces, from: "2010", to: "2017" }))).toBeGreaterThan(0);
    // The rest of the version (each pinned edition's scope, the zones of "latest") is resolved in the background.
    await versionResolved(db);
    expect(await readsDuring(() => viewOf(db, { ...provinces, from: "2012", to: "2015" }))).toBe(0);
    expect(await readsDuring(() => viewOf(db, { ...provinces, view: "compare", year: "2016", to: "2016" }))).toBe(0);
    // "Latest" above zone level was resolved whole when the version was first read: other indicators and levels too.
    expect(
      await readsDuring(() =>
        viewOf(db, { metric: "park_count", level: "region", view: "compare", year: "2015", to: "2015" }),
      ),
    ).toBe(0);
    expect(await readsDuring(() => viewOf(db, { metric: "revenue", level: "nation", from: "2000", to: "2020" }))).toBe(
      0,
    );
    // Each pinned edition's scope is resolved whole too, once "latest" is.
    let pinned: { state: { edition: string }; notes: unknown[]; rows: unknown[] } | undefined;
    const pinnedView = { ...provinces, edition: "synthetic-sample", from: "2010", to: "2017" };
    expect(await readsDuring(async () => (pinned = await viewOf(db, pinnedView)))).toBe(0);
    expect([pinned?.state.edition, pinned?.notes, pinned!.rows.length > 0]).toEqual(["synthetic-sample", [], true]);
    // A few places of a level read in full are in memory too.
    expect(await readsDuring(() => viewOf(db, { ...provinces, geo: "110000,440000", from: "2010", to: "2017" }))).toBe(
      0,
    );
  });

  it("answers what the vintage rule gives over the rows, for all places and for some, in place and year order", async () => {
    const editions = await getEditionsInView(db, "latest");
    const selection = {
      indicatorCode: "park_count",
      level: "PROVINCE" as const,
      breakdown: "",
      from: 1995,
      to: 2020,
      editions,
    };
    const { text, values } = observationStatement({ ...selection, geos: [], editionIds: editions.map((e) => e.id) });
    const expected = resolveVintage(await db.query<ObservationRow>(text, values), editions).filter(
      (p) => p.year >= 1995 && p.year <= 2020,
    );
    expect(expected.length).toBeGreaterThan(100);
    const some = await readResolvedPoints(db, { ...selection, geos: ["440000", "110000"] });
    expect(some).toEqual(expected.filter((p) => p.geoCode === "110000" || p.geoCode === "440000"));
    expect(await readResolvedPoints(db, { ...selection, geos: [] })).toEqual(expected);
  });

  it("resolves every zone of \"latest\" with the version: zone views read nothing, pinned ones read what they name", async () => {
    await versionResolved(db);
    const editions = await getEditionsInView(db, "latest");
    let zone = "";
    for (const breakdown of ["", "preliminary"]) {
      const selection = { indicatorCode: "zone_gdp", level: "PARK" as const, breakdown, from: 1991, to: 2030, editions };
      const { text, values } = observationStatement({ ...selection, geos: [], editionIds: editions.map((e) => e.id) });
      const expected = resolveVintage(await db.query<ObservationRow>(text, values), editions);
      expect(expected.length).toBeGreaterThan(0);
      let all: unknown;
      expect(await readsDuring(async () => (all = await readResolvedPoints(db, { ...selection, geos: [] })))).toBe(0);
      expect(all).toEqual(expected);
      const [first, last] = [expected[0]!, expected.at(-1)!];
      zone = first.geoCode;
      let some: unknown;
      const named = { ...selection, geos: [last.geoCode, first.geoCode, "no-such-zone"], from: first.year, to: first.year };
      expect(await readsDuring(async () => (some = await readResolvedPoints(db, named)))).toBe(0);
      expect(some).toEqual(
        expected.filter((p) => (p.geoCode === first.geoCode || p.geoCode === last.geoCode) && p.year === first.year),
      );
    }
    const zoneView = { metric: "zone_gdp", level: "park", view: "table", geo: zone };
    expect(await readsDuring(() => viewOf(db, zoneView))).toBe(0);
    expect(await readsDuring(() => viewOf(db, { ...zoneView, edition: "synthetic-sample" }))).toBeGreaterThan(0);
  });

  it("fills regions in with sums of their provinces once, and every view of them shows the same figures", async () => {
    const regions = { metric: "park_count", level: "region", view: "table" };
    const wide = await viewOf(db, { ...regions, from: "2000", to: "2020" });
    const summed = wide.rows.filter((row) => row.isComputed);
    expect(summed.length).toBeGreaterThan(0);
    const { geoCode } = summed[0]!;
    let narrow: { rows: typeof wide.rows } | undefined;
    const narrowView = { ...regions, geo: geoCode, from: "2010", to: "2012" };
    expect(await readsDuring(async () => (narrow = await viewOf(db, narrowView)))).toBe(0);
    expect(narrow!.rows).toEqual(wide.rows.filter((row) => row.geoCode === geoCode && row.year >= 2010 && row.year <= 2012));
  });

  it("answers a zone view whose read was still in flight when the zones were packed", async () => {
    const zones = await db.query<{ geoCode: string }>(
      `SELECT DISTINCT geo_code AS "geoCode" FROM observation WHERE indicator_code = 'zone_gdp' AND geo_level = 'PARK' AND breakdown = ''`,
    );
    await changePublishedData(db, (_tx, bump) => bump());
    const editions = await getEditionsInView(db, "latest");
    const selection = { indicatorCode: "zone_gdp", level: "PARK" as const, breakdown: "", from: 1991, to: 2030, editions };
    holdViewReads.until = () => versionResolved(db);
    try {
      const points = await readResolvedPoints(db, { ...selection, geos: [zones[0]!.geoCode] });
      expect(holdViewReads.held).toBe(1);
      expect(points.length).toBeGreaterThan(0);
      expect(points.every((point) => point.geoCode === zones[0]!.geoCode)).toBe(true);
    } finally {
      holdViewReads.until = null;
    }
  });

  it("reads again after a publish, and shows the new figure", async () => {
    const view = { ...provinces, geo: "460000", from: "2024", to: "2024" };
    expect((await viewOf(db, view)).rows).toEqual([]);
    const csv = "year,level,geo,indicator,value,unit\n2024,province,460000,registered_firms,4321,家\n";
    const draft = await uploadCsvDraft(db, { title: "Read model test", source: "Test", yearbookYear: 2025, fileName: "t.csv" }, csv, editorId);
    await publishEdition(db, draft.id, editorId);
    let rows: { value: number }[] = [];
    expect(await readsDuring(async () => ({ rows } = await viewOf(db, view)))).toBeGreaterThan(0);
    expect(rows.map((r) => r.value)).toEqual([4321]);
  });
});
