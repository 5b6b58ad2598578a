// POST /api/admin/editions/:id/publish — a draft becomes the newest published edition.
import { requireUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { publishEdition } from "@/lib/server/editions/edition-lifecycle";
import { toErrorResponse } from "@/lib/server/errors";
import { parseEditionId } from "@/lib/server/http";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const user = await requireUser(request, { role: "editor" });
    const id = parseEditionId((await context.params).id);
    await publishEdition(await getDatabase(), id, user.id);
    return Response.json({ id, status: "PUBLISHED" });
  } catch (error) {
    return toErrorResponse(error);
  }
}
