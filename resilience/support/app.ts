import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createTestDatabase } from "@/tests/support/test-database";

// Real production servers for the suite: `scripts/start.ts` on the build in
// .next, each on its own port and database (ports 3201-3219; the e2e servers use 31xx).

export interface RunningApp {
  url: string;
  process: ChildProcess;
  /** SIGTERM, as an operator stops it; resolves once it has exited. */
  stop(): Promise<void>;
  /** SIGKILL: no clean-up at all, as a crash or an OOM kill. */
  kill(): Promise<void>;
}

/** Where a server answers: all the HTTP helpers need, so they drive an instance of a cluster or nginx too. */
export type AppAddress = Pick<RunningApp, "url">;

export interface StartOptions {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  /** The path that answers 200 once the server is ready (default /api/health; use / when the database is down). */
  readyPath?: string;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startApp(options: StartOptions): Promise<RunningApp> {
  const url = `http://127.0.0.1:${options.port}`;
  // node itself, not npx: a signal reaches the server, not a wrapper.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "--no-build"], {
    env: { ...process.env, DATABASE_URL: options.databaseUrl, PORT: String(options.port), NODE_ENV: "production", ...options.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const app: RunningApp = {
    url,
    process: child,
    async stop() {
      child.kill("SIGTERM");
      await exited(child);
    },
    async kill() {
      child.kill("SIGKILL");
      await exited(child);
    },
  };
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}${options.readyPath ?? "/api/health"}`)).ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await app.kill();
  throw new Error(`The server on port ${options.port} did not become ready: ${stderr}`);
}

export interface TestUser {
  email: string;
  password: string;
  role: "admin" | "editor";
}

export const USERS = {
  admin: { email: "resilience-admin@example.org", password: "resilience admin password, long enough", role: "admin" },
  editor: { email: "resilience-editor@example.org", password: "resilience editor password, long enough", role: "editor" },
} as const satisfies Record<string, TestUser>;

/** A fresh database, migrated and seeded, with the suite's accounts made by `npm run admin:create`. */
export async function createAppDatabase(label: string): Promise<string> {
  const databaseUrl = await createTestDatabase(`res_${label}`);
  for (const user of Object.values(USERS)) {
    const result = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/admin-create.ts", "--email", user.email, "--role", user.role],
      { env: { ...process.env, DATABASE_URL: databaseUrl, ADMIN_PASSWORD: user.password }, encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`admin:create failed for ${user.email}: ${result.stderr}`);
  }
  return databaseUrl;
}

/** Signs in through the app's own endpoint; returns the Cookie header to send. */
export async function signIn(app: AppAddress, user: TestUser, address = "10.9.0.1"): Promise<string> {
  const response = await fetch(`${app.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, "x-forwarded-for": address },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  if (!response.ok) throw new Error(`Sign-in as ${user.email} answered ${response.status}: ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  return cookies.join("; ");
}
