import { COVERAGE_COLORS } from "@/components/charts/palette";
import { COVERAGE_STATUSES, COVERAGE_SYMBOLS, type CoverageMatrix, type TCoverageStatus } from "@/lib/coverage";
import { formatCount } from "@/lib/format";
import type { TDictionary } from "@/lib/i18n";
import type { TLang } from "@/lib/view-state";

interface CoverageTableProps {
  coverage: CoverageMatrix;
  /** The caption's first words: the metric (and mode) the matrix is of. */
  metricTitle: string;
  lang: TLang;
  t: TDictionary;
}

function Swatch({ status }: { status: TCoverageStatus }) {
  const { fill, ink } = COVERAGE_COLORS[status];
  return (
    <span
      aria-hidden="true"
      className="inline-flex h-5 w-5 items-center justify-center rounded-sm text-xs font-semibold"
      style={{ backgroundColor: fill, color: ink }}
    >
      {COVERAGE_SYMBOLS[status]}
    </span>
  );
}

/**
 * Years across, places down: what kind of figure each cell is, by colour and by
 * symbol, with the status in words for screen readers and as a tooltip. Plain
 * HTML, so the server's first paint is the finished table. Wide matrices scroll
 * inside a focusable region, so the keyboard can scroll them too.
 */
export function CoverageTable({ coverage, metricTitle, lang, t }: CoverageTableProps) {
  const first = coverage.years[0];
  const last = coverage.years.at(-1);
  const nameOf = (place: { nameEn: string; nameZh: string }) => (lang === "zh" ? place.nameZh : place.nameEn);
  return (
    <div className="space-y-2" data-testid="coverage">
      <ul aria-label={t.coverageLegend} className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="coverage-legend">
        {COVERAGE_STATUSES.map((status) => (
          <li key={status} className="flex items-center gap-1.5" title={t.coverageHelp[status]}>
            <Swatch status={status} />
            <span>
              {t.coverageStatus[status]} <span className="tabular-nums font-semibold">{formatCount(coverage.counts[status], lang)}</span>
            </span>
          </li>
        ))}
      </ul>
      <div
        role="region"
        aria-label={t.coverageRegion}
        tabIndex={0}
        className="max-h-[70vh] overflow-auto rounded border border-slate-200 focus:outline-none focus:ring-2 focus:ring-sky-600"
      >
        <table className="border-separate border-spacing-0 text-xs">
          <caption className="px-2 py-1 text-left text-xs text-slate-600">
            {t.coverageCaption(metricTitle, first ?? 0, last ?? 0)}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="sticky top-0 left-0 z-20 bg-slate-50 px-2 py-1 text-left font-semibold">
                {t.geography}
              </th>
              {coverage.years.map((year) => (
                <th key={year} scope="col" className="sticky top-0 z-10 bg-slate-50 px-1 py-1 text-center font-semibold tabular-nums">
                  {year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.places.map((place) => {
              const name = nameOf(place);
              return (
                <tr key={place.code}>
                  <th scope="row" className="sticky left-0 z-10 whitespace-nowrap border-t border-slate-100 bg-white px-2 py-0.5 text-left font-normal">
                    {name}
                  </th>
                  {place.statuses.map((status, index) => {
                    const year = coverage.years[index]!;
                    const { fill, ink } = COVERAGE_COLORS[status];
                    return (
                      <td
                        key={year}
                        title={t.coverageCell(name, year, t.coverageStatus[status], t.coverageHelp[status])}
                        data-status={status}
                        className="border-t border-l border-white px-1 py-0.5 text-center font-semibold"
                        style={{ backgroundColor: fill, color: ink }}
                      >
                        <span aria-hidden="true">{COVERAGE_SYMBOLS[status]}</span>
                        <span className="sr-only">{t.coverageStatus[status]}</span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
