import { z } from "zod";
import { CONFIDENCES } from "@/lib/policy-events";

// The zod schemas of the reference data that /api/v1/meta lists (policy events,
// breaks in series): for the server, which validates the files and documents the
// API. The browser gets the types only (lib/policy-events.ts, lib/series-breaks.ts):
// zod's own eval probe would break the pages' content security policy.

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


export const ZSeriesBreak = z
  .object({
    year: z.number().int().describe("The first data year in the new form: figures from this year on are not like for like with those before."),
    lastYearBefore: z
      .number()
      .int()
      .nullable()
      .describe("The last data year the sources show in the old form, when the change is only known to lie between the two; null when the year is known."),
    changeEn: z.string(),
    changeZh: z.string(),
    source: z.string(),
    sourceUrl: z.url(),
    confidence: z.enum(CONFIDENCES),
    places: z.array(z.string()).nullable().describe("Geo codes whose figures the change touches; null: every place."),
  })
  .describe("A break in a series: where what the indicator measures changes.");

