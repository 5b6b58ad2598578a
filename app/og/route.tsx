// GET /og — the link-preview image (1200 × 630 PNG) of the dashboard view in the query (see lib/server/og/og-image.ts).
import { OG_FONT_FAMILY, OgCard } from "@/components/og/og-card";
import type { OgCardModel } from "@/lib/og/og-model";
import { handleOgRequest } from "@/lib/server/og/og-image";

export const dynamic = "force-dynamic";

const renderCard = (model: OgCardModel) => <OgCard model={model} />;

export function GET(request: Request): Promise<Response> {
  return handleOgRequest(request, renderCard, OG_FONT_FAMILY);
}
