import "server-only";
import { z } from "zod";
import { API_FORMATS, API_SHAPES, type TApiFormat, type TApiShape } from "@/lib/api/openapi";
import { compactViewData } from "@/lib/compact-view-data";
import { toCsv } from "@/lib/csv-export";
import { getDatabase, type Database } from "@/lib/server/db";
import { assertViewQueryKeys, parseStrictViewQuery } from "@/lib/server/api/view-query";
import { AppError, toErrorResponse } from "@/lib/server/errors";
import { CachedBody, cachedBodyResponse, etagFor, notModified, PUBLIC_CACHE_HEADERS } from "@/lib/server/http";
import { LruCache } from "@/lib/server/lru-cache";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { readViewData, type ParsedView } from "@/lib/server/queries/get-view-data";
import type { ViewData } from "@/lib/view-data";
import { serializeViewState } from "@/lib/view-state";

// GET /api/v1/series — the data behind a dashboard view: same parameters as the page; JSON (each row
// naming its source, or with shape=compact sources named once), or CSV with format=csv.

/** The parameters of the response besides the view's. */
const ZSeriesOptions = z.object({
  format: z.enum(API_FORMATS).default("json"),
  shape: z.enum(API_SHAPES).default("full"),
});
type TSeriesOption = keyof typeof ZSeriesOptions.shape;
const OPTION_KEYS = Object.keys(ZSeriesOptions.shape) as TSeriesOption[];

/** format and shape; a 400 naming the parameter and its allowed values when one is not understood. */
function parseSeriesOptions(params: URLSearchParams): z.output<typeof ZSeriesOptions> {
  const raw = Object.fromEntries(OPTION_KEYS.map((key) => [key, params.get(key) ?? undefined]));
  const parsed = ZSeriesOptions.safeParse(raw);
  if (parsed.success) return parsed.data;
  const parameter = parsed.error.issues[0]!.path[0] as TSeriesOption;
  const allowed = ZSeriesOptions.shape[parameter].unwrap().options;
  throw new AppError("BAD_REQUEST", `${parameter} must be ${allowed.join(" or ")}, not "${raw[parameter]}"`, { parameter, allowed });
}

/** What the body is: CSV (which has one shape), or JSON in either shape. */
type TVariant = "csv" | "json" | "compact";
function variantOf(format: TApiFormat, shape: TApiShape): TVariant {
  return format === "csv" ? "csv" : shape === "compact" ? "compact" : "json";
}

function encodeBody(data: ViewData, variant: TVariant): string {
  if (variant === "csv") return toCsv(data);
  return JSON.stringify(variant === "compact" ? compactViewData(data) : data);
}

/**
 * Response bodies by ETag (the ETag names the data version, the exact view and the variant),
 * kept from the moment they are asked for: the requests for one view arriving
 * together after a publish share one read. Null: the data version moved on while reading.
 */
const bodies = new LruCache<Promise<CachedBody | null>>(300);

async function makeBody(db: Database, view: ParsedView, variant: TVariant): Promise<CachedBody | null> {
  const data = await readViewData(db, view);
  return data && new CachedBody(encodeBody(data, variant));
}

export async function handleSeriesRequest(request: Request): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    assertViewQueryKeys(params, OPTION_KEYS);
    const { format, shape } = parseSeriesOptions(params);
    const variant = variantOf(format, shape);

    const db = await getDatabase();
    const catalogue = await getCatalogue(db);
    const state = parseStrictViewQuery(params, catalogue, OPTION_KEYS);
    const query = serializeViewState(state, catalogue);
    const etag = etagFor(catalogue.dataVersion, query, variant);
    const cached = notModified(request, etag);
    if (cached) return cached;

    let making = bodies.get(etag);
    if (making === undefined) {
      making = makeBody(db, { catalogue, state, notes: [], query }, variant);
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
    const headers = { ETag: etag, ...PUBLIC_CACHE_HEADERS };
    if (variant === "csv") {
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
