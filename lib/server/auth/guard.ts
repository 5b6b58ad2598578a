import "server-only";
import { headers as readRequestHeaders } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getAuthConfig } from "@/lib/env";
import { langFrom, withLang } from "@/lib/i18n/lang";
import { getAuth, isSecureRequest } from "@/lib/server/auth/auth";
import { AppError } from "@/lib/server/errors";
import { hasRole, ZRole, type TRole } from "@/lib/users";

// The one gate in front of everything that writes and every admin page.
//
//   requireUser(request, { role })  route handlers and server actions: the user, or AppError 401/403
//   requirePageUser(path, { role }) admin pages: the user, or a redirect to sign-in / the 403 page
//   getPageUser()                   the admin layout: the user or null

export interface TSessionUser {
  id: string;
  email: string;
  name: string;
  role: TRole;
}

/** What the guard reads from a request: a Fetch Request, or a server action's headers. */
export interface TGuardRequest {
  method: string;
  headers: Headers;
  url?: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.origin === "null" ? null : url.origin;
  } catch {
    return null;
  }
}

/**
 * Refuses a state-changing request sent by another site (CSRF): its Origin
 * (or, without one, its Referer) must be the request's own host or a trusted
 * origin (PUBLIC_URL, TRUSTED_ORIGINS), and the browser must not flag it
 * `Sec-Fetch-Site: cross-site`. A request with neither header is not from a
 * browser form or script and carries no ambient credentials to abuse.
 */
export function assertSameOrigin(
  request: TGuardRequest,
  trustedOrigins: readonly string[] = getAuthConfig().trustedOrigins,
): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const refuse = (why: string) => {
    throw new AppError("FORBIDDEN", `This request came from another site and was refused (${why}).`);
  };
  if (request.headers.get("sec-fetch-site")?.toLowerCase() === "cross-site") refuse("cross-site");
  const originHeader = request.headers.get("origin");
  const referer = request.headers.get("referer");
  if (originHeader === null && referer === null) return;
  const origin = originOf(originHeader ?? referer);
  if (!origin) refuse(`origin ${originHeader ?? "from referer"} unreadable`);
  const host = new URL(origin!).host.toLowerCase();
  const ownHosts = [request.headers.get("host"), request.headers.get("x-forwarded-host")?.split(",")[0]]
    .map((value) => value?.trim().toLowerCase())
    .filter(Boolean);
  if (request.url) ownHosts.push(new URL(request.url).host.toLowerCase());
  if (ownHosts.includes(host) || trustedOrigins.includes(origin!)) return;
  refuse(`origin ${origin}`);
}

/**
 * The signed-in user of a request, or null when there is no session cookie,
 * it is forged, or its session expired, was signed out or belongs to a
 * deleted user. Reads the database every time, so a role change applies at once.
 */
export async function findSessionUser(request: Pick<TGuardRequest, "headers" | "url">): Promise<TSessionUser | null> {
  const auth = await getAuth(isSecureRequest(request));
  const result = await auth.api.getSession({ headers: request.headers, query: { disableCookieCache: true } });
  if (!result) return null;
  const role = ZRole.safeParse(result.user.role);
  if (!role.success) return null;
  return { id: result.user.id, email: result.user.email, name: result.user.name, role: role.data };
}

/**
 * Route handlers and server actions: returns the signed-in user when they
 * have `role` (admins pass every role check). Throws AppError UNAUTHORIZED
 * (401) without a valid session, FORBIDDEN (403) for a lesser role or a
 * write from another site.
 */
export async function requireUser(request: TGuardRequest, options: { role: TRole }): Promise<TSessionUser> {
  assertSameOrigin(request);
  const user = await findSessionUser(request);
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in first: there is no valid session (it may have expired).");
  if (!hasRole(user.role, options.role)) {
    throw new AppError("FORBIDDEN", `This needs the ${options.role} role; you are signed in as ${user.role}.`);
  }
  return user;
}

/** Server actions: requireUser on the action's own request (Next.js has already compared its Origin with the host). */
export async function requireActionUser(options: { role: TRole }): Promise<TSessionUser> {
  return requireUser({ method: "POST", headers: await readRequestHeaders() }, options);
}

/** Admin pages and their layout: who is signed in, or null (looked up once per request). */
export const getPageUser = cache(async (): Promise<TSessionUser | null> => {
  return findSessionUser({ headers: await readRequestHeaders() });
});

/** Where sign-in sends the user afterwards: only paths inside the admin area, never another site. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string") return "/admin";
  return /^\/admin(?:[/?#]|$)/.test(next) && !next.includes("\\") && !next.startsWith("/admin/sign-in")
    ? next
    : "/admin";
}

/**
 * Admin pages: returns the signed-in user, redirects anonymous visitors (and
 * expired sessions) to /admin/sign-in?next=`path` (with `path`'s lang=zh), and renders the 403 page
 * (app/admin/(console)/forbidden.tsx) for a lesser role.
 */
export async function requirePageUser(
  path: string,
  options: { role: TRole } = { role: "editor" },
): Promise<TSessionUser> {
  const user = await getPageUser();
  if (!user) {
    // The sign-in page speaks the language of the page that sent the visitor there.
    const next = safeNextPath(path);
    const lang = langFrom(new URLSearchParams(next.split("?")[1]?.split("#")[0] ?? ""));
    redirect(withLang(`/admin/sign-in?next=${encodeURIComponent(next)}`, lang));
  }
  if (!hasRole(user.role, options.role)) forbidden();
  return user;
}
