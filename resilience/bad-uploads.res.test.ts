import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildZip } from "@/lib/ingest/test-zip";
import { adminHeaders, editionAction, uploadFile } from "./support/admin-api";
import { createAppDatabase, signIn, startApp, USERS, type RunningApp } from "./support/app";
import { readDatabaseState } from "./support/database-state";
import { recordFigures } from "./support/figures";

// Malformed uploads through the real HTTP route: each answered with a message
// an editor can act on, and nothing written — no draft, no figure, no version bump.

const AREA = "malformed uploads";
const HEADER = "year,level,geo,indicator,value,unit,note";
const GOOD_ROW = "2017,national,CN,park_count,157,个,";

let app: RunningApp;
let databaseUrl: string;
let cookie: string;

beforeAll(async () => {
  databaseUrl = await createAppDatabase("bad_uploads");
  app = await startApp({ port: 3214, databaseUrl });
  cookie = await signIn(app, USERS.editor);
});

afterAll(async () => {
  await app?.stop();
});

interface Refusal {
  status: number;
  /** A phrase the message must contain: it names the problem in the editor's words. */
  says: RegExp;
}

/** Uploads `body`, expects the refusal, and checks the database is exactly as it was. */
async function expectRefusedUpload(body: Uint8Array | string, fileName: string, refusal: Refusal): Promise<void> {
  const before = await readDatabaseState(databaseUrl);
  const response = await uploadFile(app, cookie, body, { fileName });
  const answer = (await response.json()) as { error: { message: string }; report?: { problems: { reason: string }[] } };
  const said = [answer.error.message, ...(answer.report?.problems.map((problem) => problem.reason) ?? [])].join(" | ");
  expect(response.status, `${fileName}: ${said}`).toBe(refusal.status);
  expect(said, fileName).toMatch(refusal.says);
  const after = await readDatabaseState(databaseUrl);
  expect(after, fileName).toEqual(before);
  recordFigures(AREA, { requests: 1, inputs: 1, dataLost: JSON.stringify(after) === JSON.stringify(before) ? 0 : 1 });
}

/** GBK bytes of the few Chinese words used below (全国 "nation", 个 "count"), to write a legacy-encoded CSV. */
const GBK: Record<string, number[]> = { 全国: [0xc8, 0xab, 0xb9, 0xfa], 个: [0xb8, 0xf6] };

function gbkCsv(): Buffer {
  const parts = [Buffer.from(`${HEADER}\n2017,national,`), Buffer.from(GBK["全国"]!), Buffer.from(",park_count,157,"), Buffer.from(GBK["个"]!), Buffer.from(",\n")];
  return Buffer.concat(parts);
}

