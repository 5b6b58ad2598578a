import type { TDictionary } from "@/lib/i18n";
import type { ViewGap } from "@/lib/view-data";

/** A chart cannot draw what has no value: this many gaps are listed under it, the rest counted. */
const MAX_LISTED = 30;

interface GrowthGapsProps {
  gaps: readonly ViewGap[];
  nameOf: (gap: ViewGap) => string;
  t: TDictionary;
}

/** Under a chart in growth mode: the figures that have no growth rate, each with its reason. */
export function GrowthGaps({ gaps, nameOf, t }: GrowthGapsProps) {
  if (gaps.length === 0) return null;
  const listed = gaps.slice(0, MAX_LISTED);
  return (
    <details className="mt-2 text-xs text-slate-600" data-testid="growth-gaps">
      <summary className="cursor-pointer">{t.growthGaps(gaps.length)}</summary>
      <ul className="mt-1 ml-5 list-disc">
        {listed.map((gap) => (
          <li key={`${gap.geoCode}-${gap.year}`}>
            {nameOf(gap)}, {gap.year}: {t.growthGap(gap.reason, gap.years)}
          </li>
        ))}
        {gaps.length > listed.length && <li>{t.growthGapMore(gaps.length - listed.length)}</li>}
      </ul>
    </details>
  );
}
