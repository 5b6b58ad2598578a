import { z } from "zod";
import { COVERAGE_STATUSES } from "@/lib/coverage";
import { GROWTH_GAP_REASONS } from "@/lib/growth";
import { CANONICAL_UNITS, type TCanonicalUnit } from "@/lib/units";
import { TABLE_SORTS } from "@/lib/table-sort";
import { EVENTS, LANGUAGES, LEVELS, MODES, SCALES, URL_KEYS, VIEWS, type ViewNote, type ViewState } from "@/lib/view-state";

// The /api/v1/series response as zod schemas: the one description of its JSON, in both
// shapes. The TypeScript types (lib/view-data.ts, lib/display-unit.ts, lib/coverage.ts)
// are inferred from these, and the OpenAPI document (lib/api/openapi.ts) is generated
// from them, so neither can drift from the other. Import types only from client code:
// the schemas pull zod into a bundle.

export const ZDisplayUnit = z
  .object({
    unit: z.enum(Object.keys(CANONICAL_UNITS) as [TCanonicalUnit, ...TCanonicalUnit[]]),
    suffixEn: z.string().optional().describe('Qualifier: "per zone", "of national total".'),
    suffixZh: z.string().optional(),
  })
  .describe("A canonical unit with an optional qualifier.");

const ZYear = z.int().min(0);
const ZCount = z.int().min(0);

export const ZViewRow = z
  .object({
    geoCode: z.string().describe('Geo code, with ":category" for indicators reported by category.'),
    geoNameEn: z.string(),
    geoNameZh: z.string(),
    year: ZYear,
    value: z.number().describe("In the response's unit."),
    editions: z.array(z.string()).describe("Slugs of the editions the value comes from."),
    isSample: z.boolean().describe("From the synthetic sample edition: invented, not official statistics."),
    isComputed: z.boolean().describe("A sum of provinces, a ratio of sums or a growth rate rather than a reported figure (the note says how it was computed)."),
    isLowerBound: z
      .boolean()
      .describe(
        'The value is a lower bound ("at least"): a sum whose parts are incomplete, a count from a registry known to be incomplete, or a source that says "more than". Never the total.',
      ),
    isRemainder: z
      .boolean()
      .describe('The row "Not attributed to a province/region" (geoCode "unattributed"): the reported total minus the sum of the places shown.'),
    note: z.string().nullable(),
    noteZh: z
      .string()
      .optional()
      .describe("The note in Chinese, where the app wrote it (computed figures: sums, ratios, growth rates, the part not attributed); a reported figure's note is as its source gives it."),
    source: z.string().nullable().describe("Where the figure is printed: yearbook table and page, or a citation."),
    confidence: z.string().nullable(),
  })
  .describe("One figure: a place in a year.");

export const ZViewGap = ZViewRow.pick({ geoCode: true, geoNameEn: true, geoNameZh: true, year: true, isRemainder: true })
  .extend({
    reason: z
      .enum(GROWTH_GAP_REASONS)
      .describe(
        "missing: no value for the year compared with; lower-bound: either value is only a lower bound; remainder: the row not attributed to a place; break: a break in series falls between the two years; not-positive: a value the rate needs is zero or negative; no-span: from is not before year (compare, map).",
      ),
    years: z.array(ZYear).describe("The years the reason is about: the year without a value, the lower bound's, the break's …"),
    note: z.string().describe("The reason in words."),
  })
  .describe("mode=growth: a figure of the absolute view that has no growth rate, and why (a gap, never a number).");

/** What a compact response names once for all the rows that share it: the row fields it replaces. */
export const ZRowSource = ZViewRow.pick({ editions: true, source: true, confidence: true }).describe(
  "Where figures come from: their editions, source and confidence, named once for every row that shares them.",
);

export const ZCompactViewRow = ZViewRow.omit({ editions: true, source: true, confidence: true, note: true, noteZh: true })
  .extend({
    source: ZCount.describe("Index into the response's sources: the row's editions, source and confidence."),
    note: ZCount.nullable().describe("Index into the response's rowNotes; null: no note."),
    noteZh: ZCount.optional().describe("Index into the response's rowNotes: the note in Chinese, where the app wrote it."),
  })
  .describe("One figure, its source and note named by index (shape=compact).");

export const ZMetricInfo = z
  .object({
    code: z.string(),
    nameEn: z.string(),
    nameZh: z.string(),
    descriptionEn: z.string(),
    descriptionZh: z.string(),
    formulaEn: z.string().nullable().describe("For derived metrics and modes: how the figure is computed."),
    formulaZh: z.string().nullable(),
    unit: ZDisplayUnit,
    isDerived: z.boolean(),
    isAdditive: z.boolean(),
  })
  .describe("Code, names, description, formula and unit of a metric.");

export const ZEditionInfo = z
  .object({
    slug: z.string(),
    title: z.string(),
    source: z.string(),
    isSample: z.boolean(),
    publishedAt: z.string().nullable().describe("ISO 8601."),
  })
  .describe("A published edition of the yearbook (or of the sources the app gathers).");

