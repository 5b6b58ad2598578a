import { spawn } from "node:child_process";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteRoute } from "@/app/api/admin/editions/[id]/route";
import { POST as publishRoute } from "@/app/api/admin/editions/[id]/publish/route";
import { POST as retireRoute } from "@/app/api/admin/editions/[id]/retire/route";
import { GET as templateRoute } from "@/app/api/admin/templates/[name]/route";
import { POST as uploadRoute } from "@/app/api/admin/uploads/route";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import type { IngestProblem } from "@/lib/ingest";
import { getDatabase, type Database } from "@/lib/server/db";
import { getEditionDiffCounts, getEditionDiffPage } from "@/lib/server/editions/edition-diff";
import { uploadEdition, type UploadReport } from "@/lib/server/editions/upload-edition";
import { AppError } from "@/lib/server/errors";
import { prepareDatabase } from "@/lib/server/prepare-database";
import { getDataVersion } from "@/lib/server/queries/data-version";
import { viewOf } from "./support/view";
import { createUser, type TCreatedUser } from "@/lib/server/users/create-user";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// Admins publish yearbook editions: upload → draft → diff → publish → retire,
// through the real route handlers with a session cookie from Better Auth's
// own handler, on a fresh PostgreSQL database migrated and seeded like the
// app's (so there is published data to diff against). Each test uses its own
// years and provinces, and retires what it publishes, so published data is
// back to the seed's between tests.

const ORIGIN = "http://localhost:3000";
const PASSWORD = "correct horse battery";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let db: Database;
let setupDb: Database;
let url: string;
let editor: TCreatedUser;
let editorCookie: string;

let lastIp = 0;
/** Every sign-in comes from its own address, so the sign-in rate limit never trips. */
const freshIp = () => `10.1.${Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`;

// ---------------------------------------------------------------- helpers

type TRows = (string | number | null)[][];

/** An XLSX workbook with one sheet per entry, rows as given. */
async function xlsx(sheets: Record<string, TRows>): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer()) as Uint8Array<ArrayBuffer>;
}

/** A yearbook-style wide table: one year, Chinese province names, revenue in 亿元 and exports in 千美元. */
function wideTable(rows: [place: string, revenue亿元: number, exports千美元: number][]): TRows {
  return [["地区", "营业收入（亿元）", "出口总额（千美元）"], ...rows];
}

interface TSendOptions {
  /** "name=value" of the session cookie; none when undefined. */
  cookie?: string;
  /** The Origin header; ORIGIN when undefined, none when null. */
  origin?: string | null;
  headers?: Record<string, string>;
}

function headersFor(options: TSendOptions): Headers {
  const headers = new Headers(options.headers);
  if (options.origin !== null) headers.set("origin", options.origin ?? ORIGIN);
  if (options.cookie) headers.set("cookie", options.cookie);
  return headers;
}

function authRequest(route: string, body: unknown, cookie?: string): Request {
  const headers = new Headers({ "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": freshIp() });
  if (cookie) headers.set("cookie", cookie);
  return new Request(`${ORIGIN}/api/auth${route}`, { method: "POST", headers, body: JSON.stringify(body) });
}

/** Signs in through Better Auth's handler (the app's /api/auth route) and returns "name=value" of the session cookie. */
async function signIn(email: string): Promise<string> {
  const response = await authPost(authRequest("/sign-in/email", { email, password: PASSWORD }));
  expect(response.status).toBe(200);
  const header = response.headers.getSetCookie().find((line) => line.includes("session_token="));
  if (!header) throw new Error("No session cookie");
  return header.split(";")[0]!;
}

interface TUploadBody {
  edition?: { id: number; slug: string };
  observations?: number;
  report?: UploadReport;
  error?: { code: string; message: string; parameter?: string };
}

