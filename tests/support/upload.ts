import type { Database } from "@/lib/server/db";
import { uploadEdition } from "@/lib/server/editions/upload-edition";

type TUploadMeta = Parameters<typeof uploadEdition>[1];

/** Uploads CSV text as a draft edition through the real ingest path; throws with the report's problems if refused. */
export async function uploadCsvDraft(db: Database, meta: TUploadMeta, csv: string, actorId: string): Promise<{ id: number }> {
  async function* body() {
    yield new TextEncoder().encode(csv);
  }
  const outcome = await uploadEdition(db, meta, body(), actorId);
  if (outcome.status !== "draft") throw new Error(`upload refused: ${JSON.stringify(outcome.report.problems)}`);
  return outcome.edition;
}
