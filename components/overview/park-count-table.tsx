import { formatValue } from "@/lib/format";
import type { SeriesPoint } from "@/lib/series-math";

/** National zone counts by year, each with its basis in words (reported, derived, from the registry), confidence and source. */
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
              <td className={`px-3 py-1.5 text-right tabular-nums ${point.isLowerBound ? "text-slate-500" : "font-semibold"}`}>
                {point.isLowerBound ? "at least " : ""}
                {formatValue(point.value, "zones")}
              </td>
              <td className="px-3 py-1.5 text-xs text-slate-600">
                {point.note} ({point.confidence ?? "unrated"} confidence) · {point.sourceRef}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
