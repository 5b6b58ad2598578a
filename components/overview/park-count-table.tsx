import type { SeriesPoint } from "@/lib/series-math";

/** National zone counts by year: reported figures, and registry sums where nothing is reported. */
export function ParkCountTable({ points }: { points: SeriesPoint[] }) {
  return (
    <div className="max-h-[32rem] overflow-auto rounded border border-slate-200">
      <table className="w-full text-left text-sm" aria-label="National high-tech zones by year">
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2">Year</th>
            <th scope="col" className="px-3 py-2 text-right">Zones (count)</th>
            <th scope="col" className="px-3 py-2">Basis and source</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.year} className="border-t border-slate-100 align-top">
              <td className="px-3 py-1.5 tabular-nums">{point.year}</td>
              <td className={`px-3 py-1.5 text-right tabular-nums ${point.isComputed ? "text-slate-500" : "font-semibold"}`}>
                {point.value.toLocaleString("en-US")} zones
              </td>
              <td className="px-3 py-1.5 text-xs text-slate-600">
                {point.isComputed ? (
                  <>Computed from the partial registry ({point.note?.replace(/^Computed: /, "")}): a lower bound after 2009</>
                ) : (
                  <>
                    Reported ({point.confidence} confidence) · {point.sourceRef}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
