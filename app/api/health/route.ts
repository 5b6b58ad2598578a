// GET /api/health — is the database reachable and migrated (see lib/server/api/health.ts).
import { handleHealthRequest } from "@/lib/server/api/health";

export const dynamic = "force-dynamic";

export const GET = handleHealthRequest;
