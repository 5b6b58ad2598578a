import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { createAuth, SESSION_SECONDS, SIGN_IN_RATE_LIMIT } from "@/lib/server/auth/auth";
import { assertSameOrigin, requireUser } from "@/lib/server/auth/guard";
import { getAuthSecret } from "@/lib/server/auth/secret";
import { signInWithPassword } from "@/lib/server/auth/session-flow";
import { getDatabase, openDatabase, type Database } from "@/lib/server/db";
import { toErrorResponse } from "@/lib/server/errors";
import { migrate } from "@/lib/server/migrate";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { createUser, type TCreatedUser } from "@/lib/server/users/create-user";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// Sign-in through Better Auth's real HTTP handler (the app's /api/auth route),
// the guard, and the generated secret, on a fresh PostgreSQL database that the
// app's own getDatabase() opens through DATABASE_URL.

const ORIGIN = "http://localhost:3000";
const PASSWORD = "correct horse battery";
let db: Database;
let setupDb: Database;
let url: string;
let admin: TCreatedUser;
let editor: TCreatedUser;

let lastIp = 0;
/** Every test signs in from its own address, so the sign-in rate limit of one never trips another. */
const freshIp = () => `10.0.${Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`;

interface TRequestOptions {
  ip?: string;
  cookie?: string;
  origin?: string | null;
  base?: string;
}

function authRequest(route: string, body: unknown, options: TRequestOptions = {}): Request {
  const base = options.base ?? ORIGIN;
  const headers = new Headers({ "content-type": "application/json", "x-forwarded-for": options.ip ?? freshIp() });
  if (options.origin !== null) headers.set("origin", options.origin ?? base);
  if (options.cookie) headers.set("cookie", options.cookie);
  return new Request(`${base}/api/auth${route}`, { method: "POST", headers, body: JSON.stringify(body) });
}

function signIn(email: string, password: string, options: TRequestOptions = {}): Promise<Response> {
  return authPost(authRequest("/sign-in/email", { email, password }, options));
}

/** "name=value" of the session cookie a response sets. */
function sessionCookie(response: Response): string {
  const header = response.headers.getSetCookie().find((line) => line.includes("session_token="));
  if (!header) throw new Error(`No session cookie in ${response.status} response`);
  return header.split(";")[0]!;
}

async function signedInCookie(email: string): Promise<string> {
  const response = await signIn(email, PASSWORD);
  expect(response.status).toBe(200);
  return sessionCookie(response);
}

/** The HTTP status the app answers for what `work` throws (200 when it does not throw). */
async function statusOf(work: Promise<unknown>): Promise<number> {
  try {
    await work;
    return 200;
  } catch (error) {
    return toErrorResponse(error).status;
  }
}

