import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, getDatabaseConfig, readEnv } from "@/lib/env";

describe("readEnv", () => {
  it("uses the embedded database in ./.data when DATABASE_URL is unset or empty", () => {
    for (const env of [{}, { DATABASE_URL: "" }]) {
      expect(getDatabaseConfig(readEnv(env))).toEqual({ kind: "embedded", dataDir: path.resolve(".data", "pglite") });
    }
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const url = "postgresql://postgres@127.0.0.1:5432/torch";
    expect(getDatabaseConfig(readEnv({ DATABASE_URL: url }))).toEqual({ kind: "postgres", url });
  });

  it.each(["mysql://localhost/db", "localhost:5432", "postgresql://"])("rejects DATABASE_URL=%s with one clear line", (url) => {
    expect(() => readEnv({ DATABASE_URL: url })).toThrow(EnvError);
    expect(() => readEnv({ DATABASE_URL: url })).toThrow(/^DATABASE_URL: DATABASE_URL must look like postgresql:\/\//);
  });

  it("rejects a PORT that is not a port", () => {
    expect(() => readEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => readEnv({ PORT: "70000" })).toThrow(/between 1 and 65535/);
    expect(readEnv({ PORT: "3100" }).PORT).toBe(3100);
  });
});
