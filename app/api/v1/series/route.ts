// GET /api/v1/series — the data behind a dashboard view (see lib/server/api/series.ts).
import { handleSeriesRequest } from "@/lib/server/api/series";

export const dynamic = "force-dynamic";

export const GET = handleSeriesRequest;
