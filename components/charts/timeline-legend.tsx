import { BREAK_DASH, BREAK_STROKE } from "./palette";
import type { TimelineItem } from "./trend-model";

// The list under a trend chart that says each policy event and break in series in full, with
// its source (the chart marks them briefly: timeline-marks.tsx). Apart from the marks, so the
// dashboard can show it under a table without the charts' layout code.

/** One event or break in words, for the list under the chart. */
export interface TimelineNote {
  key: string;
  kind: "event" | "break";
  /** "1992-11-09", "2015", "2014–2015". */
  when: string;
  text: string;
  source: string;
  sourceUrl: string | null;
}

export interface TimelineLegendLabels {
  /** "Breaks in series". */
  breaks: string;
  /** "Policy events on the chart (8)". */
  events: (count: number) => string;
  source: string;
}

/**
 * The breaks in series (always in view: the figures either side differ) and the events
 * (folded away), each with its source.
 */
export function TimelineLegend({ notes, labels, testId }: { notes: readonly TimelineNote[]; labels: TimelineLegendLabels; testId: string }) {
  const breaks = notes.filter((note) => note.kind === "break");
  const events = notes.filter((note) => note.kind === "event");
  if (notes.length === 0) return null;
  const item = (note: TimelineNote) => (
    <li key={note.key} data-timeline-note={note.kind}>
      <span className="font-medium tabular-nums">{note.when}</span> {note.text}{" "}
      <span className="text-slate-600">
        ({labels.source}:{" "}
        {note.sourceUrl ? (
          <a href={note.sourceUrl} className="underline" rel="noopener noreferrer" target="_blank">
            {note.source}
          </a>
        ) : (
          note.source
        )}
        )
      </span>
    </li>
  );
  return (
    <div data-testid={testId} className="mt-1 space-y-1 text-xs text-slate-700">
      {breaks.length > 0 && (
        <div>
          <p className="flex items-center gap-1.5 font-medium">
            <svg width={18} height={12} aria-hidden="true">
              <line x1={9} x2={9} y1={0} y2={12} stroke={BREAK_STROKE} strokeWidth={1.5} strokeDasharray={BREAK_DASH} />
            </svg>
            {labels.breaks}
          </p>
          <ul className="ml-6 list-disc">{breaks.map(item)}</ul>
        </div>
      )}
      {events.length > 0 && (
        <details>
          <summary className="cursor-pointer font-medium">{labels.events(events.length)}</summary>
          <ol className="ml-6 list-disc">{events.map(item)}</ol>
        </details>
      )}
    </div>
  );
}

/** What a trend chart marks on its years, and how the list under it names things. */
export interface TrendTimeline {
  items: readonly TimelineItem[];
  notes: readonly TimelineNote[];
  labels: TimelineLegendLabels;
}
