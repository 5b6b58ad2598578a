// npm run cluster -- [--instances 2] [--port 8080] [--first-app-port 3201]
// Tries the app as it runs on several machines: N instances of `npm start` on
// ports first-app-port… (the build redone first if stale), nginx in front on
// --port, all on the PostgreSQL in DATABASE_URL (and its DATABASE_REPLICA_URL).
// Ctrl-C stops everything it started.
import { parseArgs } from "node:util";
import { z } from "zod";
import { getDatabaseConfig } from "@/lib/env";
import { AppError } from "@/lib/server/errors";
import { runCli } from "./cli";
import { startCluster } from "./start-cluster";

const USAGE = "npm run cluster -- [--instances 2] [--port 8080] [--first-app-port 3201]";

const ZPort = z.coerce.number().int().min(1).max(65535);
const ZClusterFlags = z.object({
  instances: z.coerce.number().int().min(1).max(16).default(2),
  port: ZPort.default(8080),
  "first-app-port": ZPort.default(3201),
});

function readFlags() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ options: { instances: { type: "string" }, port: { type: "string" }, "first-app-port": { type: "string" } } }));
  } catch (error) {
    throw new AppError("BAD_REQUEST", `${error instanceof Error ? error.message : String(error)}. Usage: ${USAGE}`);
  }
  const parsed = ZClusterFlags.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("BAD_REQUEST", `--${issue.path.join(".")}: ${issue.message}. Usage: ${USAGE}`);
  }
  return parsed.data;
}

runCli(async () => {
  const flags = readFlags();
  const database = getDatabaseConfig();
  if (database.kind !== "postgres")
    throw new AppError("BAD_REQUEST", "npm run cluster needs DATABASE_URL: the embedded database serves one process only.");
  // Listened for from the start: a Ctrl-C while the instances start stops them once they have.
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    for (const name of ["SIGINT", "SIGTERM"] as const) process.once(name, () => resolve(name));
  });
  const cluster = await startCluster({
    instances: flags.instances,
    port: flags.port,
    firstAppPort: flags["first-app-port"],
    databaseUrl: database.url,
  });
  const ports = cluster.instances.map((instance) => instance.port).join(", ");
  console.log(`✔ nginx on ${cluster.url} in front of ${cluster.instances.length} instances (ports ${ports}); logs and cache in ${cluster.prefix}`);
  const signal = await stopSignal;
  console.log(`… Stopping the cluster (${signal})`);
  await cluster.stop();
});
