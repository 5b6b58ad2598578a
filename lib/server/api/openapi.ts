import "server-only";
import { buildOpenApiDocument, staticCatalogue, type OpenApiDocument } from "@/lib/api/openapi";
import { getDatabase } from "@/lib/server/db";
import { AppError, isDatabaseUnavailable, toErrorResponse } from "@/lib/server/errors";
import { etagFor, notModified, PUBLIC_CACHE_HEADERS } from "@/lib/server/http";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { originFromHeaders } from "@/lib/server/request-origin";
import { getAuthConfig } from "@/lib/env";

// GET /api/v1/openapi.json — the API described in OpenAPI 3.1, with the live enums
// (metrics with data, geo codes, published editions, year span) when the database answers.

/** The document for this server: live catalogue when available, the code's own lists otherwise. */
export async function getOpenApiDocument(origin: string): Promise<{ document: OpenApiDocument; dataVersion: number | null }> {
  try {
    const catalogue = await getCatalogue(await getDatabase());
    return { document: buildOpenApiDocument(catalogue, origin), dataVersion: catalogue.dataVersion };
  } catch (error) {
    if (error instanceof AppError || isDatabaseUnavailable(error)) return { document: buildOpenApiDocument(staticCatalogue(), origin), dataVersion: null };
    throw error;
  }
}

export async function handleOpenApiRequest(request: Request): Promise<Response> {
  try {
    const origin = getAuthConfig().publicUrl ?? originFromHeaders(request.headers) ?? new URL(request.url).origin;
    const { document, dataVersion } = await getOpenApiDocument(origin);
    if (dataVersion === null) return Response.json(document, { headers: { "Cache-Control": "no-store" } });
    const etag = etagFor(dataVersion, "openapi", origin);
    const cached = notModified(request, etag);
    if (cached) return cached;
    return Response.json(document, { headers: { ETag: etag, ...PUBLIC_CACHE_HEADERS } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