async function template(name: "long.csv" | "wide.xlsx"): Promise<Buffer> {
  const response = await fetch(`${app.url}/api/admin/templates/${name}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe("malformed uploads", () => {
  it("refuses a truncated workbook", async () => {
    const workbook = await template("wide.xlsx");
    for (const keep of [0.3, 0.6, 0.95]) {
      await expectRefusedUpload(workbook.subarray(0, Math.floor(workbook.length * keep)), "cut-short.xlsx", {
        status: 422,
        says: /damaged|incomplete|not a valid|cannot be read|could not be read/i,
      });
    }
  });

  it("refuses a zip bomb before inflating it", async () => {
    const bomb = buildZip([
      { name: "[Content_Types].xml", content: Buffer.from("<Types/>") },
      { name: "xl/worksheets/sheet1.xml", content: Buffer.alloc(400 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRefusedUpload(bomb, "bomb.xlsx", { status: 413, says: /compress|unpack|expand|MB/i });
  });

  it("refuses a 10 MB cell", async () => {
    const csv = `${HEADER}\n2017,national,CN,park_count,157,个,${"x".repeat(10 * 1024 * 1024)}\n`;
    await expectRefusedUpload(csv, "huge-cell.csv", { status: 413, says: /cell|characters/i });
  });

  it("refuses text in no encoding it reads (neither UTF-8 nor GB18030), saying how to save as UTF-8", async () => {
    // GBK and UTF-16 files go in (lib/ingest/csv-encodings.test.ts); a 0xFF byte is valid in neither UTF-8 nor GB18030.
    const neither = Buffer.concat([gbkCsv(), Buffer.from("2018,national,CN,park_count,168,"), Buffer.from([0xff, 0x41]), Buffer.from(",\n")]);
    await expectRefusedUpload(neither, "mixed.csv", { status: 422, says: /UTF-8/ });
  });

  it("refuses cells that would run as spreadsheet formulas where a number belongs", async () => {
    for (const value of ["=1+2", '=HYPERLINK("https://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"]) {
      await expectRefusedUpload(`${HEADER}\n2017,national,CN,park_count,"${value.replace(/"/g, '""')}",个,\n`, "formula.csv", {
        status: 422,
        says: /number/i,
      });
    }
  });

  it("refuses duplicate headers, broken quotes, an empty file, binary noise and an old .xls", async () => {
    await expectRefusedUpload(`year,year,level,geo,indicator,value,unit\n2017,2017,national,CN,park_count,157,个\n`, "dupes.csv", {
      status: 422,
      says: /both give the year/,
    });
    await expectRefusedUpload(`${HEADER}\n2017,national,"CN,park_count,157,个,\n`, "quotes.csv", { status: 422, says: /quote/i });
    await expectRefusedUpload("", "empty.csv", { status: 422, says: /empty|no rows|no data|header/i });
    await expectRefusedUpload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), "image.csv", {
      status: 422,
      says: /not text|CSV|xlsx/i,
    });
    await expectRefusedUpload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]), "old.xls", {
      status: 422,
      says: /\.xls|97/,
    });
  });

  it("reads a CSV with a UTF-8 BOM, Excel's own way of saving CSV UTF-8, as if it had none", async () => {
    const before = await readDatabaseState(databaseUrl);
    const response = await uploadFile(app, cookie, `\uFEFF${HEADER}\r\n${GOOD_ROW}\r\n`, { fileName: "bom.csv" });
    expect(response.status).toBe(201);
    const { edition, observations } = (await response.json()) as { edition: { id: number }; observations: number };
    expect(observations).toBe(1);
    expect((await editionAction(app, cookie, edition.id, "delete")).status).toBe(204);
    expect((await readDatabaseState(databaseUrl)).editions).toEqual(before.editions);
    recordFigures(AREA, { requests: 2, inputs: 1 });
  });
});

describe("oversized requests", () => {
  /** Sends headers declaring `declaredBytes` and only a little of the body; resolves with the status once answered. */
  function declareHugeBody(declaredBytes: number, withCookie: boolean): Promise<{ status: number; ms: number }> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const query = new URLSearchParams({ fileName: "huge.csv", title: "Too big", source: "The resilience suite" });
      const request = http.request(`${app.url}/api/admin/uploads?${query}`, {
        method: "POST",
        headers: { ...adminHeaders(app, withCookie ? cookie : undefined), "content-length": String(declaredBytes) },
      });
      request.on("response", (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started });
        request.destroy();
      });
      request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
      request.write(`${HEADER}\n`);
    });
  }

  it("refuses a body declared larger than the limit at once, without waiting for it", async () => {
    const before = await readDatabaseState(databaseUrl);
    const signedIn = await declareHugeBody(60 * 1024 * 1024, true);
    expect(signedIn.status).toBe(413);
    expect(signedIn.ms).toBeLessThan(5000);
    // Anyone not signed in is refused before the size even matters.
    expect((await declareHugeBody(60 * 1024 * 1024, false)).status).toBe(401);
    expect(await readDatabaseState(databaseUrl)).toEqual(before);
    recordFigures(AREA, { requests: 2, inputs: 2 });
  });

  it("stops reading a body sent without a length once it passes the limit", async () => {
    const before = await readDatabaseState(databaseUrl);
    const row = `${GOOD_ROW}\n`;
    const chunk = Buffer.from(row.repeat(Math.ceil((1024 * 1024) / row.length)));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 80 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const query = new URLSearchParams({ fileName: "endless.csv", title: "Too big", source: "The resilience suite" });
    const response = await fetch(`${app.url}/api/admin/uploads?${query}`, {
      method: "POST",
      headers: adminHeaders(app, cookie),
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/50 MB/);
    expect(await readDatabaseState(databaseUrl)).toEqual(before);
    recordFigures(AREA, { requests: 1, inputs: 1 });
  });
});
