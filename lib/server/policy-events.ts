import "server-only";
import { z } from "zod";
import { ZEventDate, ZPolicyEvent } from "@/lib/api/reference-schemas";
import { CONFIDENCES, type PolicyEvent } from "@/lib/policy-events";
import { readSeedCsv } from "@/lib/server/seed/read-csv";

// The policy timeline's events, from prisma/seed/data/torch_policy_events.csv: read and
// validated once per process (a bad row stops with its row number, like the seed).

export const POLICY_EVENTS_FILE = "torch_policy_events.csv";

const blankToNull = (value: string) => (value === "" ? null : value);

const ZPolicyEventRow = z
  .object({
    date: ZEventDate,
    label_en: ZPolicyEvent.shape.labelEn,
    label_zh: ZPolicyEvent.shape.labelZh,
    title_en: z.string().min(1),
    title_zh: z.string().min(1),
    source: z.string().min(1),
    source_url: z.union([z.url(), z.literal("")]).transform(blankToNull),
    confidence: z.enum(CONFIDENCES),
    note: z.string().transform(blankToNull),
  })
  .transform(
    (row): PolicyEvent => ({
      date: row.date,
      year: Number(row.date.slice(0, 4)),
      labelEn: row.label_en,
      labelZh: row.label_zh,
      titleEn: row.title_en,
      titleZh: row.title_zh,
      source: row.source,
      sourceUrl: row.source_url,
      confidence: row.confidence,
      note: row.note,
    }),
  );

let cached: PolicyEvent[] | null = null;

/** Every event of the timeline, in date order. */
export function getPolicyEvents(): PolicyEvent[] {
  cached ??= readSeedCsv(POLICY_EVENTS_FILE, ZPolicyEventRow).sort((a, b) => a.date.localeCompare(b.date));
  return cached;
}
