import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editionAction, uploadFile } from "./support/admin-api";
import { createAppDatabase, signIn, startApp, USERS, type RunningApp } from "./support/app";
import { queryDatabase, readDatabaseState } from "./support/database-state";
import { recordFigures } from "./support/figures";
import { callServerAction } from "./support/server-actions";

// Every write refused to whoever may not make it, sign-in guessing throttled,
// and every response carrying its content-security and framing rules.

const AREA = "security";
const CSV = "year,level,geo,indicator,value,unit\n2017,national,CN,park_count,157,个\n";

let app: RunningApp;
let databaseUrl: string;
let adminCookie: string;
let editorCookie: string;
let draftId: number;
let publishedId: number;

beforeAll(async () => {
  databaseUrl = await createAppDatabase("security");
  // TRUST_PROXY: each test names its own client address, so one test's failed sign-ins never throttle another's.
  app = await startApp({ port: 3211, databaseUrl, env: { TRUST_PROXY: "1" } });
  adminCookie = await signIn(app, USERS.admin, "10.1.0.1");
  editorCookie = await signIn(app, USERS.editor, "10.1.0.2");
  const upload = await uploadFile(app, editorCookie, CSV, { fileName: "draft.csv" });
  expect(upload.status).toBe(201);
  draftId = ((await upload.json()) as { edition: { id: number } }).edition.id;
  const [published] = await queryDatabase<{ id: number }>(databaseUrl, `SELECT id FROM edition WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`);
  publishedId = published!.id;
});

afterAll(async () => {
  await app?.stop();
});

type TWrite = { name: string; send: (cookie: string | undefined, headers?: Record<string, string>) => Promise<Response> };

function writeRoutes(): TWrite[] {
  return [
    { name: "upload", send: (cookie, headers) => uploadFile(app, cookie, CSV, { fileName: "again.csv" }, headers) },
    { name: "publish", send: (cookie, headers) => editionAction(app, cookie, draftId, "publish", headers) },
    { name: "retire", send: (cookie, headers) => editionAction(app, cookie, publishedId, "retire", headers) },
    { name: "delete", send: (cookie, headers) => editionAction(app, cookie, draftId, "delete", headers) },
  ];
}

/** Sends a request that must be refused with `status`; checks nothing in the database changed. */
async function expectRefused(send: () => Promise<Response>, status: number, what: string): Promise<void> {
  const before = await readDatabaseState(databaseUrl);
  const response = await send();
  expect(response.status, what).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.message.length, what).toBeGreaterThan(10);
  const after = await readDatabaseState(databaseUrl);
  expect(after, what).toEqual(before);
  recordFigures(AREA, { requests: 1, inputs: 1, dataLost: JSON.stringify(after) === JSON.stringify(before) ? 0 : 1 });
}

describe("write routes", () => {
  it("refuses every write without a session (401), forged or not", async () => {
    for (const route of writeRoutes()) {
      await expectRefused(() => route.send(undefined), 401, `${route.name}, anonymous`);
      await expectRefused(() => route.send("better-auth.session_token=forged.value"), 401, `${route.name}, forged cookie`);
    }
  });

  it("refuses every write from another site's page, even with a valid session (403)", async () => {
    for (const route of writeRoutes()) {
      await expectRefused(() => route.send(adminCookie, { origin: "https://evil.example" }), 403, `${route.name}, foreign Origin`);
      await expectRefused(() => route.send(adminCookie, { origin: "null" }), 403, `${route.name}, opaque Origin`);
      await expectRefused(
        () => route.send(adminCookie, { origin: app.url, "sec-fetch-site": "cross-site" }),
        403,
        `${route.name}, cross-site fetch`,
      );
    }
  });

  it("refuses a session that was signed out, or has expired (401)", async () => {
    const signedOut = await signIn(app, USERS.editor, "10.1.0.3");
    const signOut = await fetch(`${app.url}/api/auth/sign-out`, {
      method: "POST",
      headers: { cookie: signedOut, origin: app.url, "content-type": "application/json" },
      body: "{}",
    });
    expect(signOut.status).toBe(200);
    const expired = await signIn(app, USERS.editor, "10.1.0.4");
    const token = decodeURIComponent(expired.match(/session_token=([^;.]+)/)![1]!);
    await queryDatabase(databaseUrl, `UPDATE session SET expires_at = now() - interval '1 minute' WHERE token = $1`, [token]);
    for (const route of writeRoutes()) {
      await expectRefused(() => route.send(signedOut), 401, `${route.name}, signed-out session`);
      await expectRefused(() => route.send(expired), 401, `${route.name}, expired session`);
    }
  });

  it("refuses an editor what only an admin may do: the users page and its actions", async () => {
    const page = await fetch(`${app.url}/admin/users`, { headers: { cookie: editorCookie } });
    expect(page.status).toBe(403);
    recordFigures(AREA, { requests: 1, inputs: 1 });

    const newUser = { email: "made-by-editor@example.org", name: "Not allowed", role: "admin", password: "a password long enough!" };
    const before = await readDatabaseState(databaseUrl);
    const asEditor = await callServerAction(app, "/admin/users", "createUserAction", newUser, editorCookie);
    expect(asEditor).toContain('"status":"error"');
    expect(await readDatabaseState(databaseUrl)).toEqual(before);
    recordFigures(AREA, { requests: 1, inputs: 1 });

    // The same call as an admin works: the refusal above was the guard's, not a malformed request.
    const asAdmin = await callServerAction(app, "/admin/users", "createUserAction", { ...newUser, email: "made-by-admin@example.org" }, adminCookie);
    expect(asAdmin).toContain('"status":"done"');
    expect((await readDatabaseState(databaseUrl)).users).toContain("made-by-admin@example.org admin");
  });

  it("still lets the right people write: the refusals are not a broken route", async () => {
    const response = await editionAction(app, editorCookie, draftId, "delete");
    expect(response.status).toBe(204);
    expect((await readDatabaseState(databaseUrl)).editions.some((line) => line.startsWith(`${draftId} `))).toBe(false);
  });
});