function uploadRequest(
  file: BodyInit | null,
  query: Record<string, string | undefined>,
  options: TSendOptions = {},
): Request {
  const target = new URL(`${ORIGIN}/api/admin/uploads`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) target.searchParams.set(key, value);
  const headers = headersFor(options);
  if (!headers.has("content-type")) headers.set("content-type", XLSX_TYPE);
  return new Request(target, { method: "POST", headers, body: file, duplex: "half" } as RequestInit);
}

const uploadQuery = (title: string) => ({
  fileName: `${title.replace(/\W+/g, "-")}.xlsx`,
  title,
  source: "中国火炬统计年鉴 (test)",
  yearbookYear: "2020",
});

async function upload(
  file: Uint8Array<ArrayBuffer>,
  title: string,
  options: TSendOptions = {},
): Promise<{ status: number; body: TUploadBody }> {
  const response = await uploadRoute(uploadRequest(file, uploadQuery(title), { cookie: editorCookie, ...options }));
  return { status: response.status, body: (await response.json()) as TUploadBody };
}

/** Uploads a clean file and returns its draft. */
async function uploadDraft(title: string, sheets: Record<string, TRows>): Promise<{ id: number; slug: string }> {
  const { status, body } = await upload(await xlsx(sheets), title);
  expect(status, JSON.stringify(body.error ?? body.report?.problems)).toBe(201);
  return body.edition!;
}

const context = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

type TAction = "publish" | "retire" | "delete";

function actionRequest(action: TAction, id: number | string, options: TSendOptions): Request {
  const path = action === "delete" ? `/api/admin/editions/${id}` : `/api/admin/editions/${id}/${action}`;
  return new Request(`${ORIGIN}${path}`, {
    method: action === "delete" ? "DELETE" : "POST",
    headers: headersFor(options),
  });
}

function act(
  action: TAction,
  id: number | string,
  options: TSendOptions = { cookie: editorCookie },
): Promise<Response> {
  const request = actionRequest(action, id, options);
  const handler = action === "publish" ? publishRoute : action === "retire" ? retireRoute : deleteRoute;
  return handler(request, context(id));
}

function template(name: string, options: TSendOptions): Promise<Response> {
  const request = new Request(`${ORIGIN}/api/admin/templates/${name}`, { headers: headersFor(options) });
  return templateRoute(request, { params: Promise.resolve({ name }) });
}

async function errorOf(response: Response): Promise<{ code: string; message: string; parameter?: string }> {
  return ((await response.json()) as { error: { code: string; message: string; parameter?: string } }).error;
}

/** What a reader of the dashboard sees for one figure (the table view), and the data version it was read at. */
/** Every row of each list of an edition's diff (the test editions are small). */
async function wholeDiff(id: number) {
  const page = (list: "changed" | "added" | "notRestated") => getEditionDiffPage(db, id, list, { offset: 0, limit: 10_000 });
  return { changed: await page("changed"), added: await page("added"), notRestated: await page("notRestated") };
}

async function published(metric: string, level: "nation" | "province", geo: string, year: number) {
  const view = await viewOf(
    db,
    new URLSearchParams({ metric, view: "table", level, geo, from: String(year), to: String(year) }),
  );
  const row = view.rows.find((r) => r.geoCode === geo && r.year === year);
  return { value: row?.value ?? null, editions: row?.editions ?? [], dataVersion: view.dataVersion };
}

async function status(id: number): Promise<string | undefined> {
  return (await db.prisma.edition.findUnique({ where: { id }, select: { status: true } }))?.status;
}

