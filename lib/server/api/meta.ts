import "server-only";
import { getDatabase } from "@/lib/server/db";
import { AppError, toErrorResponse } from "@/lib/server/errors";
import { etagFor, notModified, PUBLIC_CACHE_HEADERS } from "@/lib/server/http";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { seriesBreaks } from "@/lib/series-breaks";

// GET /api/v1/meta — metrics with units, descriptions and breaks in series, regions, provinces, zones, editions,
// the year span and the policy timeline's events.
// It takes no parameters: one given is a mistake (meta?lang=zh does not translate), so it answers 400 like series.

export async function handleMetaRequest(request: Request): Promise<Response> {
  try {
    const [unknown] = new URL(request.url).searchParams.keys();
    if (unknown !== undefined) {
      throw new AppError("BAD_REQUEST", `/api/v1/meta takes no parameters, not "${unknown}"`, { parameter: unknown, allowed: [] });
    }
    const catalogue = await getCatalogue(await getDatabase());
    const etag = etagFor(catalogue.dataVersion, "meta");
    const cached = notModified(request, etag);
    if (cached) return cached;
    return Response.json(
      {
        dataVersion: catalogue.dataVersion,
        years: catalogue.years,
        metrics: catalogue.metricInfo.map((metric) => ({ ...metric, breaks: seriesBreaks(metric.code) })),
        regions: catalogue.regions,
        provinces: catalogue.provinces,
        parks: catalogue.parks,
        editions: catalogue.publishedEditions,
        events: catalogue.events,
      },
      { headers: { ETag: etag, ...PUBLIC_CACHE_HEADERS } },
    );
  } catch (error) {
    return toErrorResponse(error);
  }
}