describe("sign-in", () => {
  it("throttles password guessing per address: the 6th try in a minute gets 429 with Retry-After", async () => {
    const attempt = (password: string, address: string) =>
      fetch(`${app.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.url, "x-forwarded-for": address },
        body: JSON.stringify({ email: USERS.admin.email, password }),
      });
    for (let guess = 1; guess <= 5; guess++) expect((await attempt(`wrong guess number ${guess}`, "10.2.0.1")).status).toBe(401);
    const throttled = await attempt(USERS.admin.password, "10.2.0.1");
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is not held back by the guesser.
    expect((await attempt(USERS.admin.password, "10.2.0.2")).status).toBe(200);
    recordFigures(AREA, { requests: 7, inputs: 6 });
  });

  it("counts by the connection's address when no proxy is trusted: a forged X-Forwarded-For does not reset the count", async () => {
    const direct = await startApp({ port: 3212, databaseUrl });
    try {
      const attempt = (guess: number) =>
        fetch(`${direct.url}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: direct.url, "x-forwarded-for": `10.3.0.${guess}` },
          body: JSON.stringify({ email: USERS.editor.email, password: `wrong guess number ${guess}` }),
        });
      const statuses: number[] = [];
      for (let guess = 1; guess <= 6; guess++) statuses.push((await attempt(guess)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      recordFigures(AREA, { requests: 6, inputs: 6 });
    } finally {
      await direct.stop();
    }
  });
});

describe("response headers", () => {
  const PAGES = ["/", "/?level=province&view=map", "/overview", "/editions", "/editions/public-sources", "/api/docs", "/admin/sign-in", "/admin", "/s/nosuchcode", "/no-such-page"];
  const NOT_PAGES = ["/api/health", "/api/v1/series?metric=exports", "/api/v1/meta", "/api/v1/openapi.json", "/api/v1/series?metric=nonsense", "/og?metric=exports", "/editions/public-sources/diff.csv", "/api/admin/templates/long.csv", "/api/auth/get-session", "/icon.svg"];

  it("gives every page a fresh script nonce and refuses framing everywhere but /embed", async () => {
    const nonces = new Set<string>();
    for (const path of [...PAGES, ...PAGES]) {
      const response = await fetch(`${app.url}${path}`, { redirect: "manual" });
      const policy = response.headers.get("content-security-policy") ?? "";
      const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
      expect(nonce, path).toBeTruthy();
      nonces.add(nonce!);
      expect(policy, path).toContain("object-src 'none'");
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      if (response.status === 200) expect(await response.text(), path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(PAGES.length * 2);
    recordFigures(AREA, { requests: PAGES.length * 2 });
  });

  it("lets any site frame /embed", async () => {
    const response = await fetch(`${app.url}/embed?metric=park_count&level=nation`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors \*(;|$)/);
    expect(response.headers.get("x-frame-options")).toBeNull();
    recordFigures(AREA, { requests: 1 });
  });

  it("lets the API, images and downloads load nothing and be framed nowhere", async () => {
    for (const path of NOT_PAGES) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
    }
    recordFigures(AREA, { requests: NOT_PAGES.length });
  });
});