const ZViewState = z
  .object({
    metric: z.string(),
    also: z.array(z.string()).describe("More metrics for the table view, sorted."),
    view: z.enum(VIEWS),
    level: z.enum(LEVELS),
    geos: z.array(z.string()).describe("Geo codes at the level, sorted; empty means all of them."),
    from: ZYear,
    to: ZYear,
    year: ZYear.describe("The one year compare and map show."),
    mode: z.enum(MODES),
    edition: z.string().describe('"latest" or the slug of the pinned edition.'),
    lang: z.enum(LANGUAGES),
    scale: z.enum(SCALES),
    events: z.enum(EVENTS).describe("Whether trend charts mark the policy timeline's events."),
    sort: z.enum(TABLE_SORTS).describe("The order of the dashboard's table rows and compare bars; the rows here keep one order."),
  })
  .describe("The complete view state (every URL key, defaults filled in).") satisfies z.ZodType<ViewState>;

const ZViewNote = z.object({
  parameter: z.enum(URL_KEYS),
  message: z.string(),
  allowed: z.array(z.string()).readonly().optional(),
}) satisfies z.ZodType<ViewNote>;

export const ZViewRevisions = z
  .object({
    edition: z.object({ slug: z.string(), title: z.string() }).describe("The newest edition published after the pinned one that changed a figure on screen."),
    otherEditions: ZCount.describe("How many other newer editions changed figures too."),
    revised: ZCount.describe("Figures on screen whose value differs in the latest data."),
    added: ZCount.describe("Figures the latest data adds to the view."),
    removed: ZCount.describe("Figures of the pinned view the latest data no longer has."),
    total: ZCount.describe("Figures on screen (rows of the pinned view)."),
    latestQuery: z.string().describe("The same view on the latest data: the query without its edition."),
  })
  .describe("What newer editions changed in a pinned view.");

const ZCoverageRow = z.object({
  code: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  statuses: z.array(z.enum(COVERAGE_STATUSES)).describe("One per year, in the order of years."),
});

export const ZCoverage = z
  .object({
    years: z.array(ZYear).describe("from..to, every year."),
    places: z.array(ZCoverageRow).describe("The places selected (geo), else every place of the level, in the catalogue's order."),
    counts: z.record(z.enum(COVERAGE_STATUSES), ZCount).describe("Cells of each status; they add up to places × years."),
  })
  .describe(
    "view=coverage: years × places, each cell's status. reported: as an edition printed it; computed: a sum or ratio of complete parts; partial: a lower bound (parts incomplete); sample: from the synthetic sample edition; missing: no figure. Where a cell has figures of several kinds (by category), the weakest counts. The row not attributed to a province is left out.",
  );

/** The response without its rows: the same in both shapes. */
const ZViewHeader = z.object({
  state: ZViewState,
  query: z.string().describe("The canonical query string of the view: equal views have equal queries."),
  notes: z.array(ZViewNote).describe("Parameters the page fell back on; always empty in the API, which answers 400 instead."),
  metric: ZMetricInfo,
  unit: ZDisplayUnit.describe("The unit of every value in rows (differs from metric.unit in per-zone, share and growth modes)."),
  level: z.enum(LEVELS).describe("The level rows are at (the map always shows provinces)."),
  editions: z.array(ZEditionInfo).describe("Editions that contributed at least one row."),
  hasSample: z.boolean().describe("True when any row comes from the synthetic sample edition."),
  dataVersion: ZCount,
  revisions: z.xor([ZViewRevisions, z.null()]).describe("For a pinned view: what newer published editions changed on screen; null when nothing did (or not pinned)."),
  coverage: z.xor([ZCoverage, z.null()]).describe("view=coverage: the matrix; null in the other views."),
  gaps: z
    .array(ZViewGap)
    .describe(
      "mode=growth: the figures whose growth rate cannot be computed, each with its reason (rows has the others); empty in the other modes.",
    ),
});

const EXTRA_DESCRIPTION = "Table view: the `also` metrics, each absolute, with its own unit and rows.";

export const ZViewData = ZViewHeader.extend({
  rows: z.array(ZViewRow),
  extra: z.array(z.object({ metric: ZMetricInfo, unit: ZDisplayUnit, rows: z.array(ZViewRow) })).describe(EXTRA_DESCRIPTION),
}).describe("The view actually shown (after defaults), its rows, unit, editions and flags; every row names its source and note.");

export const ZCompactViewData = ZViewHeader.extend({
  rows: z.array(ZCompactViewRow),
  extra: z.array(z.object({ metric: ZMetricInfo, unit: ZDisplayUnit, rows: z.array(ZCompactViewRow) })).describe(EXTRA_DESCRIPTION),
  sources: z.array(ZRowSource).describe("Each distinct source of the rows (and extra rows), once."),
  rowNotes: z.array(z.string()).describe("Each distinct note of the rows (and extra rows), once."),
}).describe("shape=compact: the same view, its rows referring to sources and rowNotes by index.");

/** The JSON of /api/v1/series: the default shape or, with shape=compact, the compact one. */
export const ZSeriesResponse = z.xor([ZViewData, ZCompactViewData]);
