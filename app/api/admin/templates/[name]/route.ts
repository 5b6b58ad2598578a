// GET /api/admin/templates/long.csv | wide.xlsx [?lang=zh] — upload templates that pass validation as they are,
// their instructions in English or Chinese.
import { langFrom } from "@/lib/i18n/lang";
import { buildTemplate } from "@/lib/ingest";
import { requireUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { getIngestReference } from "@/lib/server/editions/ingest-reference";
import { AppError, toErrorResponse } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

const TEMPLATES = {
  "long.csv": { layout: "long", format: "csv", type: "text/csv; charset=utf-8" },
  "wide.xlsx": { layout: "wide", format: "xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
} as const;

export async function GET(request: Request, context: { params: Promise<{ name: string }> }): Promise<Response> {
  try {
    await requireUser(request, { role: "editor" });
    const name = (await context.params).name;
    const template = TEMPLATES[name as keyof typeof TEMPLATES];
    if (!template) {
      throw new AppError("NOT_FOUND", `No template "${name}"`, { parameter: "name", allowed: Object.keys(TEMPLATES) });
    }
    const lang = langFrom(new URL(request.url).searchParams);
    const bytes = await buildTemplate(template.layout, template.format, await getIngestReference(await getDatabase()), lang);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": template.type,
        "Content-Disposition": `attachment; filename="torch-atlas-upload-${name}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
