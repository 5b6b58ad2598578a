import type { CSSProperties, ReactNode } from "react";
import type { MeasureOptions } from "@/lib/display-unit";
import type { ViewRow } from "@/lib/view-data";
import { LOWER_BOUND_DOT_FILL, REMAINDER_FILL, REMAINDER_STROKE, SAMPLE_COLOR } from "./palette";

// The tooltip of the interactive charts (trend and compare): a row's value, where it
// comes from and how it was made.

const SOURCE_MAX_CHARS = 80;
const NOTE_MAX_CHARS = 160;

export interface TooltipLabels {
  edition: string;
  source: string;
  sample: string;
  computed: string;
}

/**
 * Recharts never moves the tooltip left of the plot area, so on a narrow
 * screen a wide tooltip would stick out of the page; cap it to what is left.
 */
export function tooltipWrapperStyle(plotLeftPx: number): CSSProperties {
  return { maxWidth: `min(18rem, calc(100% - ${plotLeftPx + 4}px))` };
}

export function TooltipBox({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="rounded border border-slate-300 bg-white/95 p-2 text-xs text-slate-800 shadow-md">
      {title && <p className="mb-1 font-semibold">{title}</p>}
      <ul className="space-y-1.5">{children}</ul>
    </div>
  );
}

interface TooltipEntryProps {
  row: ViewRow;
  name: string;
  color: string;
  formatValue: (value: number, options?: MeasureOptions) => string;
  labels: TooltipLabels;
}

/**
 * Name and value of one row ("at least 42 zones" for a lower bound, with its note, which
 * says what is missing), then where it comes from and how it was made.
 */
export function TooltipEntry({ row, name, color, formatValue, labels }: TooltipEntryProps) {
  const swatch = row.isLowerBound
    ? { backgroundColor: LOWER_BOUND_DOT_FILL, border: `2px solid ${color}` }
    : row.isRemainder
      ? { backgroundColor: REMAINDER_FILL, border: `1px dashed ${REMAINDER_STROKE}` }
      : { backgroundColor: color };
  return (
    <li data-lower-bound={row.isLowerBound || undefined} data-remainder={row.isRemainder || undefined}>
      <div className="flex items-baseline gap-1.5">
        <span aria-hidden className="inline-block h-2 w-2 shrink-0 rounded-full" style={swatch} />
        <span className="font-medium">{name}</span>
        <span className="ml-auto pl-2 text-right tabular-nums">
          {formatValue(row.value, { isLowerBound: row.isLowerBound })}
        </span>
      </div>
      {(row.isLowerBound || row.isRemainder) && row.note && (
        <div className="pl-3.5 text-slate-700" title={row.note}>
          {truncate(row.note, NOTE_MAX_CHARS)}
        </div>
      )}
      <div className="pl-3.5 text-slate-600">
        {row.editions.length > 0 && (
          <div>
            {labels.edition}: {row.editions.join(", ")}
          </div>
        )}
        {row.source && (
          <div title={row.source}>
            {labels.source}: {truncate(row.source, SOURCE_MAX_CHARS)}
          </div>
        )}
        {(row.isSample || row.isComputed) && (
          <div className="flex flex-wrap gap-1 pt-0.5">
            {row.isSample && (
              <span
                className="rounded border px-1 font-medium"
                style={{ color: SAMPLE_COLOR, borderColor: SAMPLE_COLOR }}
              >
                {labels.sample}
              </span>
            )}
            {row.isComputed && <span className="rounded border border-slate-400 px-1 italic">{labels.computed}</span>}
          </div>
        )}
      </div>
    </li>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
