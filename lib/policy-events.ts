import type { z } from "zod";
import type { ZPolicyEvent } from "@/lib/api/reference-schemas";

// Dated events of the Torch Program (its launch, the batches of zones, the plans and
// reforms that shaped it), as the trend charts mark them and /api/v1/meta lists them.
// The events themselves are reference data: prisma/seed/data/torch_policy_events.csv,
// read on the server (lib/server/policy-events.ts). Isomorphic.

export const CONFIDENCES = ["high", "medium", "low"] as const;
export type TConfidence = (typeof CONFIDENCES)[number];

export type PolicyEvent = z.infer<typeof ZPolicyEvent>;

/** The events within a chart's years, in date order. */
export function eventsWithin(events: readonly PolicyEvent[], years: { from: number; to: number }): PolicyEvent[] {
  return events.filter((event) => event.year >= years.from && event.year <= years.to).sort((a, b) => a.date.localeCompare(b.date));
}
