// Several production servers behind nginx on one machine: what `npm run
// cluster` runs, and what a test starts, drives (an instance killed and
// restarted) and stops. Each instance is `scripts/start.ts --no-build` on its
// own port with TRUST_PROXY=1; nginx runs deploy/nginx.conf, filled in, from a
// temporary prefix of its own.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { AppError } from "@/lib/server/errors";
import { buildIfStale } from "./build-if-stale";

const NGINX_TEMPLATE = path.join("deploy", "nginx.conf");
const NGINX_BINARIES = ["/usr/sbin/nginx", "nginx"];
const READY_TIMEOUT_MS = 120_000;

export interface ClusterOptions {
  instances: number;
  /** nginx's port. */
  port: number;
  /** Instance i listens on firstAppPort + i. */
  firstAppPort: number;
  /** The primary every instance uses (PGlite serves one process only). */
  databaseUrl: string;
  /** Added to every instance's environment (which is this process's, with PORT, TRUST_PROXY=1 and DATABASE_URL set). */
  env?: Record<string, string>;
  /** Each line the instances and nginx print, labelled; default: this process's stdout. */
  onOutput?: (line: string) => void;
}

/** One `npm start` of the cluster. */
export interface ClusterInstance {
  port: number;
  url: string;
  isRunning(): boolean;
  /** Starts it (again) and resolves once its /api/health answers 200. */
  start(): Promise<void>;
  /** SIGTERM, as an operator stops it; resolves once it has exited. */
  stop(): Promise<void>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
}

export interface Cluster {
  /** nginx's address. */
  url: string;
  instances: ClusterInstance[];
  /** nginx's prefix: its config, logs/ and cache/. Removed by stop(). */
  prefix: string;
  /** Stops nginx, then every instance still running; removes the prefix. */
  stop(): Promise<void>;
}

/** deploy/nginx.conf with the port nginx listens on and one upstream server per instance. */
export function renderNginxConfig(template: string, options: { port: number; appPorts: readonly number[] }): string {
  const servers = options.appPorts.map((port) => `server 127.0.0.1:${port} max_fails=2 fail_timeout=5s;`).join("\n        ");
  return template.replaceAll("{{port}}", String(options.port)).replaceAll("{{app_servers}}", servers);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function answersOk(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** Passes a child's output on line by line, labelled; keeps the last few KB for an error message. */
function relayOutput(child: ChildProcess, label: string, onOutput: (line: string) => void): () => string {
  let tail = "";
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4_000);
      const lines = (pending + text).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) onOutput(`[${label}] ${line}`);
    });
  }
  return () => tail;
}

async function waitUntilReady(child: ChildProcess, url: string, what: string, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited before it was ready:\n${output()}`);
    if (await answersOk(url)) return;
    await pause(250);
  }
  throw new Error(`${what} did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

function createInstance(port: number, env: NodeJS.ProcessEnv, onOutput: (line: string) => void): ClusterInstance {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const isRunning = () => child !== null && child.exitCode === null && child.signalCode === null;
  const end = async (signal: NodeJS.Signals) => {
    if (!child) return;
    if (isRunning()) child.kill(signal);
    await exited(child);
  };
  return {
    port,
    url,
    isRunning,
    async start() {
      if (isRunning()) return;
      // node itself, not npm or npx: a signal reaches the server, not a wrapper.
      child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "--no-build"], {
        env: { ...env, PORT: String(port) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const started = child;
      const output = relayOutput(started, `app ${port}`, onOutput);
      try {
        await waitUntilReady(started, `${url}/api/health`, `The instance on port ${port}`, output);
      } catch (error) {
        if (isRunning()) started.kill("SIGKILL");
        throw error;
      }
    },
    stop: () => end("SIGTERM"),
    kill: () => end("SIGKILL"),
  };
}

function findNginx(): string {
  const found = NGINX_BINARIES.find((binary) => spawnSync(binary, ["-v"]).status === 0);
  if (!found) throw new AppError("BAD_REQUEST", "nginx is not installed: install Debian's nginx package (apt-get install nginx).");
  return found;
}

/**
 * Builds the app if the build is stale, starts the instances (the first alone,
 * as it may migrate and seed the database), then nginx in front of them.
 * Resolves once nginx answers /api/health; on failure stops what it started.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { instances: count, port, firstAppPort, databaseUrl } = options;
  const onOutput = options.onOutput ?? ((line: string) => console.log(line));
  const appPorts = Array.from({ length: count }, (_, i) => firstAppPort + i);
  for (const taken of [port, ...appPorts]) {
    if (await isPortTaken(taken)) throw new AppError("BAD_REQUEST", `Port ${taken} is in use: choose others with --port or --first-app-port.`);
  }
  const nginxBinary = findNginx();
  buildIfStale();

  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, TRUST_PROXY: "1", ...options.env };
  const instances = appPorts.map((appPort) => createInstance(appPort, env, onOutput));
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "torch-cluster-"));
  // Started as root, nginx's workers run as nobody, and must reach their temp and cache folders.
  fs.chmodSync(prefix, 0o755);
  let nginx: ChildProcess | null = null;
  // If this process ends without stop() (an uncaught error), nothing it started outlives it.
  const killAll = () => {
    nginx?.kill("SIGKILL");
    for (const instance of instances) if (instance.isRunning()) void instance.kill();
  };
  process.once("exit", killAll);

  const stop = async () => {
    process.off("exit", killAll);
    if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
      nginx.kill("SIGTERM");
      await exited(nginx);
    }
    await Promise.all(instances.map((instance) => instance.stop()));
    fs.rmSync(prefix, { recursive: true, force: true });
  };

  try {
    await instances[0]!.start();
    await Promise.all(instances.slice(1).map((instance) => instance.start()));

    for (const folder of ["logs", "temp", "cache"]) fs.mkdirSync(path.join(prefix, folder));
    const config = path.join(prefix, "nginx.conf");
    fs.writeFileSync(config, renderNginxConfig(fs.readFileSync(NGINX_TEMPLATE, "utf8"), { port, appPorts }));
    const args = ["-p", `${prefix}/`, "-e", path.join(prefix, "logs", "error.log"), "-c", config];
    const check = spawnSync(nginxBinary, ["-t", "-q", ...args], { encoding: "utf8" });
    if (check.status !== 0) throw new Error(`nginx rejected its configuration:\n${check.stderr}`);
    nginx = spawn(nginxBinary, args, { stdio: ["ignore", "pipe", "pipe"] });
    const nginxOutput = relayOutput(nginx, "nginx", onOutput);
    const url = `http://127.0.0.1:${port}`;
    await waitUntilReady(nginx, `${url}/api/health`, "nginx", () => nginxOutput() + readIfExists(path.join(prefix, "logs", "error.log")));
    return { url, instances, prefix, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function readIfExists(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").slice(-4_000) : "";
}
