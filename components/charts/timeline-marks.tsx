import { BREAK_DASH, BREAK_STROKE, EVENT_STROKE, LABEL_INK, PAPER } from "./palette";
import { DY_START } from "./svg-layout";
import { TIMELINE_LAYOUT, type TimelineItem, type TimelineMarker } from "./trend-model";

// The policy timeline's events and the breaks in series on a trend chart: the lines and
// labels inside the plot (both charts draw them with this, each with its own coordinates),
// and the list under the chart that says each one in full with its source. No recharts.

interface TimelineMarksProps {
  markers: readonly TimelineMarker[];
  /** A position across the plot (0 → 1) as an x coordinate. */
  xOf: (fraction: number) => string | number;
  /** The plot's top and bottom. */
  top: number;
  bottom: string | number;
  /** Per marker, a class for its label (the static chart hides labels in narrow charts); default none. */
  labelClasses?: readonly (string | null)[];
}

export function TimelineMarks({ markers, xOf, top, bottom, labelClasses }: TimelineMarksProps) {
  if (markers.length === 0) return null;
  return (
    <g data-part="timeline" fontSize={TIMELINE_LAYOUT.fontSize}>
      {markers.map((marker, index) => {
        const isBreak = marker.kind === "break";
        const x = xOf(marker.x);
        const labelClass = labelClasses?.[index];
        return (
          <g
            key={marker.key}
            data-timeline={marker.kind}
            data-year={marker.year}
            stroke={isBreak ? BREAK_STROKE : EVENT_STROKE}
          >
            <title>{marker.title}</title>
            <line
              x1={x}
              x2={x}
              y1={top}
              y2={bottom}
              strokeWidth={isBreak ? 1.5 : 1}
              strokeDasharray={isBreak ? BREAK_DASH : undefined}
            />
            {marker.lane !== null && labelClass !== null && (
              <text
                className={labelClass || undefined}
                x={x}
                dx={marker.anchor === "start" ? TIMELINE_LAYOUT.padding : -TIMELINE_LAYOUT.padding}
                y={top + TIMELINE_LAYOUT.top + marker.lane * TIMELINE_LAYOUT.laneHeight}
                dy={DY_START}
                textAnchor={marker.anchor}
                fill={isBreak ? BREAK_STROKE : LABEL_INK}
                // A halo, so a label stays legible over the lines it crosses.
                stroke={PAPER}
                strokeWidth={3}
                paintOrder="stroke"
              >
                {marker.label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

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
