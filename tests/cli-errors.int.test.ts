import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Runs `npm run db:migrate` with the given environment and returns its exit code and stderr. */
function runMigrate(env: Record<string, string>) {
  const result = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe("bad configuration gives one clear line, not a stack trace", () => {
  it("a malformed DATABASE_URL", () => {
    const { status, stderr } = runMigrate({ DATABASE_URL: "localhost:5432/torch" });
    expect(status).toBe(1);
    expect(stderr).toBe(
      "✖ DATABASE_URL: DATABASE_URL must look like postgresql://user:password@host:5432/database (or leave it unset to use the embedded database)",
    );
  });

  it("an unreachable PostgreSQL server", () => {
    const { status, stderr } = runMigrate({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/torch" });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^✖ Cannot reach PostgreSQL at 127\.0\.0\.1:1\/torch: is the server running\?/);
    expect(stderr.split("\n")).toHaveLength(1);
  });

  it("an embedded data folder that cannot be written", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torch-cli-"));
    fs.writeFileSync(path.join(dir, "data"), "a file where the folder should be");
    const { status, stderr } = runMigrate({ DATA_DIR: path.join(dir, "data") });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^✖ Cannot create the embedded database folder .*: a file is in the way/);
    expect(stderr.split("\n")).toHaveLength(1);
    fs.rmSync(dir, { recursive: true });
  });
});
