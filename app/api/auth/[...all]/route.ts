// GET|POST /api/auth/* — Better Auth's endpoints: sign-in/email, sign-out, get-session (sign-up is disabled).
import { getAuth, isSecureRequest } from "@/lib/server/auth/auth";
import { toErrorResponse } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  try {
    const auth = await getAuth(isSecureRequest(request));
    const response = await auth.handler(request);
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
