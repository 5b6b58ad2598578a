import "server-only";
import type { Metadata } from "next";
import { describeView } from "@/lib/og/describe-view";
import { OG_HEIGHT, OG_WIDTH } from "@/lib/og/og-model";
import { getDatabase } from "@/lib/server/db";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { getViewForQuery } from "@/lib/server/queries/get-view-data";
import { requestOrigin } from "@/lib/server/request-origin";

/** What a page says when the database cannot be asked: still a title, no preview image. */
export const FALLBACK_METADATA: Metadata = {
  title: "Torch Atlas — China's national high-tech zones dashboard",
  description:
    "Zone counts, firms, high-tech enterprises, taxes and exports of China's national high-tech zones (Torch Program), by region, province and year.",
};

/** A query string from Next's searchParams (first value of repeated keys, as the view parser reads them). */
export function toQueryString(searchParams: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params.toString();
}

/**
 * The <head> of a dashboard view: its title (metric, places, years), a description
 * with unit, editions, source and the synthetic-data label when it applies, and Open
 * Graph / Twitter card tags whose image is /og for exactly this view. The query is
 * parsed like the page parses it (fallbacks included) and the links use its canonical
 * form. Used by the dashboard page and by short links.
 */
export async function viewMetadata(query: string, options: { origin?: string } = {}): Promise<Metadata> {
  try {
    const db = await getDatabase();
    const { catalogue, data } = await getViewForQuery(db, query);
    const origin = options.origin ?? (await requestOrigin());
    const described = describeView(data, catalogue);
    const pageUrl = `${origin}/${data.query ? `?${data.query}` : ""}`;
    // The data version in the image URL makes previews turn over when an edition is published.
    const imageUrl = `${origin}/og?${data.query ? `${data.query}&` : ""}v=${data.dataVersion}`;
    const image = { url: imageUrl, width: OG_WIDTH, height: OG_HEIGHT, alt: described.headline, type: "image/png" };
    return {
      title: described.pageTitle,
      description: described.description,
      alternates: { canonical: pageUrl },
      openGraph: {
        type: "website",
        siteName: described.appName,
        locale: described.lang === "zh" ? "zh_CN" : "en_US",
        url: pageUrl,
        title: described.pageTitle,
        description: described.description,
        images: [image],
      },
      twitter: {
        card: "summary_large_image",
        title: described.pageTitle,
        description: described.description,
        images: [{ url: imageUrl, alt: described.headline }],
      },
    };
  } catch (error) {
    if (error instanceof AppError || isDatabaseUnavailable(error)) return FALLBACK_METADATA;
    throw error;
  }
}
