// Runs `prisma generate` on install. Prisma's CLI insists that a schema-engine
// binary exists, but generate never executes it, and the real one cannot be
// downloaded on machines without access to Prisma's own host. Point the CLI at
// any existing file unless the user has configured a real engine.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
