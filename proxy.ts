import { NextResponse, type NextRequest } from "next/server";
import { LANG_HEADER, langFrom, langTag } from "@/lib/i18n/lang";
import { createNonce, securityHeaders } from "@/lib/security/csp";

// Security headers for pages and the other GET routes Next.js serves. The API
// gets its headers from next.config.ts (and lib/server/app-server.ts for the
// read API served outside Next): the proxy stays off /api so that uploads
// stream straight to their route, never buffered for it. Next.js reads the
// nonce from the request's Content-Security-Policy header and puts it on its own scripts.

/** Responses that are not HTML pages: link-preview images, CSV downloads, the icon. */
const NOT_A_PAGE = /^\/og$|\.(?:csv|svg|png|txt|ico)$/;

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const nonce = NOT_A_PAGE.test(pathname) ? undefined : createNonce();
  const headers = securityHeaders({ nonce, pathname, isDevelopment: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  // The root layout reads it for <html lang> (layouts get no search parameters).
  requestHeaders.set(LANG_HEADER, langTag(langFrom(request.nextUrl.searchParams)));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Built assets are the same for everyone and carry no policy of their own; /api but its docs page is left out (above).
  matcher: ["/((?!_next/static|_next/image|api/(?!docs$)).*)"],
};
