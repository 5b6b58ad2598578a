import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/lib/server/auth/auth";
import { getAuthSecret } from "@/lib/server/auth/secret";
import { openDatabase, type Database } from "@/lib/server/db";
import { createTestDatabase, dropTestDatabase } from "./support/test-database";

// `npm run admin:create`, run as a child process the way an operator runs it.

let url: string;
let db: Database;

/** Runs admin:create with these arguments and environment; returns exit code, stdout and stderr. */
function adminCreate(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync("npm", ["run", "--silent", "admin:create", "--", ...args], {
    env: { ...process.env, DATABASE_URL: url, DATA_DIR: "", ADMIN_PASSWORD: undefined, ...env },
    encoding: "utf8",
    timeout: 60_000,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

beforeAll(async () => {
  url = await createTestDatabase("admin_create");
});

afterAll(async () => {
  await db?.close();
  await dropTestDatabase(url);
});

describe("npm run admin:create", () => {
  it("creates an admin on an empty database (migrating it) whose password then signs in", async () => {
    const { status, stdout, stderr } = adminCreate(["--email", "Chief@Example.org", "--name", "Chief Editor"], {
      ADMIN_PASSWORD: "a long and secret passphrase",
    });
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^✔ Created admin chief@example\.org \(Chief Editor\) in the postgres database/);

    db = await openDatabase({ kind: "postgres", url });
    const user = await db.prisma.user.findUnique({
      where: { email: "chief@example.org" },
      include: { accounts: true },
    });
    expect(user).toMatchObject({ role: "admin", name: "Chief Editor" });
    expect(user?.accounts[0]?.password).not.toContain("a long and secret passphrase");

    const auth = createAuth(db, { secret: await getAuthSecret(db, undefined), isSecure: false });
    const signIn = (password: string) =>
      auth.handler(
        new Request("http://localhost:3000/api/auth/sign-in/email", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://localhost:3000",
            "x-forwarded-for": "192.0.2.1",
          },
          body: JSON.stringify({ email: "chief@example.org", password }),
        }),
      );
    expect((await signIn("a long and secret passphrase")).status).toBe(200);
    expect((await signIn("a wrong passphrase!")).status).toBe(401);

    const created = await db.prisma.auditEvent.findFirst({ where: { action: "user.created" } });
    expect(created).toMatchObject({ actorId: null, details: { email: "chief@example.org", role: "admin" } });
  });

  it("creates an editor with --role editor", () => {
    const { status } = adminCreate(["--email", "helper@example.org", "--role", "editor"], {
      ADMIN_PASSWORD: "another long password",
    });
    expect(status).toBe(0);
  });

  it.each([
    [
      ["--email", "weak@example.org"],
      { ADMIN_PASSWORD: "short" },
      "✖ The password is too weak: use at least 12 characters",
    ],
    [
      ["--email", "CHIEF@example.org"],
      { ADMIN_PASSWORD: "a long and secret passphrase" },
      "✖ A user with the email chief@example.org already exists.",
    ],
    [
      ["--email", "x@example.org", "--role", "owner"],
      { ADMIN_PASSWORD: "a long and secret passphrase" },
      "✖ Role must be admin or editor",
    ],
    [["--email", "not-an-email"], { ADMIN_PASSWORD: "a long and secret passphrase" }, "✖ Enter a valid email address"],
    [[], { ADMIN_PASSWORD: "a long and secret passphrase" }, /^✖ --email is required\. Usage: npm run admin:create/],
    [["--email", "x@example.org", "--admin"], {}, /^✖ Unknown option '--admin'/],
    [
      ["--email", "nopass@example.org"],
      {},
      "✖ No password: set ADMIN_PASSWORD, or run this in a terminal to be asked for one.",
    ],
  ] as const)("refuses %j with one line and a non-zero exit", async (args, env, message) => {
    const before = await db.prisma.user.count();
    const { status, stderr } = adminCreate([...args], env);
    expect(status).toBe(1);
    if (typeof message === "string") expect(stderr).toBe(message);
    else expect(stderr).toMatch(message);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(await db.prisma.user.count()).toBe(before);
  });
});
