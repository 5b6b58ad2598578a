import { z } from "zod";

// Dated events of the Torch Program (its launch, the batches of zones, the plans and
// reforms that shaped it), as the trend charts mark them and /api/v1/meta lists them.
// The events themselves are reference data: prisma/seed/data/torch_policy_events.csv,
// read on the server (lib/server/policy-events.ts). Isomorphic.

export const CONFIDENCES = ["high", "medium", "low"] as const;
export type TConfidence = (typeof CONFIDENCES)[number];

/** A date as precise as the sources are: "1988", "1991-03" or "1992-11-09". */
export const ZEventDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "a date: YYYY, YYYY-MM or YYYY-MM-DD");

export const ZPolicyEvent = z
  .object({
    date: ZEventDate.describe("As precise as the sources are: YYYY, YYYY-MM or YYYY-MM-DD."),
    year: z.number().int().describe("The year the chart marks (the date's year)."),
    labelEn: z.string().min(1).max(24).describe("The short label on the chart."),
    labelZh: z.string().min(1).max(12),
    titleEn: z.string().min(1).describe("What happened, in a line."),
    titleZh: z.string().min(1),
    source: z.string().min(1),
    sourceUrl: z.url().nullable(),
    confidence: z.enum(CONFIDENCES),
    note: z.string().nullable(),
  })
  .describe("A dated event of the Torch Program, with a line in each language and its source.");

export type PolicyEvent = z.infer<typeof ZPolicyEvent>;

/** The events within a chart's years, in date order. */
export function eventsWithin(events: readonly PolicyEvent[], years: { from: number; to: number }): PolicyEvent[] {
  return events.filter((event) => event.year >= years.from && event.year <= years.to).sort((a, b) => a.date.localeCompare(b.date));
}
