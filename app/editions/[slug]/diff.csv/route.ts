// GET /editions/<slug>/diff.csv — an edition's changes as CSV (see lib/server/api/edition-diff-csv.ts).
import { handleEditionDiffCsv } from "@/lib/server/api/edition-diff-csv";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleEditionDiffCsv(request, (await params).slug);
}
