import "server-only";
import { DIFF_CSV_HEADER_LINE, editionChangeCsvLine } from "@/lib/edition-changes";
import { getDatabase, type Database } from "@/lib/server/db";
import { readEditionDiff } from "@/lib/server/editions/edition-diff";
import { CHANGE_LISTS, findReaderEdition, parseChangeFilter, toChange, type ChangeFilter } from "@/lib/server/editions/reader-editions";
import { AppError, toErrorResponse } from "@/lib/server/errors";
import { etagFor, notModified, PUBLIC_CACHE_HEADERS } from "@/lib/server/http";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import type { Catalogue } from "@/lib/view-data";

// GET /editions/<slug>/diff.csv?indicator=&geo= — what a published edition changed, as CSV:
// change, indicator, year, level, geo_code, geo_name, old, new, unit, pct_change. Streamed a page
// of the SQL diff at a time, so a million-row edition never sits in memory.

const ALLOWED_KEYS = ["indicator", "geo"];

async function* csvLines(db: Database, editionId: number, filter: ChangeFilter, catalogue: Catalogue): AsyncGenerator<string> {
  yield `${DIFF_CSV_HEADER_LINE}\r\n`;
  for (const [list, kind] of CHANGE_LISTS) {
    for await (const rows of readEditionDiff(db, editionId, list, filter)) {
      yield `${rows.map((row) => editionChangeCsvLine(toChange(kind, row, catalogue))).join("\r\n")}\r\n`;
    }
  }
}

function streamOf(lines: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await lines.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}

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
    const edition = await findReaderEdition(db, slug);
    if (!edition) throw new AppError("NOT_FOUND", `No published edition "${slug.slice(0, 100)}"`);
    const suffix = [filter.indicator, filter.geo].filter(Boolean).join("-");
    return new Response(streamOf(csvLines(db, edition.id, filter, catalogue)), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="torch-atlas-${edition.slug}-changes${suffix ? `-${suffix.replace(/[^a-z0-9_-]/gi, "_")}` : ""}.csv"`,
        ETag: etag,
        ...PUBLIC_CACHE_HEADERS,
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
