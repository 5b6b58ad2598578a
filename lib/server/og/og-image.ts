import "server-only";
import { ImageResponse } from "next/og";
import type { ReactElement } from "react";
import { buildOgCardModel, OG_HEIGHT, OG_WIDTH, type OgCardModel } from "@/lib/og/og-model";
import { getDatabase, type Database } from "@/lib/server/db";
import { AppError, toErrorResponse } from "@/lib/server/errors";
import { etagFor, notModified, PUBLIC_CACHE_HEADERS } from "@/lib/server/http";
import { LruCache } from "@/lib/server/lru-cache";
import { getOgFonts } from "@/lib/server/og/og-fonts";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { getViewForQuery } from "@/lib/server/queries/get-view-data";
import { parseViewState, serializeViewState, URL_KEYS } from "@/lib/view-state";

// GET /og?<view parameters> — the link-preview image of a dashboard view: a 1200 × 630 PNG
// with the title, unit, a miniature chart, editions and source, and the synthetic-data
// label when the view shows sample figures. Rendered by next/og (Satori + resvg) with the
// fonts in lib/server/og/fonts, never fetched; cached per (data version, canonical view).

/** Draws the card for a model; app/og/route.tsx passes the component in (lib/ never imports components/). */
export type TRenderOgCard = (model: OgCardModel) => ReactElement;

/** `v` is the data version the page put in the image URL: it only busts caches and is otherwise ignored. */
export const OG_EXTRA_PARAMETERS = ["v"] as const;
const ALLOWED_KEYS = new Set<string>([...URL_KEYS, ...OG_EXTRA_PARAMETERS]);

/** Rendered PNGs by (data version, canonical view); in-flight renders are shared, not repeated. */
const images = new LruCache<Promise<Uint8Array>>(200);

async function renderPng(db: Database, query: string, renderCard: TRenderOgCard, fontFamily: string): Promise<Uint8Array> {
  const { catalogue, data } = await getViewForQuery(db, query);
  const { fonts, covers } = getOgFonts(fontFamily);
  const element = renderCard(buildOgCardModel(data, catalogue, covers));
  const response = new ImageResponse(element, { width: OG_WIDTH, height: OG_HEIGHT, fonts });
  return new Uint8Array(await response.arrayBuffer());
}

/** The PNG for a canonical view query, rendered once per data version. */
export async function getOgImage(db: Database, dataVersion: number, query: string, renderCard: TRenderOgCard, fontFamily: string): Promise<Uint8Array> {
  const key = `${dataVersion}|${query}`;
  let png = images.get(key);
  if (!png) {
    png = renderPng(db, query, renderCard, fontFamily);
    images.set(key, png);
    png.catch(() => images.delete(key));
  }
  return png;
}

/** Validates like /api/v1/series (400 naming the parameter), then answers the PNG with ETag and Cache-Control. */
export async function handleOgRequest(request: Request, renderCard: TRenderOgCard, fontFamily: string): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    const unknown = [...params.keys()].find((key) => !ALLOWED_KEYS.has(key));
    if (unknown) {
      throw new AppError("BAD_REQUEST", `Unknown parameter "${unknown}"`, { parameter: unknown, allowed: [...ALLOWED_KEYS] });
    }
    const version = params.get("v");
    if (version !== null && !/^\d{1,12}$/.test(version)) {
      throw new AppError("BAD_REQUEST", `v must be a data version number, not "${version}"`, { parameter: "v" });
    }
    params.delete("v");
    const db = await getDatabase();
    const catalogue = await getCatalogue(db);
    const { state, notes } = parseViewState(params, catalogue);
    const [note] = notes;
    if (note) {
      throw new AppError("BAD_REQUEST", note.message, { parameter: note.parameter, ...(note.allowed ? { allowed: note.allowed } : {}) });
    }
    const query = serializeViewState(state, catalogue);
    const etag = etagFor(catalogue.dataVersion, "og", query);
    const cached = notModified(request, etag);
    if (cached) return cached;
    const png = await getOgImage(db, catalogue.dataVersion, query, renderCard, fontFamily);
    return new Response(png as BodyInit, {
      headers: {
        "Content-Type": "image/png",
        "Content-Length": String(png.byteLength),
        ETag: etag,
        ...PUBLIC_CACHE_HEADERS,
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
