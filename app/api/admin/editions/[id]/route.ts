// DELETE /api/admin/editions/:id — deletes a draft (published editions are retired, not deleted).
import { requireUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { deleteDraftEdition } from "@/lib/server/editions/edition-lifecycle";
import { toErrorResponse } from "@/lib/server/errors";
import { parseEditionId } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await requireUser(request, { role: "editor" });
    const id = parseEditionId((await context.params).id);
    await deleteDraftEdition(await getDatabase(), id, user.id);
    return new Response(null, { status: 204 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
