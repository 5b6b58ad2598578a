import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/server/db";
import { publishEdition, retireEdition } from "@/lib/server/editions/edition-lifecycle";
import { uploadEdition } from "@/lib/server/editions/upload-edition";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { viewOf } from "./support/view";
import { createUser } from "@/lib/server/users/create-user";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// A view pinned to an edition, then a newer edition published that restates
// some of its figures: the view reports how many changed.

let db: Database;
let url: string;
let editorId: string;

beforeAll(async () => {
  ({ db, url } = await openTestDatabase("revisions"));
  await prepareDatabase(db);
  ({ id: editorId } = await createUser(
    db,
    { email: "editor@example.org", name: "Editor", role: "editor", password: "a long enough editor password" },
    null,
  ));
});

afterAll(async () => {
  await db.close();
  await dropTestDatabase(url);
});

/** Guangdong's high-tech enterprises 2016–2025, pinned to the newest seed edition. */
const PINNED = {
  metric: "high_tech_enterprises",
  level: "province",
  geo: "440000",
  from: "2016",
  to: "2025",
  edition: "synthetic-sample",
};

async function upload(title: string, rows: [number, number][]): Promise<number> {
  const csv = [
    "year,level,geo,indicator,value,unit,source_ref",
    ...rows.map(([year, value]) => `${year},province,440000,high_tech_enterprises,${value},家,${title} table 2`),
  ].join("\n");
  const outcome = await uploadEdition(
    db,
    { title, source: `${title}, test`, yearbookYear: null, fileName: "test.csv" },
    Readable.from([Buffer.from(csv)]),
    editorId,
  );
  if (outcome.status !== "draft")
    throw new Error(`upload rejected: ${JSON.stringify(outcome.report.problems.slice(0, 3))}`);
  return outcome.edition.id;
}

describe("revisions of a pinned view", () => {
  let editionId: number;
  let before: Map<number, number>;

  it("are null while no newer edition exists, and for the latest data", async () => {
    const pinned = await viewOf(db, PINNED);
    expect(pinned.rows.length).toBeGreaterThan(0);
    expect(pinned.revisions).toBeNull();
    expect((await viewOf(db, { ...PINNED, edition: "latest" })).revisions).toBeNull();
    before = new Map(pinned.rows.map((row) => [row.year, row.value]));
  });

  it("count the figures a newer published edition revised and added; equal restatements don't count", async () => {
    editionId = await upload("Torch yearbook test 2024", [
      [2016, before.get(2016)! + 1000],
      [2017, before.get(2017)!], // restated, same value
      [2018, before.get(2018)! - 7],
      [2024, 77_000], // a year the pinned view lacks
    ]);
    // A draft changes nothing.
    expect((await viewOf(db, PINNED)).revisions).toBeNull();

    await publishEdition(db, editionId, editorId);
    const pinned = await viewOf(db, PINNED);
    expect(pinned.rows.map((row) => row.value)).toEqual([...before.values()]);
    expect(pinned.revisions).toEqual({
      edition: { slug: "torch-yearbook-test-2024", title: "Torch yearbook test 2024" },
      otherEditions: 0,
      revised: 2,
      added: 1,
      removed: 0,
      total: before.size,
      latestQuery: "level=province&geo=440000&from=2016&to=2025",
    });
    // The latest view and a view pinned to the new edition have nothing newer.
    expect((await viewOf(db, { ...PINNED, edition: "latest" })).revisions).toBeNull();
    expect((await viewOf(db, { ...PINNED, edition: "torch-yearbook-test-2024" })).revisions).toBeNull();
  });

  it("count in every table of the view and in derived modes", async () => {
    const table = await viewOf(db, { ...PINNED, view: "table", also: "registered_firms" });
    expect(table.revisions).toMatchObject({ revised: 2, added: 1 });
    // Guangdong's share of the national total changes with its figure.
    const share = await viewOf(db, { ...PINNED, mode: "share" });
    expect(share.revisions?.revised).toBeGreaterThanOrEqual(2);
    // A view the new edition doesn't touch has no revisions.
    expect((await viewOf(db, { ...PINNED, geo: "110000" })).revisions).toBeNull();
  });

  it("name the newest of several newer editions", async () => {
    const second = await upload("Torch yearbook test 2025", [[2019, before.get(2019)! + 1]]);
    await publishEdition(db, second, editorId);
    const pinned = await viewOf(db, PINNED);
    expect(pinned.revisions).toMatchObject({
      edition: { slug: "torch-yearbook-test-2025" },
      otherEditions: 1,
      revised: 3,
      added: 1,
    });
    await retireEdition(db, second, editorId);
  });

  it("go away when the newer edition is retired", async () => {
    await retireEdition(db, editionId, editorId);
    expect((await viewOf(db, PINNED)).revisions).toBeNull();
  });
});
