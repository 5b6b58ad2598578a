// GET|POST /api/auth/* — Better Auth's endpoints: sign-in/email, sign-out, get-session (sign-up is disabled).
import { getAuth, isSecureRequest } from "@/lib/server/auth/auth";
import { toErrorResponse } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  try {
    const auth = await getAuth(isSecureRequest(request));
    return await auth.handler(request);
  } catch (error) {
    return toErrorResponse(error);
  }
}

export const GET = handle;
export const POST = handle;
