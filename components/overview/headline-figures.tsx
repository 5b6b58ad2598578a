import { formatMeasure, type DisplayUnit } from "@/lib/display-unit";
import { findDerivedMetric, findIndicator } from "@/lib/metrics";
import type { SeriesPoint } from "@/lib/series-math";
import { SampleBadge } from "./sample-badge";

function metricName(metric: string, breakdown: string): string {
  const name = findIndicator(metric)?.nameEn ?? findDerivedMetric(metric)?.nameEn ?? metric;
  return breakdown === "state_owned" ? `${name}: state-owned` : name;
}


/** The seed article's 2017 figures, each with its unit, edition and source. */
export interface HeadlineFigure {
  metric: string;
  breakdown: string;
  unit: DisplayUnit;
  point: SeriesPoint | null;
}

export function HeadlineFigures({ headline }: { headline: HeadlineFigure[] }) {
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="2017 headline figures">
      {headline.map(({ metric, breakdown, unit, point }) => (
        <div key={`${metric}-${breakdown}`} className="rounded border border-slate-200 p-3">
          <dt className="text-sm text-slate-600">{metricName(metric, breakdown)}, 2017</dt>
          {point ? (
            <>
              <dd className="text-2xl font-semibold" data-testid={`figure-${metric}`}>
                {formatMeasure(point.value, unit, "en")}
                {point.isSample && <SampleBadge />}
              </dd>
              <dd className="mt-1 text-xs text-slate-600">
                {point.isComputed ? `${point.note} · ` : ""}Edition: {point.editions.join(", ")}
                {point.confidence ? ` · confidence: ${point.confidence}` : ""}
              </dd>
              <dd className="mt-1 text-xs text-slate-500">Source: {point.sourceRef ?? "—"}</dd>
            </>
          ) : (
            <dd className="text-slate-500">No data for 2017</dd>
          )}
        </div>
      ))}
    </dl>
  );
}
