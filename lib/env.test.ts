import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, getAuthConfig, getDatabaseConfig, readEnv } from "@/lib/env";

describe("readEnv", () => {
  it("uses the embedded database in ./.data when DATABASE_URL is unset or empty", () => {
    for (const env of [{}, { DATABASE_URL: "" }]) {
      expect(getDatabaseConfig(readEnv(env))).toEqual({ kind: "embedded", dataDir: path.resolve(".data", "pglite") });
    }
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const url = "postgresql://postgres@127.0.0.1:5432/torch";
    expect(getDatabaseConfig(readEnv({ DATABASE_URL: url }))).toEqual({ kind: "postgres", url, replicaUrls: [] });
  });

  it("reads DATABASE_REPLICA_URL as a comma-separated list of replicas of DATABASE_URL", () => {
    const url = "postgresql://postgres@127.0.0.1:5432/torch";
    const replicas = "postgresql://postgres@10.0.0.2:5432/torch, postgres://reader:pw@10.0.0.3/torch,";
    expect(getDatabaseConfig(readEnv({ DATABASE_URL: url, DATABASE_REPLICA_URL: replicas }))).toEqual({
      kind: "postgres",
      url,
      replicaUrls: ["postgresql://postgres@10.0.0.2:5432/torch", "postgres://reader:pw@10.0.0.3/torch"],
    });
    expect(() => readEnv({ DATABASE_URL: url, DATABASE_REPLICA_URL: `${url},10.0.0.3:5432` })).toThrow(
      /^DATABASE_REPLICA_URL: DATABASE_REPLICA_URL must be one or more/,
    );
    expect(() => getDatabaseConfig(readEnv({ DATABASE_REPLICA_URL: url }))).toThrow(/need their primary in DATABASE_URL/);
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

  it("trusts forwarding headers only when TRUST_PROXY says so", () => {
    expect(readEnv({}).TRUST_PROXY).toBe(false);
    expect(readEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(true);
    expect(readEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    expect(() => readEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY must be 1 or 0/);
  });

  it("takes BETTER_AUTH_SECRET only when it is long enough", () => {
    expect(getAuthConfig(readEnv({})).secret).toBeUndefined();
    expect(getAuthConfig(readEnv({ BETTER_AUTH_SECRET: "  " })).secret).toBeUndefined();
    expect(getAuthConfig(readEnv({ BETTER_AUTH_SECRET: "x".repeat(32) })).secret).toBe("x".repeat(32));
    expect(() => readEnv({ BETTER_AUTH_SECRET: "short-secret" })).toThrow(/^BETTER_AUTH_SECRET: .*at least 32 characters/);
  });

  it("reads PUBLIC_URL and TRUSTED_ORIGINS as origins", () => {
    const config = getAuthConfig(
      readEnv({ PUBLIC_URL: "https://atlas.example.org/", TRUSTED_ORIGINS: "https://a.example.org, http://b.example.org:8080" }),
    );
    expect(config.publicUrl).toBe("https://atlas.example.org");
    expect(config.trustedOrigins).toEqual(["https://atlas.example.org", "https://a.example.org", "http://b.example.org:8080"]);
    expect(getAuthConfig(readEnv({})).trustedOrigins).toEqual([]);
  });

  it.each([
    ["PUBLIC_URL", "atlas.example.org"],
    ["PUBLIC_URL", "https://atlas.example.org/atlas"],
    ["PUBLIC_URL", "ftp://atlas.example.org"],
    ["TRUSTED_ORIGINS", "https://a.example.org,nonsense"],
  ])("rejects %s=%s", (name, value) => {
    expect(() => readEnv({ [name]: value })).toThrow(new RegExp(`^${name}: ${name} must`));
  });
});
