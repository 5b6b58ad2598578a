// GET /api/v1/meta — the catalogue of what the API can answer (see lib/server/api/meta.ts).
import { handleMetaRequest } from "@/lib/server/api/meta";

export const dynamic = "force-dynamic";

export const GET = handleMetaRequest;
