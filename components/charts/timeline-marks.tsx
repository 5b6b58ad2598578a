import { BREAK_DASH, BREAK_STROKE, EVENT_STROKE, LABEL_INK, PAPER } from "./palette";
import { DY_START } from "./svg-layout";
import { TIMELINE_LAYOUT, type TimelineMarker } from "./trend-model";

// The policy timeline's events and the breaks in series on a trend chart: the lines and
// labels inside the plot (both charts draw them with this, each with its own coordinates;
// the list under the chart is timeline-legend.tsx). No recharts.

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
