import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as publishRoute } from "@/app/api/admin/editions/[id]/publish/route";
import { POST as retireRoute } from "@/app/api/admin/editions/[id]/retire/route";
import { POST as uploadRoute } from "@/app/api/admin/uploads/route";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import type { IngestProblem } from "@/lib/ingest";
import { getDatabase, openDatabase, type Database } from "@/lib/server/db";
import { publishEdition, retireEdition } from "@/lib/server/editions/edition-lifecycle";
import { getEditionParkChanges } from "@/lib/server/editions/registry-changes";
import { uploadEdition } from "@/lib/server/editions/upload-edition";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { viewOf } from "./support/view";
import { createUser, type TCreatedUser } from "@/lib/server/users/create-user";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// Zones new to the registry come with editions: a table by zone that names
// 怀化高新区 (missing from the seeded registry) lists it in its draft, publishing
// brings it into the registry with its figures, retiring takes it out again
// unless another published edition reports it. A registry upload adds and
// corrects zones the same way. Through the real route handlers, on a fresh
// PostgreSQL database migrated and seeded like the app's.

const ORIGIN = "http://localhost:3000";
const PASSWORD = "correct horse battery";

let db: Database;
let setupDb: Database;
let url: string;
let editor: TCreatedUser;
let cookie: string;

type TRows = (string | number | null)[][];

async function xlsx(rows: TRows, sheetName = "2018"): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
}

interface TUploadBody {
  edition?: { id: number; slug: string };
  added?: number;
  corrected?: number;
  report?: { problems: IngestProblem[]; errorCount: number; newZones?: { slug: string; nameZh: string; provinceAdcode: number }[] };
  error?: { code: string; message: string };
}

async function upload(file: BodyInit, title: string, kind?: "registry", fileName = "upload.xlsx") {
  const target = new URL(`${ORIGIN}/api/admin/uploads`);
  target.search = new URLSearchParams({ fileName, title, source: "中国火炬统计年鉴 (test)", ...(kind ? { kind } : {}) }).toString();
  const request = new Request(target, {
    method: "POST",
    headers: { origin: ORIGIN, cookie, "content-type": "application/octet-stream" },
    body: file,
    duplex: "half",
  } as RequestInit);
  const response = await uploadRoute(request);
  return { status: response.status, body: (await response.json()) as TUploadBody };
}

async function draftOf(file: BodyInit, title: string, kind?: "registry", fileName?: string): Promise<{ id: number; body: TUploadBody }> {
  const { status, body } = await upload(file, title, kind, fileName);
  expect(status, JSON.stringify(body.error ?? body.report?.problems)).toBe(201);
  return { id: body.edition!.id, body };
}

async function act(action: "publish" | "retire", id: number): Promise<void> {
  const request = new Request(`${ORIGIN}/api/admin/editions/${id}/${action}`, { method: "POST", headers: { origin: ORIGIN, cookie } });
  const response = await (action === "publish" ? publishRoute : retireRoute)(request, { params: Promise.resolve({ id: String(id) }) });
  expect(response.status, await response.clone().text()).toBe(200);
}

const park = (slug: string) => db.prisma.park.findUnique({ where: { slug } });

/** What a reader sees for one zone's revenue in one year, with the name the table gives it. */
async function zoneRevenue(slug: string, year: number) {
  const view = await viewOf(db, new URLSearchParams({ metric: "revenue", view: "table", level: "park", geo: slug, from: String(year), to: String(year) }));
  const row = view.rows.find((r) => r.geoCode === slug && r.year === year);
  return row ? { value: row.value, nameZh: row.geoNameZh, nameEn: row.geoNameEn } : null;
}

async function auditDetails(editionId: number, action: string) {
  const event = await db.prisma.auditEvent.findFirst({ where: { editionId, action }, orderBy: { id: "desc" } });
  return event?.details as Record<string, unknown> | undefined;
}

beforeAll(async () => {
  ({ db: setupDb, url } = await openTestDatabase("zone_registry"));
  await prepareDatabase(setupDb);
  for (const name of ["BETTER_AUTH_SECRET", "PUBLIC_URL", "TRUSTED_ORIGINS", "BETTER_AUTH_URL"]) delete process.env[name];
  process.env.DATABASE_URL = url;
  db = await getDatabase();
  const admin = await createUser(db, { email: "admin@example.org", role: "admin", password: PASSWORD }, null);
  editor = await createUser(db, { email: "editor@example.org", role: "editor", password: PASSWORD }, admin.id);
  const response = await authPost(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": "10.9.0.1" },
      body: JSON.stringify({ email: editor.email, password: PASSWORD }),
    }),
  );
  cookie = response.headers.getSetCookie().find((line) => line.includes("session_token="))!.split(";")[0]!;
}, 120_000);

afterAll(async () => {
  await db?.close();
  await setupDb?.close();
  if (url) await dropTestDatabase(url);
});

