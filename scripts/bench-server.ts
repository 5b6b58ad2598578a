// The production server the benchmark measures: `scripts/start.ts --no-build`
// on a given database, on BENCH_PORT (3150 unless set).
import { spawn, type ChildProcess } from "node:child_process";

export const BENCH_PORT = Number(process.env.BENCH_PORT || 3150);
export const BASE = `http://127.0.0.1:${BENCH_PORT}`;

export interface BenchServer {
  stop(): Promise<void>;
  /** From the server's start until /api/health said its read model was ready (the data version warmed up). */
  warmInMs: number;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 250));

async function isAnswering(): Promise<boolean> {
  try {
    return (await fetch(`${BASE}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function waitUntilHealthy(child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 480; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before it was ready`);
    if (await isAnswering()) return;
    await pause();
  }
  throw new Error("The server did not start within two minutes");
}

/** Until /api/health says the read model is ready. */
async function waitUntilWarm(): Promise<void> {
  for (let attempt = 0; attempt < 2_400; attempt++) {
    const health = (await (await fetch(`${BASE}/api/health`)).json()) as { readModel?: string };
    if (health.readModel === "ready") return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The server's read model was not ready within two minutes");
}

/**
 * Starts the server on `databaseUrl` (migrating and seeding it if empty) and waits until it answers and its read
 * model is ready, as a deployment would before sending it traffic.
 */
export async function startServer(databaseUrl: string): Promise<BenchServer> {
  if (await isAnswering())
    throw new Error(`Something already answers on port ${BENCH_PORT}: set BENCH_PORT to a free port`);
  const started = performance.now();
  // Its own process group, so stopping it stops the Next.js server it starts too.
  const child = spawn("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/start.ts", "--no-build"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(BENCH_PORT) },
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    await exited;
    // The Next.js server is a grandchild: the port is free only once it has gone too.
    while (await isAnswering()) await pause();
  };
  try {
    await waitUntilHealthy(child);
    await waitUntilWarm();
    return { stop, warmInMs: performance.now() - started };
  } catch (error) {
    await stop();
    throw error;
  }
}
