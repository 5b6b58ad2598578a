// The Content-Security-Policy and framing rules of every response. Pages get a
// fresh script nonce per request (proxy.ts), so only the scripts Next.js itself
// renders run; everything else (JSON, CSV, PNG) may load nothing at all.
// Only /embed may be framed, by any site; every other route refuses (clickjacking).

export interface SecurityHeaderOptions {
  /** The response is an HTML page that runs scripts carrying this nonce. */
  nonce?: string;
  /** The path asked for: decides whether framing is allowed. */
  pathname: string;
  /** Development builds need eval for React's debugging tools. */
  isDevelopment?: boolean;
}

export function isFramable(pathname: string): boolean {
  return pathname === "/embed";
}

export function contentSecurityPolicy({ nonce, pathname, isDevelopment = false }: SecurityHeaderOptions): string {
  const frameAncestors = `frame-ancestors ${isFramable(pathname) ? "*" : "'none'"}`;
  if (nonce === undefined) return `default-src 'none'; ${frameAncestors}`;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // Charts position their parts with style attributes (Recharts, the static SVG charts).
    "style-src 'self' 'unsafe-inline'",
    // Chart export draws the SVG through a blob: or data: image.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    frameAncestors,
  ].join("; ");
}

/** Content-Security-Policy, plus X-Frame-Options for browsers without frame-ancestors. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
  if (!isFramable(options.pathname)) headers["X-Frame-Options"] = "DENY";
  return headers;
}

/** A random nonce, base64: 16 bytes from the Web Crypto API (available in Node and the edge runtime). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
