import "server-only";
import { getHealth } from "@/lib/server/health";

// GET /api/health — database kind, applied migration and data version; 503 when the database is unavailable.
export async function handleHealthRequest(): Promise<Response> {
  const health = await getHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