async function auditActions(editionId: number): Promise<{ action: string; actorId: string | null }[]> {
  return db.prisma.auditEvent.findMany({
    where: { editionId },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true },
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// ---------------------------------------------------------------- setup

beforeAll(async () => {
  ({ db: setupDb, url } = await openTestDatabase("editions"));
  await prepareDatabase(setupDb);
  for (const name of ["BETTER_AUTH_SECRET", "PUBLIC_URL", "TRUSTED_ORIGINS", "BETTER_AUTH_URL"])
    delete process.env[name];
  process.env.DATABASE_URL = url;
  db = await getDatabase();
  const admin = await createUser(db, { email: "admin@example.org", role: "admin", password: PASSWORD }, null);
  editor = await createUser(db, { email: "editor@example.org", role: "editor", password: PASSWORD }, admin.id);
  editorCookie = await signIn(editor.email);
});

afterAll(async () => {
  await db?.close();
  await setupDb?.close();
  if (url) await dropTestDatabase(url);
});

// ---------------------------------------------------------------- tests

describe("upload → draft → publish → retire", () => {
  it("keeps a valid wide XLSX as a draft nobody reads, diffs it by hand-checked values, publishes and rolls it back", async () => {
    const revenueBefore = await published("revenue", "province", "110000", 2019);
    const exportsBefore = await published("exports", "province", "110000", 2019);
    expect(revenueBefore.value).toBeGreaterThan(0);
    expect(revenueBefore.value).not.toBe(150_000_000);
    const version0 = await getDataVersion(db);

    // 全国 = 北京 + 上海, so the totals check has nothing to warn about.
    const file = await xlsx({
      "2019": wideTable([
        ["全国", 2.5, 3000],
        ["北京", 1.5, 2000],
        ["上海市", 1, 1000],
      ]),
    });
    const { status: uploaded, body } = await upload(file, "Torch Yearbook 2019 (corrected)");
    expect(uploaded, JSON.stringify(body.report?.problems)).toBe(201);
    expect(body.edition).toEqual({ id: expect.any(Number), slug: "torch-yearbook-2019-corrected" });
    expect(body.observations).toBe(6);
    expect(body.report).toMatchObject({
      layout: "wide",
      format: "xlsx",
      errorCount: 0,
      warningCount: 0,
      rowsRead: 4,
      observationCount: 6,
    });
    const { id, slug } = body.edition!;

    const edition = await db.prisma.edition.findUniqueOrThrow({ where: { id } });
    expect(edition).toMatchObject({
      status: "DRAFT",
      publishedAt: null,
      createdById: editor.id,
      fileName: "Torch-Yearbook-2019-corrected-.xlsx",
      yearbookYear: 2020,
    });
    expect(edition.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.prisma.observation.count({ where: { editionId: id } })).toBe(6);

    // A draft is never read: the dashboard shows what it showed, at the same data version.
    expect(await getDataVersion(db)).toBe(version0);
    expect(await published("revenue", "province", "110000", 2019)).toEqual(revenueBefore);

    // The diff, by hand: 1.5 亿元 = 150,000,000 yuan; 2,000 千美元 = 2,000,000 US dollars.
    const diff = await wholeDiff(id);
    const change = (indicator: string, geo: string) =>
      diff.changed.find((c) => c.indicatorCode === indicator && c.geoCode === geo && c.year === 2019);
    expect(change("revenue", "110000")).toMatchObject({
      geoLevel: "PROVINCE",
      old: revenueBefore.value,
      new: 150_000_000,
      absChange: 150_000_000 - revenueBefore.value!,
    });
    expect(change("exports", "110000")).toMatchObject({ old: exportsBefore.value, new: 2_000_000 });
    expect(change("revenue", "310000")?.new).toBe(100_000_000);
    expect(change("exports", "310000")?.new).toBe(1_000_000);
    expect(diff.changed).toHaveLength(4);
    // No edition reports the 2019 national revenue or exports: the 全国 row adds them.
    expect(diff.added.map((o) => [o.indicatorCode, o.geoCode, o.new])).toEqual([
      ["exports", "CN", 3_000_000],
      ["revenue", "CN", 250_000_000],
    ]);
    // Every other province's 2019 revenue and exports is published but not restated by this edition.
    const [scope] = await db.query<{ inScope: number }>(
      `SELECT count(DISTINCT (o.indicator_code, o.geo_code))::int AS "inScope"
       FROM observation o JOIN edition e ON e.id = o.edition_id
       WHERE e.status = 'PUBLISHED' AND o.year = 2019 AND o.geo_level = 'PROVINCE'
         AND o.indicator_code IN ('revenue', 'exports') AND o.geo_code NOT IN ('110000', '310000')`,
    );
    expect(scope!.inScope).toBeGreaterThan(0);
    expect(diff.notRestated).toHaveLength(scope!.inScope);
    expect(diff.notRestated.every((o) => o.year === 2019 && o.geoLevel === "PROVINCE" && o.shownFrom !== null)).toBe(true);
    expect(await getEditionDiffCounts(db, id)).toMatchObject({ changed: 4, added: 2, notRestated: scope!.inScope });

    // Publish: the new values win at once, under a new data version.
    const publishResponse = await act("publish", id);
    expect(publishResponse.status).toBe(200);
    expect(await publishResponse.json()).toEqual({ id, status: "PUBLISHED" });
    const version1 = await getDataVersion(db);
    expect(version1).toBe(version0 + 1);
    expect(await published("revenue", "province", "110000", 2019)).toEqual({
      value: 150_000_000,
      editions: [slug],
      dataVersion: version1,
    });
    expect((await published("exports", "province", "110000", 2019)).value).toBe(2_000_000);
    expect((await published("revenue", "nation", "CN", 2019)).value).toBe(250_000_000);
    // Once published, the diff is against what was published before it: the same change.
    expect(
      (await wholeDiff(id)).changed.find((c) => c.indicatorCode === "revenue" && c.geoCode === "110000"),
    ).toMatchObject({ old: revenueBefore.value, new: 150_000_000 });

    // Retire: the figures it replaced come back.
    const retireResponse = await act("retire", id);
    expect(retireResponse.status).toBe(200);
    expect(await retireResponse.json()).toEqual({ id, status: "RETIRED" });
    expect(await getDataVersion(db)).toBe(version0 + 2);
    const after = await published("revenue", "province", "110000", 2019);
    expect(after).toEqual({ ...revenueBefore, dataVersion: version0 + 2 });
    expect((await published("exports", "province", "110000", 2019)).value).toBe(exportsBefore.value);
    expect(await db.prisma.edition.findUnique({ where: { id }, select: { status: true, retiredAt: true } })).toEqual({
      status: "RETIRED",
      retiredAt: expect.any(Date),
    });

    expect(await auditActions(id)).toEqual([
      { action: "edition.uploaded", actorId: editor.id },
      { action: "edition.published", actorId: editor.id },
      { action: "edition.retired", actorId: editor.id },
    ]);
  });

  it("refuses a file with errors with 422 and a report naming each bad cell, and saves nothing but the audit event", async () => {
    const editionsBefore = await db.prisma.edition.count();
    const version = await getDataVersion(db);
    const file = await xlsx({
      "2019": [
        // Taxes are paid in yuan: a column in US dollars cannot be converted (reported once, at its header).
        ["地区", "营业收入（亿元）", "高新技术企业数（家）", "上缴税费（亿美元）"],
        ["北京", 1.5, 10, null],
        ["火星省", 1, 1, null], // row 3: no such province
        ["上海", "abc", 5, null], // row 4: not a number
        ["广东", 2, -5, null], // row 5: a negative count
        ["江苏", 3, 7, 4],
      ],
    });
    const { status: code, body } = await upload(file, "Broken yearbook upload");
    expect(code).toBe(422);
    expect(body.error, JSON.stringify(body.report?.problems)).toEqual({
      code: "INVALID_UPLOAD",
      message: "The file has 4 errors; nothing was saved.",
    });
    expect(body.edition).toBeUndefined();
    expect(body.report!.errorCount).toBe(4);
    const errors = body.report!.problems.filter((p: IngestProblem) => p.severity === "error");
    expect(errors.map((p) => [p.sheet, p.row, p.column, p.code, p.value])).toEqual([
      ["2019", 1, "上缴税费（亿美元）", "unit_not_convertible", "亿美元"],
      ["2019", 3, "地区", "unknown_geo", "火星省"],
      ["2019", 4, "营业收入（亿元）", "not_a_number", "abc"],
      ["2019", 5, "高新技术企业数（家）", "negative_value", "-5"],
    ]);

    expect(await db.prisma.edition.count()).toBe(editionsBefore);
    expect(await getDataVersion(db)).toBe(version);
    const rejected = await db.prisma.auditEvent.findFirst({
      where: { action: "edition.upload_rejected" },
      orderBy: { id: "desc" },
    });
    expect(rejected).toMatchObject({
      actorId: editor.id,
      editionId: null,
      details: { fileName: "Broken-yearbook-upload.xlsx", errors: 4, rowsRead: 6 },
    });
  });
});

describe("who may write", () => {
  it("answers 401 to anonymous and signed-out sessions and 403 to another site, changes nothing, and lets an editor through", async () => {
    const draft = await uploadDraft("Authorisation draft 2018", { "2018": wideTable([["广东", 5, 500]]) });
    const staleCookie = await signIn(editor.email);
    const signOut = await authPost(authRequest("/sign-out", {}, staleCookie));
    expect(signOut.status).toBe(200);

    const file = await xlsx({ "2018": wideTable([["浙江", 4, 400]]) });
    type TRoute = { name: string; send: (options: TSendOptions) => Promise<Response> };
    const routes: TRoute[] = [
      {
        name: "upload",
        send: (o) => uploadRoute(uploadRequest(file.slice(), uploadQuery("Authorisation upload 2018"), o)),
      },
      { name: "publish", send: (o) => publishRoute(actionRequest("publish", draft.id, o), context(draft.id)) },
      { name: "retire", send: (o) => retireRoute(actionRequest("retire", draft.id, o), context(draft.id)) },
      { name: "delete", send: (o) => deleteRoute(actionRequest("delete", draft.id, o), context(draft.id)) },
      { name: "template", send: (o) => template("wide.xlsx", o) },
    ];
    const editions = await db.prisma.edition.count();
    const version = await getDataVersion(db);

    for (const route of routes) {
      const anonymous = await route.send({});
      expect(anonymous.status, `${route.name} anonymous`).toBe(401);
      expect((await errorOf(anonymous)).code).toBe("UNAUTHORIZED");

      const stale = await route.send({ cookie: staleCookie });
      expect(stale.status, `${route.name} signed out`).toBe(401);

      const forged = await route.send({ cookie: editorCookie.replace(/.$/, (c) => (c === "A" ? "B" : "A")) });
      expect(forged.status, `${route.name} forged cookie`).toBe(401);

      const foreign = await route.send({ cookie: editorCookie, origin: "https://evil.example" });
      // The template is a GET: reads are not refused for their origin (a cross-site page
      // cannot read the response, and SameSite=Lax keeps the cookie off its subrequests).
      expect(foreign.status, `${route.name} from another site`).toBe(route.name === "template" ? 200 : 403);
      if (route.name !== "template") expect((await errorOf(foreign)).code).toBe("FORBIDDEN");

      const crossSite = await route.send({ cookie: editorCookie, headers: { "sec-fetch-site": "cross-site" } });
      expect(crossSite.status, `${route.name} cross-site`).toBe(route.name === "template" ? 200 : 403);
    }
    // None of that changed anything.
    expect(await db.prisma.edition.count()).toBe(editions);
    expect(await status(draft.id)).toBe("DRAFT");
    expect(await getDataVersion(db)).toBe(version);

    // An editor may do each.
    const templateResponse = await template("wide.xlsx", { cookie: editorCookie });
    expect(templateResponse.status).toBe(200);
    expect(templateResponse.headers.get("content-type")).toBe(XLSX_TYPE);
    expect(
      Buffer.from(await templateResponse.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");

    const uploaded = await routes[0]!.send({ cookie: editorCookie });
    const uploadedBody = (await uploaded.json()) as TUploadBody;
    expect(uploaded.status, JSON.stringify(uploadedBody.report?.problems)).toBe(201);
    const other = uploadedBody.edition!;
    expect((await act("publish", other.id)).status).toBe(200);
    expect(await status(other.id)).toBe("PUBLISHED");
    expect((await act("retire", other.id)).status).toBe(200);
    expect(await status(other.id)).toBe("RETIRED");
    expect((await act("delete", draft.id)).status).toBe(204);
    expect(await status(draft.id)).toBeUndefined();
    expect(await getDataVersion(db)).toBe(version + 2);
  });

  it("answers 409 to a step the edition's status does not allow, 404 to unknown or malformed ids, 400 naming a bad parameter", async () => {
    const draft = await uploadDraft("Status checks 2018", { "2018": wideTable([["福建", 3, 300]]) });
    const version = await getDataVersion(db);

    const retireDraft = await act("retire", draft.id);
    expect(retireDraft.status).toBe(409);
    expect((await errorOf(retireDraft)).message).toMatch(/is draft: only a published edition can be retired/);

    expect((await act("publish", draft.id)).status).toBe(200);
    const again = await act("publish", draft.id);
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/is published/) });
    expect((await act("delete", draft.id)).status).toBe(409);
    expect((await act("retire", draft.id)).status).toBe(200);
    expect((await act("publish", draft.id)).status).toBe(409);
    expect((await act("retire", draft.id)).status).toBe(409);
    expect((await act("delete", draft.id)).status).toBe(409);
    expect(await status(draft.id)).toBe("RETIRED");
    expect(await getDataVersion(db)).toBe(version + 2);

    for (const action of ["publish", "retire", "delete"] as const) {
      for (const id of ["999999", "abc", "0", "1.5", "-3"]) {
        const response = await act(action, id);
        expect(response.status, `${action} ${id}`).toBe(404);
        expect((await errorOf(response)).code).toBe("NOT_FOUND");
      }
    }
    expect((await template("nope.txt", { cookie: editorCookie })).status).toBe(404);

    const editions = await db.prisma.edition.count();
    const file = await xlsx({ "2018": wideTable([["福建", 3, 300]]) });
    const noTitle = { ...uploadQuery("ignored"), title: undefined };
    const missingTitle = await uploadRoute(uploadRequest(file, noTitle, { cookie: editorCookie }));
    expect(missingTitle.status).toBe(400);
    const error = await errorOf(missingTitle);
    expect(error).toMatchObject({ code: "BAD_REQUEST", parameter: "title" });
    expect(error.message).toMatch(/^title: /);
    const badYear = await uploadRoute(
      uploadRequest(file, { ...uploadQuery("Bad yearbook year"), yearbookYear: "1900" }, { cookie: editorCookie }),
    );
    expect(badYear.status).toBe(400);
    expect((await errorOf(badYear)).parameter).toBe("yearbookYear");
    const noBody = await uploadRoute(uploadRequest(null, uploadQuery("No body at all"), { cookie: editorCookie }));
    expect(noBody.status).toBe(400);
    expect(await db.prisma.edition.count()).toBe(editions);
  });
});

describe("limits", () => {
  it("answers 413 to a declared size over 50 MB without reading the body", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls++;
          controller.enqueue(new Uint8Array(1024));
        },
      },
      { highWaterMark: 0 },
    );
    const editions = await db.prisma.edition.count();
    const response = await uploadRoute(
      uploadRequest(body, uploadQuery("Far too big"), {
        cookie: editorCookie,
        headers: { "content-length": String(50 * 1024 * 1024 + 1) },
      }),
    );
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulls).toBe(0);
    expect(await db.prisma.edition.count()).toBe(editions);
  });

  it("stops a body bigger than maxBytes mid-stream with AppError PAYLOAD_TOO_LARGE (413)", async () => {
    const file = await xlsx({ "2018": wideTable([["福建", 3, 300]]) });
    expect(file.byteLength).toBeGreaterThan(1000);
    async function* chunks() {
      for (let at = 0; at < file.byteLength; at += 256) yield file.subarray(at, at + 256);
    }
    const editions = await db.prisma.edition.count();
    const meta = { title: "Limited upload", source: "test", yearbookYear: null, fileName: "limited.xlsx" };
    const error = await uploadEdition(db, meta, chunks(), editor.id, { maxBytes: 1000 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413 });
    expect(await db.prisma.edition.count()).toBe(editions);
  });
});

