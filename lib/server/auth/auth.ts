import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { getAuthConfig, type TAuthConfig } from "@/lib/env";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { getAuthSecret } from "@/lib/server/auth/secret";
import { getDatabase, type Database } from "@/lib/server/db";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/users";

// Better Auth, configured once: email and password only, no public sign-up,
// sessions in the database, sign-in rate-limited in the database, and every
// sign-in, failed sign-in and sign-out written to the audit trail.

/** Where Better Auth's HTTP endpoints live (app/api/auth/[...all]/route.ts). */
export const AUTH_BASE_PATH = "/api/auth";
/** A session lasts this long from sign-in; it is not extended by use. */
export const SESSION_SECONDS = 60 * 60 * 24 * 7;
/** Sign-in attempts allowed per client IP and window (successful or not). */
export const SIGN_IN_RATE_LIMIT = { window: 60, max: 5 } as const;

export interface TCreateAuthOptions {
  secret: string;
  /** Secure cookies (and the __Secure- name prefix): for requests served over https. */
  isSecure: boolean;
  /** A fixed public origin; when undefined, each request's own origin is used. */
  publicUrl?: string;
  /** Origins besides the request's own that may post to the auth endpoints. */
  trustedOrigins?: string[];
}

// Expected outcomes that the audit trail already records; everything else Better Auth logs is kept.
const QUIET_MESSAGES = ["User not found", "Invalid password", "Password not found", "Base URL is not set"];

/** The first address of X-Forwarded-For (Next.js sets it from the socket when no proxy did). */
export function clientIpOf(headers: Headers | undefined): string | null {
  return headers?.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
}

/** A Better Auth instance on this database. Tests create their own; the app uses getAuth(). */
export function createAuth(db: Database, options: TCreateAuthOptions) {
  // Who is signing out, looked up before Better Auth deletes the session (keyed by the request).
  const signingOut = new WeakMap<Request, { id: string; email: string }>();

  return betterAuth({
    appName: "Torch Atlas",
    secret: options.secret,
    baseURL: options.publicUrl,
    basePath: AUTH_BASE_PATH,
    trustedOrigins: options.trustedOrigins ?? [],
    database: prismaAdapter(db.prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Accounts come from `npm run admin:create` or an admin on /admin/users.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, input: false, defaultValue: "editor" },
      },
    },
    session: {
      expiresIn: SESSION_SECONDS,
      // Server components cannot rewrite the cookie, so a refreshed database
      // expiry would drift from the cookie's; a fixed lifetime keeps them equal.
      disableSessionRefresh: true,
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { ...SIGN_IN_RATE_LIMIT } },
    },
    advanced: {
      useSecureCookies: options.isSecure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
    },
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      log(level, message, ...args) {
        if (QUIET_MESSAGES.some((quiet) => message.includes(quiet))) return;
        (level === "error" ? console.error : console.warn)(`[auth] ${message}`, ...args);
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-out" || !ctx.request) return;
        const session = await getSessionFromCtx(ctx);
        if (session) signingOut.set(ctx.request, { id: session.user.id, email: session.user.email });
      }),
      after: createAuthMiddleware(async (ctx) => {
        const returned = ctx.context.returned;
        const failed = isAPIError(returned);
        const ip = clientIpOf(ctx.request?.headers ?? ctx.headers);
        if (ctx.path === "/sign-in/email") {
          const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase().slice(0, 320) : "";
          const newSession = ctx.context.newSession;
          if (!failed && newSession) {
            await recordAudit(db, {
              actorId: newSession.user.id,
              action: "auth.sign_in",
              details: { email: newSession.user.email, ip },
            });
          } else if (failed) {
            const reason = (returned.body as { code?: unknown } | undefined)?.code;
            await recordAudit(db, {
              actorId: null,
              action: "auth.sign_in_failed",
              details: { email, ip, reason: typeof reason === "string" ? reason : returned.status },
            });
          }
        } else if (ctx.path === "/sign-out" && ctx.request && !failed) {
          const user = signingOut.get(ctx.request);
          if (user)
            await recordAudit(db, { actorId: user.id, action: "auth.sign_out", details: { email: user.email, ip } });
        }
      }),
    },
  });
}

export type TAuth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { torchAuth?: Map<boolean, Promise<TAuth>> };

async function openAuth(isSecure: boolean, config: TAuthConfig): Promise<TAuth> {
  const db = await getDatabase();
  const secret = await getAuthSecret(db, config.secret);
  return createAuth(db, { secret, isSecure, publicUrl: config.publicUrl, trustedOrigins: config.trustedOrigins });
}

/**
 * The app's Better Auth instance for a request served over https (secure
 * cookies) or plain http. With PUBLIC_URL set, its scheme decides for every
 * request. Like getDatabase(), a failure is not cached.
 */
export function getAuth(isSecureRequest: boolean): Promise<TAuth> {
  const config = getAuthConfig();
  const isSecure = config.publicUrl ? config.publicUrl.startsWith("https:") : isSecureRequest;
  const cache = (globalForAuth.torchAuth ??= new Map());
  let opening = cache.get(isSecure);
  if (!opening) {
    opening = openAuth(isSecure, config);
    cache.set(isSecure, opening);
    const current = opening;
    current.catch(() => {
      if (cache.get(isSecure) === current) cache.delete(isSecure);
    });
  }
  return opening;
}

/** True when the request reached us over https (directly, or through a proxy that says so). */
export function isSecureRequest(request: { headers: Headers; url?: string }): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (forwarded) return forwarded === "https";
  try {
    return request.url ? new URL(request.url).protocol === "https:" : false;
  } catch {
    return false;
  }
}
