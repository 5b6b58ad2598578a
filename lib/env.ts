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
  DATA_DIR: z.preprocess(emptyAsUnset, z.string().trim().default(".data")),
  PORT: z.preprocess(emptyAsUnset, z.coerce
    .number({ message: "PORT must be a number" })
    .int()
    .min(1, "PORT must be between 1 and 65535")
    .max(65535, "PORT must be between 1 and 65535")
    .default(3000)),
});

export type TEnv = z.infer<typeof ZEnv>;

export type TDatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "embedded"; dataDir: string };

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
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

/** The database the app uses: PostgreSQL when DATABASE_URL is set, else embedded PGlite in DATA_DIR. */
export function getDatabaseConfig(env: TEnv = readEnv()): TDatabaseConfig {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "embedded", dataDir: path.resolve(env.DATA_DIR, "pglite") };
}
