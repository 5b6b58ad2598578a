import "server-only";
import { headers } from "next/headers";
import { getAuthConfig } from "@/lib/env";

const FALLBACK_ORIGIN = "http://localhost:3000";

/**
 * The site's origin for absolute links (link-preview tags, API examples): PUBLIC_URL
 * when set, else the scheme and host the current request came in on. Outside a
 * request (scripts, tests) it is http://localhost:3000.
 */
export async function requestOrigin(): Promise<string> {
  const { publicUrl } = getAuthConfig();
  if (publicUrl) return publicUrl;
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return FALLBACK_ORIGIN;
  }
  return originFromHeaders(requestHeaders) ?? FALLBACK_ORIGIN;
}

/** "http(s)://host[:port]" from the Host and X-Forwarded-Proto headers; null when the host is not a plain host name. */
export function originFromHeaders(requestHeaders: Headers): string | null {
  const host = requestHeaders.get("x-forwarded-host")?.split(",")[0]?.trim() || requestHeaders.get("host");
  // A Host header is the client's word: accept only what a host name and port can look like.
  if (!host || !/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host)) return null;
  const proto = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
