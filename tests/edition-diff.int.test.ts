import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EditionDiff } from "@/components/admin/edition-diff";
import { openDatabase, type Database } from "@/lib/server/db";
import { getEditionDiffCounts, getEditionDiffOverview, getEditionDiffPage, readEditionDiff } from "@/lib/server/editions/edition-diff";
import { publishEdition } from "@/lib/server/editions/edition-lifecycle";
import { uploadEdition } from "@/lib/server/editions/upload-edition";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { viewOf } from "./support/view";
import { createUser } from "@/lib/server/users/create-user";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// The diff of an edition against published data, in SQL, on PostgreSQL and on
// PGlite: counts, pages, filters, and the figures it does not restate (still
// shown from the older edition that reports them, as the read path shows them).
// 2024 at province level: no seed edition reports it, so every figure is this file's.

const HEADER = "year,level,geo,indicator,value,unit,note,source_ref";
const OLDER = "Older yearbook A";
const NEWER = "Newer yearbook B";

async function* bytes(text: string): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode(text);
}

const firms = (adcode: number, value: number) => `2024,province,${adcode},registered_firms,${value},家,,`;

describe.each([
  ["PostgreSQL", "postgres"],
  ["PGlite", "embedded"],
] as const)("the edition diff on %s", (_name, kind) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let editorId: string;
  let draftId: number;

  async function upload(title: string, rows: string[]): Promise<number> {
    const outcome = await uploadEdition(db, { title, source: "test", yearbookYear: 2025, fileName: "t.csv" }, bytes([HEADER, ...rows].join("\n")), editorId);
    if (outcome.status !== "draft") throw new Error(JSON.stringify(outcome.report.problems));
    return outcome.edition.id;
  }

  beforeAll(async () => {
    if (kind === "postgres") {
      const opened = await openTestDatabase("edition_diff");
      db = opened.db;
      cleanup = () => dropTestDatabase(opened.url);
    } else {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "torch-diff-"));
      db = await openDatabase({ kind: "embedded", dataDir: path.join(dir, "pglite") });
      cleanup = () => fs.rm(dir, { recursive: true, force: true });
    }
    await prepareDatabase(db);
    editorId = (await createUser(db, { email: `diff-${kind}@example.org`, role: "editor", password: "a long enough test password" }, null)).id;
    const older = await upload(OLDER, [firms(110000, 100), firms(120000, 200), firms(130000, 300), firms(140000, 400), "2024,national,CN,registered_firms,5000,家,,"]);
    await publishEdition(db, older, editorId);
    const newer = await upload(NEWER, [firms(120000, 250)]);
    await publishEdition(db, newer, editorId);
    draftId = await upload("The draft", [
      firms(110000, 100), // unchanged
      firms(120000, 260), // changed against the newer edition's 250 (+4%)
      firms(130000, 600), // changed against the older edition's 300 (+100%)
      ...[150000, 210000, 220000, 230000, 310000].map((adcode) => firms(adcode, adcode / 10_000)), // added
      "2024,province,110000,high_tech_enterprises,7,家,,", // added, another indicator
    ]);
  }, 120_000);

  afterAll(async () => {
    await db.close();
    await cleanup();
  });

  it("counts what the draft adds, changes, leaves as it is and does not restate", async () => {
    // 140000 is not restated; the national figure is another level, which the draft says nothing about.
    expect(await getEditionDiffCounts(db, draftId)).toEqual({ added: 6, changed: 2, unchanged: 1, notRestated: 1 });
  });

  it("lists changes biggest first against the edition readers see each figure from", async () => {
    const changed = await getEditionDiffPage(db, draftId, "changed", { offset: 0, limit: 10 });
    expect(changed.map((c) => [c.geoCode, c.old, c.new, c.absChange, c.pctChange, c.shownFrom?.title])).toEqual([
      ["130000", 300, 600, 300, 100, OLDER],
      ["120000", 250, 260, 10, 4, NEWER],
    ]);
  });

  it("reads a list a page at a time, in key order", async () => {
    const page = (offset: number) => getEditionDiffPage(db, draftId, "added", { offset, limit: 2 });
    const keys = async (offset: number) => (await page(offset)).map((o) => `${o.indicatorCode}:${o.geoCode}`);
    expect(await keys(0)).toEqual(["high_tech_enterprises:110000", "registered_firms:150000"]);
    expect(await keys(2)).toEqual(["registered_firms:210000", "registered_firms:220000"]);
    expect(await keys(4)).toEqual(["registered_firms:230000", "registered_firms:310000"]);
    expect(await keys(6)).toEqual([]);
    const pages: string[][] = [];
    for await (const rows of readEditionDiff(db, draftId, "added", {}, 4)) pages.push(rows.map((o) => o.geoCode));
    expect(pages).toEqual([["110000", "150000", "210000", "220000"], ["230000", "310000"]]);
  });

  it("gives the counts and a page of each list in one statement, a list at another page when asked", async () => {
    const overview = await getEditionDiffOverview(db, draftId, { offsets: { added: 4 }, limit: 2 });
    expect(overview.counts).toEqual(await getEditionDiffCounts(db, draftId));
    expect(overview.pages.added).toEqual({ offset: 4, rows: await getEditionDiffPage(db, draftId, "added", { offset: 4, limit: 2 }) });
    expect(overview.pages.changed).toEqual({ offset: 0, rows: await getEditionDiffPage(db, draftId, "changed", { offset: 0, limit: 2 }) });
    expect(overview.pages.notRestated.rows.map((o) => [o.geoCode, o.old, o.shownFrom?.title])).toEqual([["140000", 400, OLDER]]);
    const filtered = await getEditionDiffOverview(db, draftId, { filter: { indicator: "high_tech_enterprises" }, limit: 10 });
    expect(filtered.counts).toEqual({ added: 1, changed: 0, unchanged: 0, notRestated: 0 });
    expect(filtered.pages.added.rows).toHaveLength(1);
  });

  it("filters counts and lists by indicator and by place", async () => {
    expect(await getEditionDiffCounts(db, draftId, { indicator: "high_tech_enterprises" })).toEqual({ added: 1, changed: 0, unchanged: 0, notRestated: 0 });
    expect(await getEditionDiffCounts(db, draftId, { geo: "140000" })).toEqual({ added: 0, changed: 0, unchanged: 0, notRestated: 1 });
    const [row] = await getEditionDiffPage(db, draftId, "notRestated", { filter: { geo: "140000" }, offset: 0, limit: 10 });
    expect(row).toMatchObject({ indicatorCode: "registered_firms", geoLevel: "PROVINCE", old: 400, new: null, shownFrom: { title: OLDER } });
    expect(await getEditionDiffPage(db, draftId, "changed", { filter: { geo: "140000" }, offset: 0, limit: 10 })).toEqual([]);
  });

  it("says a figure not restated is still shown from the older edition, in English and Chinese", async () => {
    const counts = await getEditionDiffCounts(db, draftId);
    const read = async (list: "changed" | "added" | "notRestated") => ({ offset: 0, rows: await getEditionDiffPage(db, draftId, list, { offset: 0, limit: 100 }) });
    const pages = { changed: await read("changed"), added: await read("added"), notRestated: await read("notRestated") };
    const render = (lang: "en" | "zh") =>
      renderToStaticMarkup(
        createElement(EditionDiff, { counts, totals: counts, pages, geoName: (_l: string, code: string) => code, filter: {}, indicators: [], basePath: "/admin/editions/1", against: "now", lang }),
      );
    expect(render("en")).toContain(`not restated here — still shown from ${OLDER}`);
    expect(render("en")).not.toMatch(/no longer reported|removed/i);
    expect(render("zh")).toContain(`本版未重列——仍显示${OLDER}的数据`);
  });

  it("saves notes and sources as written, quotes, backslashes, commas and braces included", async () => {
    const note = 'He said "at least", {1,2} \\ NULL';
    const id = await upload("Notes draft", [`2024,province,110000,employees,12,人,"${note.replace(/"/g, '""')}",NULL`]);
    const rows = await db.query<{ note: string | null; sourceRef: string | null; value: number }>(
      `SELECT note, source_ref AS "sourceRef", value FROM observation WHERE edition_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ note, sourceRef: "NULL", value: 12 }]);
  });

  it("saves nothing of a file whose error comes after thousands of rows were written to the draft", async () => {
    const NOTE = "a note long enough that the file is over a megabyte ".repeat(5);
    const indicators = ["registered_firms", "high_tech_enterprises", "enterprises_surveyed", "new_firms"];
    const rows = indicators.flatMap((indicator) =>
      Array.from({ length: 34 }, (_, y) => [110000, 120000, 130000, 140000, 150000, 210000, 220000, 230000, 310000, 320000, 330000, 340000, 350000, 360000, 370000, 410000, 420000, 430000, 440000, 450000, 460000, 500000, 510000, 520000, 530000, 540000, 610000, 620000, 630000, 640000, 650000].map((adcode) => `${1990 + y},province,${adcode},${indicator},${adcode / 1000 + y},家,${NOTE},`)).flat(),
    );
    expect(rows.length).toBeGreaterThan(4000);
    // Over the megabyte the reader looks at to tell the encoding, so the rest streams in while batches are written.
    expect(rows.join("\n").length).toBeGreaterThan(1 << 20);
    const text = [HEADER, ...rows, "2024,province,110000,registered_firms,12a00,家,,"].join("\n");
    // Sent slowly, in pieces, so the writer inserts batches while the rest is still being read.
    async function* slowly(): AsyncIterable<Uint8Array> {
      const encoded = new TextEncoder().encode(text);
      for (let start = 0; start < encoded.length; start += 8192) {
        yield encoded.subarray(start, start + 8192);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    }
    const sequence = async () => Number((await db.query<{ n: string }>(`SELECT last_value::text AS n FROM observation_id_seq`))[0]!.n);
    const [observationsBefore, editionsBefore, sequenceBefore] = [await db.prisma.observation.count(), await db.prisma.edition.count(), await sequence()];
    const outcome = await uploadEdition(db, { title: "Broken at the end", source: "test", yearbookYear: null, fileName: "broken.csv" }, slowly(), editorId);
    expect(outcome.status).toBe("invalid");
    expect(outcome.report.errorCount).toBe(1);
    // Rows were inserted (sequences do not roll back) and rolled back with the edition row.
    expect((await sequence()) - sequenceBefore).toBeGreaterThanOrEqual(2000);
    expect(await db.prisma.observation.count()).toBe(observationsBefore);
    expect(await db.prisma.edition.count()).toBe(editionsBefore);
    expect(await db.prisma.auditEvent.count({ where: { action: "edition.upload_rejected", actorId: editorId } })).toBe(1);
  });

  it("keeps what it said true once published: the figure it does not restate still reads from the older edition", async () => {
    const before = await getEditionDiffCounts(db, draftId);
    await publishEdition(db, draftId, editorId);
    // A published edition is diffed against what was published before it: the same figures.
    expect(await getEditionDiffCounts(db, draftId)).toEqual(before);
    const view = await viewOf(db, new URLSearchParams({ metric: "registered_firms", view: "table", level: "province", geo: "140000", from: "2024", to: "2024" }));
    const row = view.rows.find((r) => r.geoCode === "140000" && r.year === 2024);
    expect(row?.value).toBe(400);
    const olderSlug = (await db.prisma.edition.findFirstOrThrow({ where: { title: OLDER }, select: { slug: true } })).slug;
    expect(row?.editions).toEqual([olderSlug]);
  });
});
