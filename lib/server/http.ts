import "server-only";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

/** Shared caches may keep a read for a minute and serve it stale while revalidating: data changes only on publish. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=86400";

/** An ETag that changes with the data version and the exact request. */
export function etagFor(dataVersion: number, ...parts: string[]): string {
  const digest = createHash("sha1").update(parts.join("\n")).digest("base64url").slice(0, 16);
  return `"v${dataVersion}-${digest}"`;
}

/** 304 when the client already has this version. */
export function notModified(request: Request, etag: string): Response | null {
  const tags = request.headers.get("if-none-match")?.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  return tags?.includes(etag) ? new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": PUBLIC_CACHE_CONTROL } }) : null;
}

/**
 * A response body kept in a cache: encoded once, gzipped once on first demand,
 * so serving it again costs no JSON, UTF-8 or compression work.
 */
export class CachedBody {
  readonly bytes: Uint8Array;
  private gzipped: Uint8Array | undefined;

  constructor(text: string) {
    this.bytes = new TextEncoder().encode(text);
  }

  gzip(): Uint8Array {
    this.gzipped ??= new Uint8Array(gzipSync(this.bytes));
    return this.gzipped;
  }
}

const MIN_GZIP_BYTES = 1024;

/** The body, gzipped when the client accepts it and it is worth it. */
export function cachedBodyResponse(request: Request, body: CachedBody, headers: Record<string, string>): Response {
  const acceptsGzip = /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
  const varyHeaders = { ...headers, Vary: "Accept-Encoding" };
  if (acceptsGzip && body.bytes.length >= MIN_GZIP_BYTES) {
    return new Response(body.gzip() as BodyInit, { headers: { ...varyHeaders, "Content-Encoding": "gzip" } });
  }
  return new Response(body.bytes as BodyInit, { headers: varyHeaders });
}
