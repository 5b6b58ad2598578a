import path from "node:path";
import { z } from "zod";

/**
 * The validated environment: the only reader of process.env.
 * A malformed value throws an AppError with one line saying what to fix.
 */
/** An unset variable and an empty one mean the same: use the default. */
const emptyAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .refine((value) => value === undefined || isPostgresUrl(value), {
      message:
        "DATABASE_URL must look like postgresql://user:password@host:5432/database (or leave it unset to use the embedded database)",
    }),
  /** Read replicas of DATABASE_URL, comma-separated: the hot read path uses them once they have the data version it serves. */
  DATABASE_REPLICA_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .transform((value) => value.split(",").map((url) => url.trim()).filter(Boolean))
      .refine((urls) => urls.every(isPostgresUrl), {
        message: "DATABASE_REPLICA_URL must be one or more comma-separated URLs like postgresql://user:password@replica:5432/database",
      })
      .default([]),
  ),
  DATA_DIR: z.preprocess(emptyAsUnset, z.string().trim().default(".data")),
  PORT: z.preprocess(emptyAsUnset, z.coerce
    .number({ message: "PORT must be a number" })
    .int()
    .min(1, "PORT must be between 1 and 65535")
    .max(65535, "PORT must be between 1 and 65535")
    .default(3000)),
  BETTER_AUTH_SECRET: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .min(32, "BETTER_AUTH_SECRET must be at least 32 characters (e.g. the output of `openssl rand -base64 32`), or leave it unset to have one generated and kept in the database")
      .optional(),
  ),
  PUBLIC_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .trim()
      .refine(isOrigin, { message: "PUBLIC_URL must be the site's origin, like https://atlas.example.org (http or https, no path)" })
      .transform((value) => new URL(value).origin)
      .optional(),
  ),
  /** Behind a reverse proxy that sets X-Forwarded-For (and -Proto): trust those headers. */
  TRUST_PROXY: z.preprocess(
    emptyAsUnset,
    z.enum(["0", "1", "false", "true"], { message: "TRUST_PROXY must be 1 or 0" }).default("0").transform((v) => v === "1" || v === "true"),
  ),
  TRUSTED_ORIGINS: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .transform((value) => value.split(",").map((origin) => origin.trim()).filter(Boolean))
      .refine((origins) => origins.every(isOrigin), {
        message: "TRUSTED_ORIGINS must be a comma-separated list of origins like https://atlas.example.org (no paths)",
      })
      .transform((origins) => origins.map((origin) => new URL(origin).origin))
      .default([]),
  ),
});

export type TEnv = z.infer<typeof ZEnv>;

export type TDatabaseConfig =
  | { kind: "postgres"; url: string; replicaUrls?: readonly string[] }
  | { kind: "embedded"; dataDir: string };

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** True for "http(s)://host[:port]" with nothing after it but an optional "/". */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.pathname === "/" && !url.search && !url.hash && !url.username;
  } catch {
    return false;
  }
}

export class EnvError extends Error {
  override name = "EnvError";
}

/** Reads and validates the environment; throws EnvError with a one-line explanation. */
export function readEnv(source: Record<string, string | undefined> = process.env): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EnvError(issue ? `${issue.path.join(".")}: ${issue.message}` : "Invalid environment");
  }
  return parsed.data;
}

/** The database the app uses: PostgreSQL when DATABASE_URL is set (with its replicas), else embedded PGlite in DATA_DIR. */
export function getDatabaseConfig(env: TEnv = readEnv()): TDatabaseConfig {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL, replicaUrls: env.DATABASE_REPLICA_URL };
  if (env.DATABASE_REPLICA_URL.length)
    throw new EnvError("DATABASE_REPLICA_URL: read replicas need their primary in DATABASE_URL (or unset DATABASE_REPLICA_URL to use the embedded database)");
  return { kind: "embedded", dataDir: path.resolve(env.DATA_DIR, "pglite") };
}

export interface TAuthConfig {
  /** BETTER_AUTH_SECRET; when unset the server generates one and keeps it in the database. */
  secret: string | undefined;
  /** PUBLIC_URL's origin; when unset the origin is taken from each request. */
  publicUrl: string | undefined;
  /** Origins besides the app's own that may send writes (PUBLIC_URL and TRUSTED_ORIGINS). */
  trustedOrigins: string[];
}

/** How sign-in is configured: the secret, the public origin and the trusted origins. */
export function getAuthConfig(env: TEnv = readEnv()): TAuthConfig {
  const trustedOrigins = [...new Set([...(env.PUBLIC_URL ? [env.PUBLIC_URL] : []), ...env.TRUSTED_ORIGINS])];
  return { secret: env.BETTER_AUTH_SECRET, publicUrl: env.PUBLIC_URL, trustedOrigins };
}
