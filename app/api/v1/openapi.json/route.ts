// GET /api/v1/openapi.json — the read API in OpenAPI 3.1 (see lib/api/openapi.ts).
import { handleOpenApiRequest } from "@/lib/server/api/openapi";

export const dynamic = "force-dynamic";

export const GET = handleOpenApiRequest;
