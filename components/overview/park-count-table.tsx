import { formatAtLeast, formatValue } from "@/lib/format";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import type { SeriesPoint } from "@/lib/series-math";
import type { TLang } from "@/lib/view-state";

/** National zone counts by year, each with its basis in words (reported, derived, from the registry), confidence and source. */
export function ParkCountTable({ points, lang }: { points: SeriesPoint[]; lang: TLang }) {
  const t = appDictionary(lang).pages;
  return (
    <div className="max-h-[32rem] overflow-auto rounded border border-slate-200">
      <table className="w-full text-left text-sm" aria-label={t.overview.parksTable}>
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2">{t.overview.parksColumns.year}</th>
            <th scope="col" className="px-3 py-2 text-right">{t.overview.parksColumns.zones}</th>
            <th scope="col" className="px-3 py-2">{t.overview.parksColumns.basis}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => {
            const count = formatValue(point.value, "zones", lang);
            const confidence = point.confidence ? (t.confidence[point.confidence] ?? point.confidence) : t.overview.unrated;
            return (
              <tr key={point.year} className="border-t border-slate-100 align-top">
                <td className="px-3 py-1.5 tabular-nums">{point.year}</td>
                <td className={`px-3 py-1.5 text-right tabular-nums ${point.isLowerBound ? "text-slate-500" : "font-semibold"}`}>
                  {point.isLowerBound ? formatAtLeast(count, lang) : count}
                </td>
                <td className="px-3 py-1.5 text-xs text-slate-600">
                  {point.note} {t.overview.confidenceOf(confidence)} · {point.sourceRef}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
