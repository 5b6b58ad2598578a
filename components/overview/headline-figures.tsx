import { formatMeasure, type DisplayUnit } from "@/lib/display-unit";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { findDerivedMetric, findIndicator } from "@/lib/metrics";
import type { SeriesPoint } from "@/lib/series-math";
import { noteIn } from "@/lib/view-data";
import type { TLang } from "@/lib/view-state";
import { SampleBadge } from "./sample-badge";

function metricName(metric: string, breakdown: string, lang: TLang): string {
  const found = findIndicator(metric) ?? findDerivedMetric(metric);
  const name = (lang === "zh" ? found?.nameZh : found?.nameEn) ?? metric;
  return breakdown === "state_owned" ? `${name}: ${appDictionary(lang).pages.overview.stateOwned}` : name;
}

/** The seed article's 2017 figures, each with its unit, edition and source. */
export interface HeadlineFigure {
  metric: string;
  breakdown: string;
  unit: DisplayUnit;
  point: SeriesPoint | null;
}

export function HeadlineFigures({ headline, lang }: { headline: HeadlineFigure[]; lang: TLang }) {
  const t = appDictionary(lang).pages;
  return (
    <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t.overview.headlineLabel}>
      {headline.map(({ metric, breakdown, unit, point }) => (
        <div key={`${metric}-${breakdown}`} className="rounded border border-slate-200 p-3">
          <dt className="text-sm text-slate-600">{t.overview.figureYear(metricName(metric, breakdown, lang))}</dt>
          {point ? (
            <>
              <dd className="text-2xl font-semibold" data-testid={`figure-${metric}`}>
                {formatMeasure(point.value, unit, lang)}
                {point.isSample && <SampleBadge lang={lang} />}
              </dd>
              <dd className="mt-1 text-xs text-slate-600">
                {point.isComputed ? `${noteIn(point, lang)} · ` : ""}
                {t.overview.editionLabel}: {point.editions.join(", ")}
                {point.confidence ? ` · ${t.overview.confidenceLabel}: ${t.confidence[point.confidence] ?? point.confidence}` : ""}
              </dd>
              <dd className="mt-1 text-xs text-slate-500">
                {t.overview.sourceLabel}: {point.sourceRef ?? "—"}
              </dd>
            </>
          ) : (
            <dd className="text-slate-500">{t.overview.noData2017}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}
