// POST /api/admin/uploads?fileName=…&title=…&source=…[&yearbookYear=…][&kind=figures|registry] — the file
// itself is the request body, streamed into the ingest library: yearbook figures, or a file of zones for the
// registry. 201 with the draft edition, or 422 with the report.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { z } from "zod";
import { DEFAULT_LIMITS } from "@/lib/ingest";
import { requireUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { uploadEdition } from "@/lib/server/editions/upload-edition";
import { uploadRegistry } from "@/lib/server/editions/upload-registry";
import { AppError, toErrorResponse } from "@/lib/server/errors";
import { parseSearchParams } from "@/lib/server/http";

export const dynamic = "force-dynamic";

const ZUploadParams = z.object({
  fileName: z.string().trim().min(1, "fileName is required").max(255),
  title: z.string().trim().min(3, "title needs at least 3 characters").max(200),
  source: z.string().trim().min(3, "source needs at least 3 characters").max(500),
  yearbookYear: z.coerce.number().int().min(1988).max(2100).nullable().default(null),
  kind: z.enum(["figures", "registry"]).default("figures"),
});

function invalidUpload(report: { errorCount: number }): Response {
  return Response.json(
    { error: { code: "INVALID_UPLOAD", message: `The file has ${report.errorCount} ${report.errorCount === 1 ? "error" : "errors"}; nothing was saved.` }, report },
    { status: 422 },
  );
}

export async function POST(request: Request): Promise<Response> {
  try {
    const user = await requireUser(request, { role: "editor" });
    const { kind, ...meta } = parseSearchParams(request, ZUploadParams);
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > DEFAULT_LIMITS.maxBytes) {
      throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than the ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MB limit.`);
    }
    if (!request.body) throw new AppError("BAD_REQUEST", "The request has no file: send the file as the request body.");
    const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
    if (kind === "registry") {
      const outcome = await uploadRegistry(await getDatabase(), meta, body, user.id);
      const { report } = outcome;
      if (outcome.status === "invalid") return invalidUpload(report);
      return Response.json({ edition: outcome.edition, added: report.added, corrected: report.corrected, report }, { status: 201 });
    }
    const outcome = await uploadEdition(await getDatabase(), meta, body, user.id);
    const { report } = outcome;
    if (outcome.status === "invalid") return invalidUpload(report);
    return Response.json({ edition: outcome.edition, observations: report.observationCount, report }, { status: 201 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
