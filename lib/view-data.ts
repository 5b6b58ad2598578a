import type { z } from "zod";
import type {
  ZCompactViewData,
  ZCompactViewRow,
  ZEditionInfo,
  ZMetricInfo,
  ZRowSource,
  ZViewData,
  ZViewGap,
  ZViewRevisions,
  ZViewRow,
} from "@/lib/api/series-response";
import type { PolicyEvent } from "@/lib/policy-events";
import type { TLang, TLevel, ViewCatalogue } from "@/lib/view-state";

// The data behind one view, as the server sends it to the page, the API and
// the exports. Isomorphic types only, inferred from the response's schema
// (lib/api/series-response.ts).

/** The geo code of the remainder row (ViewRow.isRemainder). */
export const UNATTRIBUTED = "unattributed";

/**
 * One figure: a place in a year, with its editions, flags, source and note. The row
 * "Not attributed to a province" (isRemainder, geoCode UNATTRIBUTED) is the reported
 * total minus the sum of the places shown, so the rows add up to the total.
 */
export type ViewRow = z.infer<typeof ZViewRow>;
/**
 * The rows as a reader of `lang` sees them: in Chinese, each note the app wrote (a computed figure's) in
 * Chinese; a reported figure's note stays as its source gives it.
 */
export function withNotesIn<T extends Pick<ViewData, "rows" | "extra">>(data: T, lang: TLang): T {
  if (lang !== "zh") return data;
  const inChinese = (row: ViewRow): ViewRow => (row.noteZh === undefined ? row : { ...row, note: noteIn(row, lang) });
  return { ...data, rows: data.rows.map(inChinese), extra: data.extra.map((table) => ({ ...table, rows: table.rows.map(inChinese) })) };
}

/** A figure's note as a reader of `lang` sees it (a row's, or a series point's). */
export function noteIn(figure: { note: string | null; noteZh?: string }, lang: TLang): string | null {
  return lang === "zh" && figure.noteZh !== undefined ? figure.noteZh : figure.note;
}

/** mode=growth: a figure whose growth rate cannot be computed, with the reason (lib/growth.ts). */
export type ViewGap = z.infer<typeof ZViewGap>;
export type MetricInfo = z.infer<typeof ZMetricInfo>;
export type EditionInfoForView = z.infer<typeof ZEditionInfo>;
/** Everything one view shows: the default shape of /api/v1/series. */
export type ViewData = z.infer<typeof ZViewData>;
/** The same view with each source and note named once, rows referring to them by index (shape=compact). */
export type CompactViewData = z.infer<typeof ZCompactViewData>;
export type CompactViewRow = z.infer<typeof ZCompactViewRow>;
export type RowSource = z.infer<typeof ZRowSource>;
/** What newer editions changed in a pinned view (lib/server/queries/get-view-revisions.ts). */
export type ViewRevisions = z.infer<typeof ZViewRevisions>;

/** What the dashboard knows about the data, sent once with the page (and by /api/v1/meta). */
export interface Catalogue extends ViewCatalogue {
  dataVersion: number;
  /** Levels at which some published edition reports figures (zones only once an edition has them). */
  levelsWithData: TLevel[];
  metricInfo: MetricInfo[];
  regions: { code: string; nameEn: string; nameZh: string }[];
  provinces: { code: string; nameEn: string; nameZh: string; nameZhShort: string; regionCode: string }[];
  parks: { code: string; nameEn: string | null; nameZh: string; provinceCode: string; approvedOn: string | null }[];
  publishedEditions: EditionInfoForView[];
  /** The policy timeline (prisma/seed/data/torch_policy_events.csv), in date order. */
  events: PolicyEvent[];
}
