// POST /api/v1/short-links — a short code for a view (see lib/server/api/short-links.ts).
import { handleCreateShortLink } from "@/lib/server/api/short-links";

export const dynamic = "force-dynamic";

export const POST = handleCreateShortLink;
