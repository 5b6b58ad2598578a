import { levelShown } from "@/lib/geo-level";
import { defaultSortFor } from "@/lib/table-sort";
import type { ViewData, ViewRow } from "@/lib/view-data";
import { serializeViewState, type TView, type ViewCatalogue, type ViewState } from "@/lib/view-state";

// The time-lapse of the compare and map views: the year steps from `from` to the year the
// view shows. The years of the span load in one request (the table-shaped view of the same
// selection, every year at once); each frame is that data's rows of one year, drawn on one
// scale for the whole span so that colours and bar lengths mean the same in every frame.

/** The years a time-lapse plays, first and last included. */
export interface TimeLapseSpan {
  from: number;
  to: number;
}

/** What one scale for every frame is built from. */
export interface SpanScale extends TimeLapseSpan {
  /** The span's values of places (the map's colour classes are quantiles of these). */
  colorValues: number[];
  /** The bar axis over the span: 0 and every value, the "not attributed" bars included. */
  valueDomain: [number, number];
}

/** Milliseconds a frame stays on screen while playing. */
export const FRAME_MS = 1000;

export function isTimeLapseView(view: TView): boolean {
  return view === "compare" || view === "map";
}

/** The span of a view, from `from` to its year; null when there is only one year to show. */
export function timeLapseSpan(state: Pick<ViewState, "from" | "year">): TimeLapseSpan | null {
  return state.from < state.year ? { from: state.from, to: state.year } : null;
}

export function spanYears(span: TimeLapseSpan): number[] {
  return Array.from({ length: span.to - span.from + 1 }, (_, i) => span.from + i);
}

/** The year after `year` in the span, or null at its end. */
export function nextYear(span: TimeLapseSpan, year: number): number | null {
  return year < span.to ? Math.max(year + 1, span.from) : null;
}

/** The year before `year` in the span, or null at its start. */
export function previousYear(span: TimeLapseSpan, year: number): number | null {
  return year > span.from ? Math.min(year - 1, span.to) : null;
}

/** Where Play starts: the year shown, or the span's first year when the last one is shown. */
export function playStartYear(span: TimeLapseSpan, year: number): number {
  return year >= span.to || year < span.from ? span.from : year;
}

/**
 * The one request of a time-lapse: the table view of the same selection (same metric,
 * level as the view shows it, places, mode and edition) over every year of the span.
 * The table keeps the "not attributed" rows that compare and map show, year by year.
 */
export function spanQuery(state: ViewState, span: TimeLapseSpan, catalogue: ViewCatalogue): string {
  const level = levelShown(state);
  return serializeViewState(
    {
      ...state,
      view: "table",
      also: [],
      level,
      geos: level === state.level ? state.geos : [],
      from: span.from,
      to: span.to,
      year: span.to,
      lang: "en",
      scale: "linear",
      // The frames take their order from the view; the span's rows are the same in any.
      sort: defaultSortFor("table"),
    },
    catalogue,
  );
}

/** The rows of one year of the span. */
export function frameRows(rows: readonly ViewRow[], year: number): ViewRow[] {
  return rows.filter((row) => row.year === year);
}

/**
 * One frame as the compare or map view of that year would receive it: the view's own
 * state, query and revisions, the span's rows of the year, and the editions those rows use.
 */
export function frameData(view: ViewData, span: ViewData, year: number, catalogue: ViewCatalogue): ViewData {
  const rows = frameRows(span.rows, year);
  const used = new Set(rows.flatMap((row) => row.editions));
  const state = { ...view.state, year };
  return {
    ...view,
    state,
    query: serializeViewState(state, catalogue),
    unit: span.unit,
    rows,
    extra: [],
    editions: span.editions.filter((edition) => used.has(edition.slug)),
    hasSample: rows.some((row) => row.isSample),
  };
}

/** One scale for every frame: over the values of the whole span, not of the year shown. */
export function spanScale(rows: readonly ViewRow[], span: TimeLapseSpan): SpanScale {
  const values = rows.filter((row) => Number.isFinite(row.value)).map((row) => row.value);
  return {
    ...span,
    colorValues: rows.filter((row) => !row.isRemainder && Number.isFinite(row.value)).map((row) => row.value),
    valueDomain: [Math.min(0, ...values), Math.max(0, ...values)],
  };
}