function writeRequest(cookie: string | undefined, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/api/v1/editions`, {
    method: "POST",
    headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}), ...headers },
  });
}

beforeAll(async () => {
  let setupUrl: string;
  ({ db: setupDb, url: setupUrl } = await openTestDatabase("auth"));
  url = setupUrl;
  await migrate(setupDb);
  for (const name of ["BETTER_AUTH_SECRET", "PUBLIC_URL", "TRUSTED_ORIGINS", "BETTER_AUTH_URL"])
    delete process.env[name];
  process.env.DATABASE_URL = url;
  db = await getDatabase();
  admin = await createUser(
    db,
    { email: "Admin@Example.org", name: "Ada Admin", role: "admin", password: PASSWORD },
    null,
  );
  editor = await createUser(db, { email: "editor@example.org", role: "editor", password: PASSWORD }, admin.id);
});

afterAll(async () => {
  await db?.close();
  await setupDb?.close();
  await dropTestDatabase(url);
});

describe("sign-in through Better Auth's handler", () => {
  it("signs in with the right password and sets an httpOnly, SameSite=Lax session cookie (not Secure over http)", async () => {
    const response = await signIn("admin@example.org", PASSWORD);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: { email: string; role: string } };
    expect(body.user).toMatchObject({ email: "admin@example.org", role: "admin" });

    const header = response.headers.getSetCookie().find((line) => line.startsWith("better-auth.session_token="));
    expect(header).toBeDefined();
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).toMatch(/; SameSite=Lax/i);
    expect(header).toMatch(/; Path=\//i);
    expect(header).toMatch(new RegExp(`; Max-Age=${SESSION_SECONDS}`, "i"));
    expect(header).not.toMatch(/; Secure/i);

    const sessions = await db.prisma.session.count({ where: { userId: admin.id } });
    expect(sessions).toBeGreaterThan(0);
  });

  it("sets a Secure, __Secure- prefixed cookie when the request came over https", async () => {
    const viaUrl = await signIn("admin@example.org", PASSWORD, { base: "https://atlas.example.org" });
    expect(viaUrl.status).toBe(200);
    const header = viaUrl.headers.getSetCookie().find((line) => line.includes("session_token="));
    expect(header).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(header).toMatch(/; Secure/i);
    expect(header).toMatch(/; HttpOnly/i);

    // Behind a proxy that terminates TLS and says so.
    const request = authRequest("/sign-in/email", { email: "admin@example.org", password: PASSWORD });
    request.headers.set("x-forwarded-proto", "https");
    const viaProxy = await authPost(request);
    expect(viaProxy.status).toBe(200);
    expect(viaProxy.headers.getSetCookie().join("\n")).toMatch(/__Secure-better-auth\.session_token=.*; Secure/i);
  });

  it("refuses a wrong password and an unknown email alike, with no cookie, and records both without the password", async () => {
    const wrong = await signIn("editor@example.org", "not the password at all");
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { code: string }).code).toBe("INVALID_EMAIL_OR_PASSWORD");
    expect(wrong.headers.getSetCookie().filter((line) => line.includes("session_token="))).toEqual([]);

    const unknown = await signIn("nobody@example.org", "not the password at all");
    expect(unknown.status).toBe(401);

    const events = await db.prisma.auditEvent.findMany({
      where: { action: "auth.sign_in_failed" },
      orderBy: { id: "asc" },
    });
    const emails = events.map((event) => (event.details as { email: string }).email);
    expect(emails).toEqual(expect.arrayContaining(["editor@example.org", "nobody@example.org"]));
    expect(events.every((event) => event.actorId === null)).toBe(true);
    expect(JSON.stringify(events.map((event) => event.details))).not.toContain("not the password at all");
  });

  it("records successful sign-ins with the user, email and address", async () => {
    const ip = freshIp();
    expect((await signIn("editor@example.org", PASSWORD, { ip })).status).toBe(200);
    const event = await db.prisma.auditEvent.findFirst({
      where: { action: "auth.sign_in", actorId: editor.id },
      orderBy: { id: "desc" },
    });
    expect(event?.details).toEqual({ email: "editor@example.org", ip });
    expect(JSON.stringify(event?.details)).not.toContain(PASSWORD);
  });

  it(`answers 429 after ${SIGN_IN_RATE_LIMIT.max} attempts a minute from one address, counted in the database`, async () => {
    const ip = freshIp();
    for (let attempt = 1; attempt <= SIGN_IN_RATE_LIMIT.max; attempt++) {
      expect((await signIn("editor@example.org", `wrong guess ${attempt}!!`, { ip })).status).toBe(401);
    }
    const throttled = await signIn("editor@example.org", "wrong guess again!!", { ip });
    expect(throttled.status).toBe(429);
    expect(await throttled.json()).toEqual({ message: "Too many requests. Please try again later." });
    const retryAfter = Number(throttled.headers.get("x-retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_RATE_LIMIT.window);
    expect(throttled.headers.get("retry-after")).toBe(String(retryAfter));

    // Even the right password waits; another address does not.
    expect((await signIn("editor@example.org", PASSWORD, { ip })).status).toBe(429);
    expect((await signIn("editor@example.org", PASSWORD, { ip: freshIp() })).status).toBe(200);

    const row = await db.prisma.rateLimit.findUnique({ where: { key: `${ip}|/sign-in/email` } });
    expect(row?.count).toBe(SIGN_IN_RATE_LIMIT.max);
  });

  it("tells the sign-in form which error to show, and hands it the cookies to set", async () => {
    const headers = (ip: string) =>
      new Headers({ host: "localhost:3000", origin: ORIGIN, "x-forwarded-for": ip, "x-forwarded-proto": "http" });
    const ip = freshIp();
    const ok = await signInWithPassword(headers(ip), { email: "editor@example.org", password: PASSWORD });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.cookies.find((cookie) => cookie.name === "better-auth.session_token")?.options).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: SESSION_SECONDS,
    });

    expect(
      await signInWithPassword(headers(ip), { email: "editor@example.org", password: "wrong password!!" }),
    ).toEqual({
      ok: false,
      code: "INVALID_CREDENTIALS",
    });
    const limited = freshIp();
    for (let attempt = 0; attempt < SIGN_IN_RATE_LIMIT.max; attempt++) {
      await signInWithPassword(headers(limited), { email: "editor@example.org", password: "wrong password!!" });
    }
    expect(
      await signInWithPassword(headers(limited), { email: "editor@example.org", password: PASSWORD }),
    ).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      retryAfterSeconds: expect.any(Number),
    });
  });

  it("has no public sign-up", async () => {
    const response = await authPost(
      authRequest("/sign-up/email", { email: "new@example.org", password: PASSWORD, name: "New" }),
    );
    expect(response.status).toBe(400);
    expect(await db.prisma.user.count({ where: { email: "new@example.org" } })).toBe(0);
  });

  it("signs out: the session is gone, the cookie cleared, and the sign-out recorded", async () => {
    const cookie = await signedInCookie("editor@example.org");
    expect(await statusOf(requireUser(writeRequest(cookie), { role: "editor" }))).toBe(200);

    const response = await authPost(authRequest("/sign-out", {}, { cookie }));
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join("\n")).toMatch(/better-auth\.session_token=;.*Max-Age=0/i);
    expect(await statusOf(requireUser(writeRequest(cookie), { role: "editor" }))).toBe(401);

    const event = await db.prisma.auditEvent.findFirst({ where: { action: "auth.sign_out" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: editor.id, details: { email: "editor@example.org" } });
  });

  it("serves the session to GET /api/auth/get-session", async () => {
    const cookie = await signedInCookie("admin@example.org");
    const response = await authGet(
      new Request(`${ORIGIN}/api/auth/get-session`, { headers: { cookie, "x-forwarded-for": freshIp() } }),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { email: string } }).user.email).toBe("admin@example.org");
  });
});

describe("the guard", () => {
  it("answers 401 to anonymous requests and 401 to a forged cookie", async () => {
    expect(await statusOf(requireUser(writeRequest(undefined), { role: "editor" }))).toBe(401);
    expect(await statusOf(requireUser(new Request(`${ORIGIN}/api/v1/editions`), { role: "editor" }))).toBe(401);
    const cookie = await signedInCookie("admin@example.org");
    const forged = cookie.replace(/.$/, (last) => (last === "A" ? "B" : "A"));
    expect(await statusOf(requireUser(writeRequest(forged), { role: "editor" }))).toBe(401);
  });

  it("lets editors and admins through editor routes, only admins through admin routes (403 for editors)", async () => {
    const editorCookie = await signedInCookie("editor@example.org");
    const adminCookie = await signedInCookie("admin@example.org");
    await expect(requireUser(writeRequest(editorCookie), { role: "editor" })).resolves.toMatchObject({
      id: editor.id,
      email: "editor@example.org",
      role: "editor",
    });
    expect(await statusOf(requireUser(writeRequest(editorCookie), { role: "admin" }))).toBe(403);
    await expect(requireUser(writeRequest(adminCookie), { role: "editor" })).resolves.toMatchObject({ role: "admin" });
    await expect(requireUser(writeRequest(adminCookie), { role: "admin" })).resolves.toMatchObject({ id: admin.id });
  });

  it("refuses writes from another site with 403, even from an admin", async () => {
    const cookie = await signedInCookie("admin@example.org");
    expect(
      await statusOf(requireUser(writeRequest(cookie, { origin: "https://evil.example" }), { role: "editor" })),
    ).toBe(403);
    expect(await statusOf(requireUser(writeRequest(cookie, { origin: "null" }), { role: "editor" }))).toBe(403);
    expect(
      await statusOf(requireUser(writeRequest(cookie, { "sec-fetch-site": "cross-site" }), { role: "editor" })),
    ).toBe(403);
    const viaReferer = new Request(`${ORIGIN}/api/v1/editions`, {
      method: "POST",
      headers: { cookie, referer: "https://evil.example/page" },
    });
    expect(await statusOf(requireUser(viaReferer, { role: "editor" }))).toBe(403);
    // Reads are not writes: a cross-site GET is judged by its session alone.
    const read = new Request(`${ORIGIN}/api/v1/editions`, { headers: { cookie, origin: "https://evil.example" } });
    expect(await statusOf(requireUser(read, { role: "editor" }))).toBe(200);
    // The request's own host (as the Host header says) and configured origins pass.
    const sameHost = new Request(`http://127.0.0.1:3000/api/v1/editions`, {
      method: "POST",
      headers: {
        cookie,
        host: "atlas.example.org",
        origin: "https://atlas.example.org",
        "sec-fetch-site": "same-origin",
      },
    });
    expect(await statusOf(requireUser(sameHost, { role: "editor" }))).toBe(200);
    const other = {
      method: "POST",
      headers: new Headers({ host: "localhost:3000", origin: "https://cms.example.org" }),
    };
    expect(() => assertSameOrigin(other, [])).toThrow(/another site/);
    expect(() => assertSameOrigin(other, ["https://cms.example.org"])).not.toThrow();
  });

  it("answers 401 for an expired session, a session deleted elsewhere, and a deleted user", async () => {
    const response = await signIn("editor@example.org", PASSWORD);
    const cookie = sessionCookie(response);
    const { token } = (await response.json()) as { token: string };
    await db.prisma.session.update({ where: { token }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect(await statusOf(requireUser(writeRequest(cookie), { role: "editor" }))).toBe(401);

    const second = await signIn("editor@example.org", PASSWORD);
    const secondCookie = sessionCookie(second);
    const { token: secondToken } = (await second.json()) as { token: string };
    await db.prisma.session.delete({ where: { token: secondToken } });
    expect(await statusOf(requireUser(writeRequest(secondCookie), { role: "editor" }))).toBe(401);

    const doomed = await createUser(db, { email: "doomed@example.org", role: "admin", password: PASSWORD }, admin.id);
    const doomedCookie = await signedInCookie("doomed@example.org");
    expect(await statusOf(requireUser(writeRequest(doomedCookie), { role: "admin" }))).toBe(200);
    await db.prisma.user.delete({ where: { id: doomed.id } });
    expect(await statusOf(requireUser(writeRequest(doomedCookie), { role: "admin" }))).toBe(401);
  });

  it("applies a role change on the next request and records it", async () => {
    const promoted = await createUser(
      db,
      { email: "promoted@example.org", role: "editor", password: PASSWORD },
      admin.id,
    );
    const cookie = await signedInCookie("promoted@example.org");
    expect(await statusOf(requireUser(writeRequest(cookie), { role: "admin" }))).toBe(403);
    await changeUserRole(db, promoted.id, "admin", admin.id);
    expect(await statusOf(requireUser(writeRequest(cookie), { role: "admin" }))).toBe(200);
    const event = await db.prisma.auditEvent.findFirst({
      where: { action: "user.role_changed" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ actorId: admin.id, details: { userId: promoted.id, from: "editor", to: "admin" } });
    await expect(changeUserRole(db, admin.id, "editor", admin.id)).rejects.toThrow(/cannot remove your own admin role/);
  });

  it("guards every admin page but sign-in with requirePageUser", () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === "page.tsx") pages.push(full);
      }
    };
    walk("app/admin");
    const guarded = pages.filter((page) => !page.includes(`${path.sep}sign-in${path.sep}`));
    expect(guarded.length).toBeGreaterThanOrEqual(4);
    for (const page of guarded) {
      expect(fs.readFileSync(page, "utf8"), page).toMatch(/await requirePageUser\(/);
    }
  });
});