describe("a zone new to the registry, from a table by zone", () => {
  it("is listed in the draft, joins the registry with its figures on publishing, and leaves it when no published edition reports it", async () => {
    expect(await park("huaihua")).toBeNull();
    const table = (revenue: number): TRows => [
      ["2018年国家高新区主要经济指标"],
      ["高新区", "营业收入（千元）"],
      ["中关村科技园区", 1_000],
      ["怀化高新区", revenue],
    ];

    // A: the draft lists the new zone; the registry and the dashboard do not have it yet.
    const a = await draftOf(await xlsx(table(2_000)), "Zones 2018 A");
    expect(a.body.report?.newZones).toEqual([expect.objectContaining({ slug: "huaihua", nameZh: "怀化高新区", provinceAdcode: 430000 })]);
    expect(a.body.report?.problems).toContainEqual(expect.objectContaining({ code: "new_zone", severity: "warning", row: 4 }));
    const listed = await getEditionParkChanges(db, a.id, "DRAFT");
    expect(listed).toEqual([
      expect.objectContaining({ slug: "huaihua", kind: "ADD", nameZh: "怀化高新区", isInRegistry: false, row: 4 }),
    ]);
    expect(listed[0]!.fields).toContainEqual({ field: "provinceAdcode", old: null, new: 430000 });
    expect(await park("huaihua")).toBeNull();
    expect(await zoneRevenue("huaihua", 2018)).toBeNull();

    await act("publish", a.id);
    expect(await park("huaihua")).toMatchObject({ nameZh: "怀化高新区", nameEn: "Huaihua High-tech Zone", cityZh: "怀化", provinceAdcode: 430000, introducedByEditionId: a.id });
    expect(await zoneRevenue("huaihua", 2018)).toEqual({ value: 2_000_000, nameZh: "怀化高新区", nameEn: "Huaihua High-tech Zone" });
    expect(await auditDetails(a.id, "edition.published")).toMatchObject({ zonesAdded: ["怀化高新区"] });

    // B reports the zone too (known now, so it is no new zone of B's); C is a draft that reports it.
    const b = await draftOf(await xlsx(table(3_000)), "Zones 2018 B");
    expect(b.body.report?.newZones).toEqual([]);
    await act("publish", b.id);
    const c = await draftOf(await xlsx(table(4_000)), "Zones 2018 C");

    // Retiring A keeps the zone: B, published, reports it.
    await act("retire", a.id);
    expect(await park("huaihua")).toMatchObject({ introducedByEditionId: b.id });
    expect(await auditDetails(a.id, "edition.retired")).toMatchObject({ zonesKept: ["怀化高新区"], zonesRemoved: [] });
    expect((await zoneRevenue("huaihua", 2018))?.value).toBe(3_000_000);

    // Retiring B, no published edition reports it: it leaves the registry; draft C now brings it in.
    await act("retire", b.id);
    expect(await park("huaihua")).toBeNull();
    expect(await zoneRevenue("huaihua", 2018)).toBeNull();
    expect(await auditDetails(b.id, "edition.retired")).toMatchObject({ zonesRemoved: ["怀化高新区"] });
    expect(await getEditionParkChanges(db, c.id, "DRAFT")).toEqual([expect.objectContaining({ slug: "huaihua", kind: "ADD" })]);

    await act("publish", c.id);
    expect(await park("huaihua")).toMatchObject({ provinceAdcode: 430000, introducedByEditionId: c.id });
    expect((await zoneRevenue("huaihua", 2018))?.value).toBe(4_000_000);
    await act("retire", c.id);
    expect(await park("huaihua")).toBeNull();
  }, 60_000);

  it("is not published when another zone took its code since the draft was made", async () => {
    const draft = await draftOf(await xlsx([["高新区", "营业收入（千元）"], ["怀化高新区", 9]]), "Zones 2018 D");
    const other = Buffer.from("高新区名称,code,省份\n盐城某某高新区,huaihua,江苏\n");
    const registry = await draftOf(other, "Registry D", "registry", "zones.csv");
    await act("publish", registry.id);
    const request = new Request(`${ORIGIN}/api/admin/editions/${draft.id}/publish`, { method: "POST", headers: { origin: ORIGIN, cookie } });
    const response = await publishRoute(request, { params: Promise.resolve({ id: String(draft.id) }) });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("盐城某某高新区");
    expect(await db.prisma.edition.findUnique({ where: { id: draft.id }, select: { status: true } })).toEqual({ status: "DRAFT" });
    await act("retire", registry.id);
    expect(await park("huaihua")).toBeNull();
  });

  it("is refused, with the province asked for, when the name does not say its province", async () => {
    const editions = await db.prisma.edition.count();
    const { status, body } = await upload(await xlsx([["高新区", "营业收入（千元）"], ["某某高新区", 5]]), "Zones without province");
    expect(status).toBe(422);
    expect(body.report?.problems).toContainEqual(expect.objectContaining({ code: "zone_without_province", severity: "error" }));
    expect(await db.prisma.edition.count()).toBe(editions);
  });
});

