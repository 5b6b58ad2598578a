import "server-only";

export type TErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "TOO_MANY_REQUESTS"
  | "DATABASE_UNAVAILABLE"
  | "CONFIGURATION"
  | "INTERNAL";

const STATUS: Record<TErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  DATABASE_UNAVAILABLE: 503,
  CONFIGURATION: 500,
  INTERNAL: 500,
};

/** An error whose message is safe to show to the user. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "57P01", // admin_shutdown
  "57P03", // cannot_connect_now
  "3D000", // invalid_catalog_name: database does not exist
  "28P01", // invalid_password
  "28000", // invalid_authorization_specification
]);
const FILESYSTEM_CODES = new Set(["EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST", "ENOSPC"]);
/**
 * Prisma's driver adapter replaces a lost or unreachable database's socket error
 * with one of these kinds (a Prisma error carries it in meta.driverAdapterError).
 */
const ADAPTER_KIND_CODES: Record<string, string> = {
  DatabaseNotReachable: "ECONNREFUSED",
  ConnectionClosed: "ECONNRESET",
  SocketTimeout: "ETIMEDOUT",
};

function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, cause, kind, meta } = error as { code?: unknown; cause?: unknown; kind?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || FILESYSTEM_CODES.has(code))) return code;
  if (typeof kind === "string" && kind in ADAPTER_KIND_CODES) return ADAPTER_KIND_CODES[kind];
  const adapterCode = meta?.driverAdapterError ? errorCodeOf(meta.driverAdapterError) : undefined;
  if (adapterCode) return adapterCode;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = errorCodeOf(inner);
      if (innerCode) return innerCode;
    }
  }
  const message = error instanceof Error ? error.message : "";
  if (/Connection terminated|timeout exceeded when trying to connect|Can't reach database/i.test(message))
    return "ECONNREFUSED";
  return cause ? errorCodeOf(cause) : typeof code === "string" ? code : undefined;
}

/** True when the error means "the database cannot be reached or opened", not "the query was wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code !== undefined && (UNREACHABLE_CODES.has(code) || FILESYSTEM_CODES.has(code));
}

/**
 * One line saying what is wrong with the database and how to fix it.
 * `where` names the database: a redacted URL or the embedded folder.
 */
export function describeDatabaseError(error: unknown, where: string): string {
  const code = errorCodeOf(error);
  switch (code) {
    case "ECONNREFUSED":
    case "ECONNRESET":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "57P01":
    case "57P03":
      return `Cannot reach PostgreSQL at ${where}: is the server running? Start it, or fix DATABASE_URL (unset it to use the embedded database).`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot resolve the database host in ${where}: fix the host name in DATABASE_URL.`;
    case "3D000":
      return `The database in ${where} does not exist: create it (createdb) or fix DATABASE_URL.`;
    case "28P01":
    case "28000":
      return `PostgreSQL refused the credentials for ${where}: fix the user or password in DATABASE_URL.`;
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return `Cannot write the embedded database folder ${where} (${code}): make it writable, set DATA_DIR to a writable folder, or set DATABASE_URL.`;
    case "ENOTDIR":
    case "EEXIST":
      return `Cannot create the embedded database folder ${where}: a file is in the way. Move it, or set DATA_DIR to another folder.`;
    case "ENOSPC":
      return `No space left for the embedded database in ${where}: free some disk space or set DATA_DIR elsewhere.`;
    default: {
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return `Database error at ${where}: ${message}`;
    }
  }
}

/** Maps any error to an HTTP status and a JSON body; unexpected errors are logged, never shown. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(
      { error: { code: error.code, message: error.message, ...error.details } },
      { status: error.status, headers: { "Cache-Control": "no-store" } },
    );
  }
  if (isDatabaseUnavailable(error)) {
    return toErrorResponse(
      new AppError("DATABASE_UNAVAILABLE", "The database is unavailable. Try again in a minute."),
    );
  }
  console.error(error);
  return toErrorResponse(new AppError("INTERNAL", "Something went wrong on our side."));
}
