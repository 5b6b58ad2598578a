import "server-only";
import { editionChangesToCsv } from "@/lib/edition-changes";
import { getDatabase } from "@/lib/server/db";
import { getEditionChanges, parseChangeFilter } from "@/lib/server/editions/reader-editions";
import { AppError, toErrorResponse } from "@/lib/server/errors";
import { etagFor, notModified, PUBLIC_CACHE_CONTROL } from "@/lib/server/http";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";

// GET /editions/<slug>/diff.csv?indicator=&geo= — what a published edition changed, as CSV:
// change, indicator, year, level, geo_code, geo_name, old, new, unit, pct_change.

const ALLOWED_KEYS = ["indicator", "geo"];

export async function handleEditionDiffCsv(request: Request, slug: string): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    const unknown = [...params.keys()].find((key) => !ALLOWED_KEYS.includes(key));
    if (unknown) throw new AppError("BAD_REQUEST", `Unknown parameter "${unknown}"`, { parameter: unknown, allowed: ALLOWED_KEYS });
    const db = await getDatabase();
    const catalogue = await getCatalogue(db);
    const { filter, problems } = parseChangeFilter(params, catalogue);
    const [problem] = problems;
    if (problem) throw new AppError("BAD_REQUEST", problem.message, { parameter: problem.parameter, allowed: problem.allowed });
    const etag = etagFor(catalogue.dataVersion, "edition-diff", slug, filter.indicator ?? "", filter.geo ?? "");
    const cached = notModified(request, etag);
    if (cached) return cached;
    const { edition, changes } = await getEditionChanges(db, slug, filter);
    const suffix = [filter.indicator, filter.geo].filter(Boolean).join("-");
    return new Response(editionChangesToCsv(changes), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="torch-atlas-${edition.slug}-changes${suffix ? `-${suffix.replace(/[^a-z0-9_-]/gi, "_")}` : ""}.csv"`,
        ETag: etag,
        "Cache-Control": PUBLIC_CACHE_CONTROL,
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
