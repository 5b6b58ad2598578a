import "server-only";
import { createHash } from "node:crypto";

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
