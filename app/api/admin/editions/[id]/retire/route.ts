// POST /api/admin/editions/:id/retire — roll back: the figures it replaced come back.
import { requireUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { retireEdition } from "@/lib/server/editions/edition-lifecycle";
import { toErrorResponse } from "@/lib/server/errors";
import { parseEditionId } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await requireUser(request, { role: "editor" });
    const id = parseEditionId((await context.params).id);
    await retireEdition(await getDatabase(), id, user.id);
    return Response.json({ id, status: "RETIRED" });
  } catch (error) {
    return toErrorResponse(error);
  }
}
