import type { TimelineNote, TrendTimeline } from "@/components/charts/timeline-legend";
import type { TimelineItem } from "@/components/charts/trend-model";
import type { TDictionary } from "@/lib/i18n";
import { eventsWithin, type PolicyEvent } from "@/lib/policy-events";
import { seriesBreaks, type SeriesBreak } from "@/lib/series-breaks";
import type { ViewData } from "@/lib/view-data";
import type { TLang, ViewState } from "@/lib/view-state";

// What a trend chart marks on its years, in the page's language: the breaks in the shown
// metric's series for the places shown (always), and the policy timeline's events (unless
// events=off); with the words for the list under the chart and the export's caption.

interface TimelineRequest {
  events: readonly PolicyEvent[];
  showEvents: boolean;
  metricCode: string;
  geoCodes: readonly string[];
  years: { from: number; to: number };
  lang: TLang;
  t: TDictionary;
}

const withConfidence = (source: string, confidence: string, t: TDictionary) =>
  confidence === "high" ? source : `${source}; ${t.confidence(confidence)}`;

function breakNote(seriesBreak: SeriesBreak, index: number, lang: TLang, t: TDictionary): TimelineNote {
  return {
    key: `break-${seriesBreak.year}-${index}`,
    kind: "break",
    when: t.seriesBreakWhen(seriesBreak.year, seriesBreak.lastYearBefore),
    text: lang === "zh" ? seriesBreak.changeZh : seriesBreak.changeEn,
    source: withConfidence(seriesBreak.source, seriesBreak.confidence, t),
    sourceUrl: seriesBreak.sourceUrl,
  };
}

function eventNote(event: PolicyEvent, lang: TLang, t: TDictionary): TimelineNote {
  return {
    key: `event-${event.date}-${event.labelEn}`,
    kind: "event",
    when: event.date,
    text: lang === "zh" ? event.titleZh : event.titleEn,
    source: withConfidence(event.source, event.confidence, t),
    sourceUrl: event.sourceUrl,
  };
}

export function trendTimeline({ events, showEvents, metricCode, geoCodes, years, lang, t }: TimelineRequest): TrendTimeline {
  const breaks = seriesBreaks(metricCode, geoCodes).filter((b) => b.year >= years.from && b.year <= years.to);
  const shownEvents = showEvents ? eventsWithin(events, years) : [];
  const breakNotes = breaks.map((b, index) => breakNote(b, index, lang, t));
  // One line per year with breaks: two changes in one year are one break in the figures.
  const breakItems: TimelineItem[] = [...new Set(breaks.map((b) => b.year))].map((year) => ({
    key: `break-${year}`,
    kind: "break",
    year,
    label: t.seriesBreak,
    title: `${t.seriesBreak}: ${breakNotes
      .filter((_, index) => breaks[index]!.year === year)
      .map((note) => `${note.when} ${note.text} (${t.source}: ${note.source})`)
      .join("; ")}`,
  }));
  const eventNotes = shownEvents.map((event) => eventNote(event, lang, t));
  const eventItems: TimelineItem[] = shownEvents.map((event, index) => ({
    key: eventNotes[index]!.key,
    kind: "event",
    year: event.year,
    label: lang === "zh" ? event.labelZh : event.labelEn,
    title: `${event.date}: ${eventNotes[index]!.text} (${t.source}: ${eventNotes[index]!.source})`,
  }));
  return {
    items: [...breakItems, ...eventItems],
    notes: [...breakNotes, ...eventNotes],
    labels: { breaks: t.seriesBreaks, events: t.policyEventsOnChart, source: t.source },
  };
}

const MAX_CAPTION_LINE = 180;

/** The export's caption lines for the timeline: each break and event with its source (the chart shows only short labels). */
export function timelineCaptionLines(timeline: TrendTimeline, t: TDictionary): string[] {
  return timeline.notes.map((note) => {
    const line = `${note.kind === "break" ? t.seriesBreak : t.policyEvents} · ${note.when} ${note.text} (${t.source}: ${note.source})`;
    return line.length > MAX_CAPTION_LINE ? `${line.slice(0, MAX_CAPTION_LINE - 1)}…` : line;
  });
}

/** The parts of a view its timeline depends on (so a chart can memoise on them alone). */
export type TimelineView = Pick<ViewState, "events" | "geos" | "from" | "to" | "lang">;

/** The timeline of a view's trend chart: its metric, the places its rows show, its years. */
export function viewTimeline(data: ViewData, state: TimelineView, events: readonly PolicyEvent[], t: TDictionary): TrendTimeline {
  const geoCodes = [...new Set(data.rows.filter((row) => !row.isRemainder).map((row) => row.geoCode))];
  return trendTimeline({
    events,
    showEvents: state.events === "on",
    metricCode: data.metric.code,
    geoCodes: geoCodes.length ? geoCodes : state.geos,
    years: { from: state.from, to: state.to },
    lang: state.lang,
    t,
  });
}
