import "server-only";
import { z } from "zod";
import { parseStrictViewQuery } from "@/lib/server/api/view-query";
import { getDatabase } from "@/lib/server/db";
import { AppError, toErrorResponse } from "@/lib/server/errors";
import { clientAddressOf, WindowRateLimit } from "@/lib/server/rate-limit";
import { createShortLink } from "@/lib/server/short-links/create-short-link";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { serializeViewState } from "@/lib/view-state";

// POST /api/v1/short-links — {"query": "<view query>"} → {code, url: "/s/<code>", query}: the
// query is validated and canonicalised like the page's; the same view always gets the same code.

/** Longest view query accepted (the longest sensible view, every province listed, is about 400). */
export const MAX_SHORT_LINK_QUERY = 2_000;
const MAX_BODY_BYTES = 8_192;
/** New links per client address per minute (asking again for an existing link doesn't count). */
const NEW_LINKS_PER_MINUTE = 30;

const newLinks = new WindowRateLimit("short-links", NEW_LINKS_PER_MINUTE, 60_000);

const ZShortLinkRequest = z.object({ query: z.string() }).strict();

async function readBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {
      parameter: "query",
    });
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {
      parameter: "query",
    });
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", 'The body must be JSON: {"query": "metric=…&view=…"}.', { parameter: "body" });
  }
}

export async function handleCreateShortLink(request: Request): Promise<Response> {
  try {
    const parsed = ZShortLinkRequest.safeParse(await readBody(request));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const parameter = issue.path.join(".") || (issue.code === "unrecognized_keys" ? issue.keys.join(",") : "query");
      throw new AppError("BAD_REQUEST", `${parameter}: ${issue.message}`, { parameter, allowed: ["query"] });
    }
    // "?a=b" and "/?a=b" (a copied path) are accepted too.
    const query = parsed.data.query.replace(/^\/?(embed)?\?/, "");
    if (query.length > MAX_SHORT_LINK_QUERY) {
      throw new AppError("PAYLOAD_TOO_LARGE", `The view query is longer than ${MAX_SHORT_LINK_QUERY} characters.`, {
        parameter: "query",
      });
    }

    const db = await getDatabase();
    const catalogue = await getCatalogue(db);
    const state = serializeViewState(parseStrictViewQuery(new URLSearchParams(query), catalogue), catalogue);
    const address = clientAddressOf(request);
    const link = await createShortLink(db, state, { beforeCreate: () => newLinks.hit(db, address, "new short links") });
    return Response.json(
      { code: link.code, url: `/s/${link.code}`, query: link.state },
      { status: link.isNew ? 201 : 200, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    const response = toErrorResponse(error);
    if (error instanceof AppError && typeof error.details?.retryAfter === "number") {
      response.headers.set("Retry-After", String(error.details.retryAfter));
    }
    return response;
  }
}
