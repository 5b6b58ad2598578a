import "server-only";
import { API_FORMATS } from "@/lib/api/openapi";
import { toCsv } from "@/lib/csv-export";
import { getDatabase, type Database } from "@/lib/server/db";
import { assertViewQueryKeys, parseStrictViewQuery } from "@/lib/server/api/view-query";
import { AppError, toErrorResponse } from "@/lib/server/errors";
import { CachedBody, cachedBodyResponse, etagFor, notModified, PUBLIC_CACHE_CONTROL } from "@/lib/server/http";
import { LruCache } from "@/lib/server/lru-cache";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { getViewData } from "@/lib/server/queries/get-view-data";
import { serializeViewState } from "@/lib/view-state";

// GET /api/v1/series — the data behind a dashboard view: same parameters as the page; JSON, or CSV with format=csv.

const FORMATS: readonly string[] = API_FORMATS;
/**
 * Response bodies by ETag (the ETag names the data version and the exact view),
 * kept from the moment they are asked for: the requests for one view arriving
 * together after a publish share one read. Null: the data version moved on while reading.
 */
const bodies = new LruCache<Promise<CachedBody | null>>(300);

async function makeBody(db: Database, params: URLSearchParams, format: string, dataVersion: number): Promise<CachedBody | null> {
  const data = await getViewData(db, params);
  if (data.dataVersion !== dataVersion) return null;
  return new CachedBody(format === "csv" ? toCsv(data) : JSON.stringify(data));
}

export async function handleSeriesRequest(request: Request): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    assertViewQueryKeys(params, ["format"]);
    const format = params.get("format") ?? "json";
    if (!FORMATS.includes(format)) {
      throw new AppError("BAD_REQUEST", `format must be ${API_FORMATS.join(" or ")}, not "${format}"`, { parameter: "format", allowed: API_FORMATS });
    }

    const db = await getDatabase();
    const catalogue = await getCatalogue(db);
    const state = parseStrictViewQuery(params, catalogue, ["format"]);
    const etag = etagFor(catalogue.dataVersion, serializeViewState(state, catalogue), format);
    const cached = notModified(request, etag);
    if (cached) return cached;

    let making = bodies.get(etag);
    if (making === undefined) {
      making = makeBody(db, params, format, catalogue.dataVersion);
      bodies.set(etag, making);
      making.then(
        (made) => {
          if (made === null) bodies.delete(etag);
        },
        () => bodies.delete(etag),
      );
    }
    const body = await making;
    // A publish landed after the ETag was chosen: answer at the new version instead.
    if (body === null) return handleSeriesRequest(request);
    const headers = { ETag: etag, "Cache-Control": PUBLIC_CACHE_CONTROL };
    if (format === "csv") {
      return cachedBodyResponse(request, body, {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="torch-atlas-${state.metric}.csv"`,
      });
    }
    return cachedBodyResponse(request, body, { ...headers, "Content-Type": "application/json" });
  } catch (error) {
    return toErrorResponse(error);
  }
}
