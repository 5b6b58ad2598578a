import "server-only";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { AUTH_BASE_PATH, getAuth, isSecureRequest } from "@/lib/server/auth/auth";

// The sign-in form and the sign-out button are server actions (they work
// without JavaScript). They go through Better Auth's own HTTP handler, not
// auth.api, so the rate limiter, the origin check and the audit hooks apply
// exactly as they do to POST /api/auth/sign-in/email.

export interface TCookieToSet {
  name: string;
  value: string;
  options: ReturnType<typeof toCookieOptions>;
}

export type TSignInFailure =
  | { code: "INVALID_CREDENTIALS" }
  | { code: "RATE_LIMITED"; retryAfterSeconds: number }
  | { code: "FOREIGN_ORIGIN" }
  | { code: "FAILED"; status: number };

export type TSignInResult = { ok: true; cookies: TCookieToSet[] } | ({ ok: false } & TSignInFailure);

const FORWARDED_HEADERS = [
  "cookie",
  "origin",
  "referer",
  "user-agent",
  "x-forwarded-for",
  "x-forwarded-proto",
  "sec-fetch-site",
  "sec-fetch-mode",
  "sec-fetch-dest",
];

/** A request to one of Better Auth's endpoints, carrying the browser's own headers. */
function authRequest(incoming: Headers, path: string, body: unknown): Request {
  const proto = isSecureRequest({ headers: incoming }) ? "https" : "http";
  const host = incoming.get("host") ?? "localhost";
  const headers = new Headers({ "content-type": "application/json" });
  for (const name of FORWARDED_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers.set(name, value);
  }
  headers.set("host", host);
  return new Request(`${proto}://${host}${AUTH_BASE_PATH}${path}`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
}

function cookiesOf(response: Response): TCookieToSet[] {
  const header = response.headers.getSetCookie().join(", ");
  if (!header) return [];
  return [...parseSetCookieHeader(header)].map(([name, attributes]) => ({
    name,
    value: attributes.value,
    options: toCookieOptions(attributes),
  }));
}

/** Signs in with email and password; on success returns the session cookies to set. */
export async function signInWithPassword(
  incoming: Headers,
  credentials: { email: string; password: string },
): Promise<TSignInResult> {
  const auth = await getAuth(isSecureRequest({ headers: incoming }));
  const response = await auth.handler(authRequest(incoming, "/sign-in/email", { ...credentials, rememberMe: true }));
  if (response.ok) return { ok: true, cookies: cookiesOf(response) };
  switch (response.status) {
    case 401:
      return { ok: false, code: "INVALID_CREDENTIALS" };
    case 429:
      return {
        ok: false,
        code: "RATE_LIMITED",
        retryAfterSeconds: Number(response.headers.get("x-retry-after")) || 60,
      };
    case 403:
      return { ok: false, code: "FOREIGN_ORIGIN" };
    default:
      return { ok: false, code: "FAILED", status: response.status };
  }
}

/** Ends the session of the request's cookie; returns the cookies that clear it. */
export async function signOut(incoming: Headers): Promise<TCookieToSet[]> {
  const auth = await getAuth(isSecureRequest({ headers: incoming }));
  const response = await auth.handler(authRequest(incoming, "/sign-out", {}));
  return cookiesOf(response);
}
