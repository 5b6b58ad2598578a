// GET|POST /api/auth/* — Better Auth's endpoints: sign-in/email, sign-out, get-session (sign-up is disabled).
import { getAuthConfig } from "@/lib/env";
import { getAuth, isSecureRequest } from "@/lib/server/auth/auth";
import { toErrorResponse } from "@/lib/server/errors";
import { originFromHeaders } from "@/lib/server/request-origin";

export const dynamic = "force-dynamic";

/**
 * Without PUBLIC_URL, Better Auth trusts the origin of the request's URL; but
 * Next gives the production server's handlers URLs on localhost, whatever host
 * the browser used (so a sign-in at http://10.0.0.5:3000 was refused as
 * cross-site). The request as the client addressed it: its Host, as the write guard reads it.
 */
async function asAddressed(request: Request): Promise<Request> {
  const origin = getAuthConfig().publicUrl ? null : originFromHeaders(request.headers);
  const url = new URL(request.url);
  if (!origin || origin === url.origin) return request;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(new URL(url.pathname + url.search, origin), {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
  });
}

async function handle(request: Request): Promise<Response> {
  try {
    const auth = await getAuth(isSecureRequest(request));
    const response = await auth.handler(await asAddressed(request));
    // Better Auth says how long to wait in X-Retry-After; Retry-After is the standard name.
    const retryAfter = response.status === 429 ? response.headers.get("x-retry-after") : null;
    if (retryAfter) response.headers.set("Retry-After", retryAfter);
    return response;
  } catch (error) {
    return toErrorResponse(error);
  }
}

export const GET = handle;
export const POST = handle;