describe("concurrency", () => {
  it("publishes two drafts at once: both published, at different times, the data version up by exactly 2", async () => {
    const a = await uploadDraft("Concurrent Tianjin 2017", { "2017": wideTable([["天津", 7, 700]]) });
    const b = await uploadDraft("Concurrent Hebei 2017", { "2017": wideTable([["河北", 8, 800]]) });
    const version = await getDataVersion(db);

    const responses = await Promise.all([act("publish", a.id), act("publish", b.id)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const rows = await db.prisma.edition.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { status: true, publishedAt: true },
    });
    expect(rows.map((r) => r.status)).toEqual(["PUBLISHED", "PUBLISHED"]);
    expect(rows.every((r) => r.publishedAt instanceof Date)).toBe(true);
    expect(rows[0]!.publishedAt!.getTime()).not.toBe(rows[1]!.publishedAt!.getTime());
    expect(await getDataVersion(db)).toBe(version + 2);
    expect((await published("revenue", "province", "120000", 2017)).value).toBe(700_000_000);
    expect((await published("revenue", "province", "130000", 2017)).value).toBe(800_000_000);

    for (const id of [a.id, b.id]) expect((await act("retire", id)).status).toBe(200);
    expect(await getDataVersion(db)).toBe(version + 4);
  });

  it("publishes the same draft twice at once: one 200, one 409, one event, one version", async () => {
    const draft = await uploadDraft("Double publish Shanxi 2017", { "2017": wideTable([["山西", 9, 900]]) });
    const version = await getDataVersion(db);

    const responses = await Promise.all([act("publish", draft.id), act("publish", draft.id)]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await status(draft.id)).toBe("PUBLISHED");
    expect(await getDataVersion(db)).toBe(version + 1);
    expect((await auditActions(draft.id)).map((e) => e.action)).toEqual(["edition.uploaded", "edition.published"]);

    expect((await act("retire", draft.id)).status).toBe(200);
  });
});