describe("users", () => {
  it("refuses weak passwords, bad roles and taken emails (in any case) with clear messages", async () => {
    await expect(createUser(db, { email: "weak@example.org", password: "short" }, null)).rejects.toThrow(
      "The password is too weak: use at least 12 characters",
    );
    await expect(createUser(db, { email: "EDITOR@example.org", password: PASSWORD }, null)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A user with the email editor@example.org already exists.",
    });
    await expect(createUser(db, { email: "not-an-email", password: PASSWORD }, null)).rejects.toThrow(/valid email/);
    expect(await db.prisma.user.count({ where: { email: "weak@example.org" } })).toBe(0);
  });

  it("records who created whom", async () => {
    const event = await db.prisma.auditEvent.findFirst({
      where: { action: "user.created", details: { path: ["userId"], equals: editor.id } },
    });
    expect(event).toMatchObject({ actorId: admin.id, details: { email: "editor@example.org", role: "editor" } });
  });
});

describe("the auth secret", () => {
  it("is generated once, kept in the database, and shared by every caller", async () => {
    const first = await getAuthSecret(db, undefined);
    const [second, third] = await Promise.all([getAuthSecret(db, undefined), getAuthSecret(db, undefined)]);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect([second, third]).toEqual([first, first]);
    expect(await db.prisma.appSecret.count()).toBe(1);
    expect(await getAuthSecret(db, "s".repeat(40))).toBe("s".repeat(40));
  });
});