describe("a registry upload", () => {
  it("adds one zone and corrects another's approval date through draft → publish → retire, with the audit trail", async () => {
    const nanjingBefore = await park("nanjing");
    expect(nanjingBefore?.approvedOn).toBe("1991-03");
    const file = Buffer.from(
      "高新区名称,name_en,省份,批准日期,来源\n" +
        "楚雄高新技术产业开发区,Chuxiong High-tech Zone,云南,2018-02-28,国函〔2018〕 (test)\n" +
        "南京高新技术产业开发区（1991批）,,江苏,1991-03-06,国发〔1991〕12号 (test)\n",
    );
    const { id, body } = await draftOf(file, "Registry corrections 2018", "registry", "zones.csv");
    expect(body).toMatchObject({ added: 1, corrected: 1 });

    const changes = await getEditionParkChanges(db, id, "DRAFT");
    expect(changes.map((c) => [c.kind, c.slug])).toEqual([["ADD", "chuxiong"], ["UPDATE", "nanjing"]]);
    expect(changes[1]!.fields).toEqual([
      { field: "approvedOn", old: "1991-03", new: "1991-03-06" },
      { field: "approvalYear", old: 1991, new: 1991 },
      { field: "sourceRef", old: nanjingBefore!.sourceRef, new: "国发〔1991〕12号 (test)" },
    ]);
    // A draft changes nothing yet.
    expect(await park("chuxiong")).toBeNull();
    expect((await park("nanjing"))?.approvedOn).toBe("1991-03");
    const uploaded = await auditDetails(id, "edition.uploaded");
    expect(uploaded).toMatchObject({ kind: "registry", zonesAdded: ["楚雄高新技术产业开发区"], zonesCorrected: ["南京高新技术产业开发区（1991批）"] });

    await act("publish", id);
    expect(await park("chuxiong")).toMatchObject({ provinceAdcode: 530000, approvedOn: "2018-02-28", approvalYear: 2018, sourceRef: "国函〔2018〕 (test)", introducedByEditionId: id });
    expect((await park("nanjing"))?.approvedOn).toBe("1991-03-06");
    expect(await auditDetails(id, "edition.published")).toMatchObject({ zonesAdded: ["楚雄高新技术产业开发区"], zonesCorrected: ["南京高新技术产业开发区（1991批）"] });
    // The published edition's page shows what it replaced.
    expect((await getEditionParkChanges(db, id, "PUBLISHED"))[1]!.fields[0]).toEqual({ field: "approvedOn", old: "1991-03", new: "1991-03-06" });

    await act("retire", id);
    expect(await park("chuxiong")).toBeNull();
    expect(await park("nanjing")).toEqual(nanjingBefore);
    expect(await auditDetails(id, "edition.retired")).toMatchObject({ zonesRemoved: ["楚雄高新技术产业开发区"], zonesRestored: ["南京高新技术产业开发区（1991批）"] });
  }, 60_000);

  it("answers 422 with the report for a bad file, and saves nothing", async () => {
    const editions = await db.prisma.edition.count();
    const { status, body } = await upload(Buffer.from("高新区名称,批准日期\n怀化高新区,2018-13\n"), "Bad registry", "registry", "zones.csv");
    expect(status).toBe(422);
    expect(body.error?.code).toBe("INVALID_UPLOAD");
    expect(body.report?.problems).toEqual([expect.objectContaining({ code: "bad_year", row: 2, column: "批准日期" })]);
    const unchanged = await upload(Buffer.from("高新区名称\n南京高新技术产业开发区（1991批）\n"), "No change", "registry", "zones.csv");
    expect(unchanged.status).toBe(422);
    const badKind = await uploadRoute(
      new Request(`${ORIGIN}/api/admin/uploads?fileName=a.csv&title=Kind&source=Test%20source&kind=zones`, {
        method: "POST",
        headers: { origin: ORIGIN, cookie },
        body: "x",
      }),
    );
    expect(badKind.status).toBe(400);
    expect(await db.prisma.edition.count()).toBe(editions);
  });
});

describe("on the embedded PGlite database", () => {
  it("publishes a new zone into the registry and retires it out again", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torch-zones-pglite-"));
    const pglite = await openDatabase({ kind: "embedded", dataDir: path.join(dir, "pglite") });
    try {
      await prepareDatabase(pglite);
      const user = await createUser(pglite, { email: "pglite@example.org", role: "admin", password: PASSWORD }, null);
      const file = await xlsx([["高新区", "营业收入（千元）"], ["湖南怀化高新区", 7]]);
      const outcome = await uploadEdition(pglite, { title: "PGlite zones", source: "test source", yearbookYear: null, fileName: "zones-2018.xlsx" }, (async function* () { yield file; })(), user.id);
      if (outcome.status !== "draft") throw new Error(JSON.stringify(outcome.report.problems));
      await publishEdition(pglite, outcome.edition.id, user.id);
      expect(await pglite.prisma.park.findUnique({ where: { slug: "huaihua" } })).toMatchObject({ nameZh: "湖南怀化高新区", provinceAdcode: 430000 });
      await retireEdition(pglite, outcome.edition.id, user.id);
      expect(await pglite.prisma.park.findUnique({ where: { slug: "huaihua" } })).toBeNull();
    } finally {
      await pglite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