describe("concurrent uploads", () => {
  it("gives two uploads with the same title at once two drafts with distinct slugs", async () => {
    const file = await xlsx({ "2014": wideTable([["云南", 1, 100]]) });
    const results = await Promise.all([
      upload(file.slice(), "Same title twice"),
      upload(file.slice(), "Same title twice"),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    const slugs = results.map((r) => r.body.edition!.slug).sort();
    expect(slugs).toEqual(["same-title-twice", "same-title-twice-2"]);
    for (const { body } of results) expect((await act("delete", body.edition!.id)).status).toBe(204);
  });
});

describe("a publish killed half-way", () => {
  // publishEdition's transaction takes the editions advisory lock, reads the
  // edition, sets it PUBLISHED and only then bumps data_version. Holding
  // data_version's row from another connection therefore stops the child
  // after it changed the edition row but before it could commit: the
  // moment a crash would do the most harm.
  it("leaves the draft, the data version, the audit trail and the published values as they were", async () => {
    const draft = await uploadDraft("Killed publish Chongqing 2016", { "2016": wideTable([["重庆", 6, 600]]) });
    const before = await published("revenue", "province", "500000", 2016);
    expect(before.value).not.toBe(600_000_000);
    const version = await getDataVersion(db);

    const applicationName = `publish-child-${process.pid}`;
    const childUrl = new URL(url);
    childUrl.searchParams.set("application_name", applicationName);
    const activity = () =>
      db.query<{ pid: number; waitEventType: string | null; query: string }>(
        `SELECT pid, wait_event_type AS "waitEventType", query FROM pg_stat_activity WHERE application_name = $1`,
        [applicationName],
      );

    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    let output = "";
    try {
      await locker.query("BEGIN");
      await locker.query("SELECT * FROM data_version WHERE id = 1 FOR UPDATE");

      // detached: its own process group, so the kill reaches tsx's node process behind npx.
      const child = spawn(
        "npx",
        [
          "--no-install",
          "tsx",
          "--conditions=react-server",
          "tests/support/publish-child.ts",
          String(draft.id),
          editor.id,
        ],
        {
          env: { ...process.env, DATABASE_URL: childUrl.toString() },
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
        child.on("exit", (code, signal) => resolve(signal ?? code)),
      );

      let blocked: { pid: number; query: string };
      try {
        blocked = await waitFor(
          "the child's publish to wait on the data_version lock",
          async () => (await activity()).find((row) => row.waitEventType === "Lock"),
          20_000,
        );
      } catch (error) {
        process.kill(-child.pid!, "SIGKILL");
        throw new Error(`${(error as Error).message}; child output:\n${output}`);
      }
      expect(blocked.query).toMatch(/data_version/);
      // Inside the transaction, having already written the edition row.
      const locks = await db.query<{ mode: string }>(
        `SELECT l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
         WHERE l.pid = $1 AND c.relname = 'edition' AND l.granted`,
        [blocked.pid],
      );
      expect(locks.map((l) => l.mode)).toContain("RowExclusiveLock");
      expect(output).toContain(`publishing edition ${draft.id}`);
      expect(output).not.toContain("published edition");

      process.kill(-child.pid!, "SIGKILL");
      expect(await exited).toBe("SIGKILL");
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }
    // Its server backend notices the lost client once the lock is free, and rolls back.
    await waitFor("the child's backend to end", async () => (await activity()).length === 0, 20_000);

    expect(await status(draft.id)).toBe("DRAFT");
    expect((await db.prisma.edition.findUniqueOrThrow({ where: { id: draft.id } })).publishedAt).toBeNull();
    expect(await getDataVersion(db)).toBe(version);
    expect(await db.prisma.auditEvent.count({ where: { action: "edition.published", editionId: draft.id } })).toBe(0);
    expect(await published("revenue", "province", "500000", 2016)).toEqual(before);
    expect(output).not.toContain("published edition");

    // The advisory lock died with it: the draft can still be published (and retired again).
    expect((await act("publish", draft.id)).status).toBe(200);
    expect((await published("revenue", "province", "500000", 2016)).value).toBe(600_000_000);
    expect((await act("retire", draft.id)).status).toBe(200);
  });
});

describe("deleting a draft", () => {
  it("removes the draft and its figures and keeps its audit trail, the upload event pointing nowhere", async () => {
    const draft = await uploadDraft("Deleted draft Hainan 2015", { "2015": wideTable([["海南", 2, 200]]) });
    expect(await db.prisma.observation.count({ where: { editionId: draft.id } })).toBe(2);
    const uploadedEvent = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "edition.uploaded", editionId: draft.id },
    });
    const version = await getDataVersion(db);

    const response = await act("delete", draft.id);
    expect(response.status).toBe(204);
    expect(await db.prisma.edition.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await db.prisma.observation.count({ where: { editionId: draft.id } })).toBe(0);
    // Drafts were never published: deleting one changes no published figure.
    expect(await getDataVersion(db)).toBe(version);

    const kept = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: uploadedEvent.id } });
    expect(kept).toEqual({ ...uploadedEvent, editionId: null });
    const deleted = await db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "edition.deleted" },
      orderBy: { id: "desc" },
    });
    expect(deleted).toMatchObject({
      actorId: editor.id,
      editionId: null,
      details: { slug: draft.slug, editionId: draft.id, observations: 2 },
    });

    expect((await act("delete", draft.id)).status).toBe(404);
  });
});