describe("on the embedded PGlite database", () => {
  it("signs in, rate-limits in the database and keeps the audit trail append-only", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torch-auth-pglite-"));
    const pglite = await openDatabase({ kind: "embedded", dataDir: path.join(dir, "pglite") });
    try {
      await migrate(pglite);
      const auth = createAuth(pglite, { secret: await getAuthSecret(pglite, undefined), isSecure: false });
      await createUser(pglite, { email: "pglite@example.org", role: "admin", password: PASSWORD }, null);
      const ip = "192.0.2.7";
      const attempt = (password: string) =>
        auth.handler(authRequest("/sign-in/email", { email: "pglite@example.org", password }, { ip }));

      const ok = await attempt(PASSWORD);
      expect(ok.status).toBe(200);
      expect(sessionCookie(ok)).toMatch(/^better-auth\.session_token=/);
      const cookie = sessionCookie(ok);
      const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
      expect(session?.user.email).toBe("pglite@example.org");

      for (let i = 1; i < SIGN_IN_RATE_LIMIT.max; i++) expect((await attempt("a wrong password")).status).toBe(401);
      expect((await attempt(PASSWORD)).status).toBe(429);

      const actions = (await pglite.prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).map(
        (event) => event.action,
      );
      expect(actions).toEqual([
        "user.created",
        "auth.sign_in",
        ...Array(SIGN_IN_RATE_LIMIT.max - 1).fill("auth.sign_in_failed"),
      ]);
      await expect(pglite.query(`DELETE FROM "audit_event"`)).rejects.toThrow(/append-only/);
    } finally {
      await pglite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
