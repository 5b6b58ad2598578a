import type { DisplayUnit } from "@/lib/display-unit";
import type { MetricInfo, ViewGap, ViewRow } from "@/lib/view-data";
import type { TView, ViewState } from "@/lib/view-state";

// Growth mode (mode=growth): the figures of the absolute view as growth rates, in %. Trend
// and table: each figure's change on the year before; compare and map: the compound annual
// growth rate from `from` to `year`. A figure whose rate cannot be computed honestly becomes a
// gap with its reason, never a number. Pure and isomorphic.

/** Why a figure of the absolute view has no growth rate (ViewGap.reason). */
export const GROWTH_GAP_REASONS = ["missing", "lower-bound", "remainder", "break", "not-positive", "no-span"] as const;
export type TGrowthGapReason = (typeof GROWTH_GAP_REASONS)[number];

/**
 * A break in series: from the data year `year` on, the indicator means something else
 * (`what`), so no rate is computed between a year before it and one from it on.
 */
export interface SeriesBreak {
  year: number;
  what: string;
}

/** "change on the year before" in trend and table views; "compound" (CAGR) in compare and map. */
export type TGrowthKind = "year-on-year" | "compound";

export function growthKind(view: TView): TGrowthKind {
  return view === "compare" || view === "map" ? "compound" : "year-on-year";
}

/** (current − previous) ÷ previous × 100; null when previous ≤ 0 (no base a change can be a share of). */
export function percentChange(previous: number, current: number): number | null {
  return previous > 0 ? ((current - previous) / previous) * 100 : null;
}

/** ((last ÷ first)^(1 ÷ years) − 1) × 100; null when either end is ≤ 0 or the span is not at least a year. */
export function compoundAnnualGrowthRate(first: number, last: number, years: number): number | null {
  if (first <= 0 || last <= 0 || years <= 0) return null;
  return ((last / first) ** (1 / years) - 1) * 100;
}

/** The first break between two years: one at which the series at `to` means something else than at `from`. */
export function breakBetween(breaks: readonly SeriesBreak[], from: number, to: number): SeriesBreak | undefined {
  return [...breaks].sort((a, b) => a.year - b.year).find((b) => b.year > from && b.year <= to);
}

/** The unit of growth rates: "% change on previous year", "% a year, CAGR 2010–2017". */
export function growthUnit(state: Pick<ViewState, "view" | "from" | "year">): DisplayUnit {
  if (growthKind(state.view) === "year-on-year") {
    return { unit: "percent", suffixEn: "change on previous year", suffixZh: "比上年增长" };
  }
  return { unit: "percent", suffixEn: `a year, CAGR ${state.from}–${state.year}`, suffixZh: `${state.from}–${state.year}年年均复合增长` };
}

/** How a view's growth rates are computed, in words, around the metric's own formula if it has one. */
export function growthFormula(
  state: Pick<ViewState, "view" | "from" | "year">,
  base: Pick<MetricInfo, "formulaEn" | "formulaZh">,
): { en: string; zh: string } {
  const span = state.year - state.from;
  const growth =
    growthKind(state.view) === "year-on-year"
      ? { en: "(value − value of the year before) ÷ value of the year before × 100", zh: "（当年数值 − 上年数值）÷ 上年数值 × 100" }
      : {
          en: `((value in ${state.year} ÷ value in ${state.from})^(1 ÷ ${span}) − 1) × 100`,
          zh: `（（${state.year}年数值 ÷ ${state.from}年数值）^（1 ÷ ${span}）− 1）× 100`,
        };
  return {
    en: base.formulaEn ? `${growth.en}, where value = ${base.formulaEn}` : growth.en,
    zh: base.formulaZh ? `${growth.zh}，数值 = ${base.formulaZh}` : growth.zh,
  };
}

/** The metric a growth view shows: the same, with the formula of its growth rates. */
export function withGrowthFormula(metric: MetricInfo, state: Pick<ViewState, "mode" | "view" | "from" | "year">): MetricInfo {
  if (state.mode !== "growth") return metric;
  const formula = growthFormula(state, metric);
  return { ...metric, formulaEn: formula.en, formulaZh: formula.zh };
}

export interface GrowthFigures {
  rows: ViewRow[];
  gaps: ViewGap[];
}

/** A number as a note prints it: exact, without float noise. */
const plain = (value: number) => String(Number(value.toPrecision(12)));

const union = (lists: string[][]) => [...new Set(lists.flat())].sort();

interface Comparison {
  /** The figure the rate is for. */
  current: ViewRow;
  /** The figure it is compared with, if the absolute view has one. */
  base: ViewRow | undefined;
  baseYear: number;
  /** The breaks of the figure's series (they may differ by place). */
  breaks: readonly SeriesBreak[];
  /** The figures that must be positive for the rate to mean anything. */
  mustBePositive: (base: ViewRow, current: ViewRow) => ViewRow[];
  rate: (base: ViewRow, current: ViewRow) => number | null;
  /** "(156 − 146) ÷ 146 × 100". */
  formula: (base: ViewRow, current: ViewRow) => string;
}

function gap(current: ViewRow, reason: TGrowthGapReason, years: number[], why: string): ViewGap {
  return {
    geoCode: current.geoCode,
    geoNameEn: current.geoNameEn,
    geoNameZh: current.geoNameZh,
    year: current.year,
    isRemainder: current.isRemainder,
    reason,
    years,
    note: `Not computed: ${why}`,
  };
}

/** One figure's growth rate, or the gap that stands for it. */
function compare({ current, base, baseYear, breaks, mustBePositive, rate, formula }: Comparison): ViewRow | ViewGap {
  if (current.isRemainder) {
    return gap(current, "remainder", [current.year], "the part not attributed to a place is what the places shown leave of the total, not a series of its own");
  }
  if (!base) return gap(current, "missing", [baseYear], `no value for ${baseYear} to compare with`);
  const lowerBounds = [base, current].filter((row) => row.isLowerBound).map((row) => row.year);
  if (lowerBounds.length) {
    return gap(current, "lower-bound", lowerBounds, `the value for ${lowerBounds.join(" and ")} is only a lower bound (at least), not the total`);
  }
  const seriesBreak = breakBetween(breaks, baseYear, current.year);
  if (seriesBreak) {
    return gap(current, "break", [seriesBreak.year], `a break in series in ${seriesBreak.year} (${seriesBreak.what})`);
  }
  const notPositive = mustBePositive(base, current).filter((row) => row.value <= 0).map((row) => row.year);
  const value = rate(base, current);
  if (notPositive.length || value === null) {
    return gap(current, "not-positive", notPositive, `the value for ${notPositive.join(" and ")} is zero or negative, so there is no rate`);
  }
  const sources = [...new Set([base.source, current.source].filter((s): s is string => !!s))];
  const arithmetic = formula(base, current);
  return {
    geoCode: current.geoCode,
    geoNameEn: current.geoNameEn,
    geoNameZh: current.geoNameZh,
    year: current.year,
    value,
    editions: union([base.editions, current.editions]),
    isSample: base.isSample || current.isSample,
    isComputed: true,
    isLowerBound: false,
    isRemainder: false,
    note: `Computed: ${arithmetic}, from the values of ${current.year} and ${baseYear}`,
    noteZh: `计算值：${arithmetic}，依据 ${current.year} 年和 ${baseYear} 年的数值`,
    source: sources.length ? sources.join(" · ") : null,
    confidence: null,
  };
}

function split(outcomes: (ViewRow | ViewGap)[]): GrowthFigures {
  const isGap = (outcome: ViewRow | ViewGap): outcome is ViewGap => "reason" in outcome;
  return {
    rows: outcomes.filter((outcome): outcome is ViewRow => !isGap(outcome)),
    gaps: outcomes.filter(isGap),
  };
}

const keyOf = (row: { geoCode: string; year: number }) => `${row.geoCode}|${row.year}`;

/**
 * Each figure from `years.from` to `years.to` as its change on the year before, in %.
 * `rows` are the absolute view's figures of those years and of the year before the first
 * (each geoCode one series). A figure becomes a gap where the year before has no value,
 * where either is only a lower bound or is the "not attributed" row, where a break in
 * series falls between them, or where the year before is zero or negative.
 */
export function yearOnYearGrowth(
  rows: readonly ViewRow[],
  years: { from: number; to: number },
  breaksOf: (geoCode: string) => readonly SeriesBreak[] = () => [],
): GrowthFigures {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return split(
    rows
      .filter((row) => row.year >= years.from && row.year <= years.to)
      .map((current) =>
        compare({
          current,
          base: byKey.get(keyOf({ geoCode: current.geoCode, year: current.year - 1 })),
          baseYear: current.year - 1,
          breaks: breaksOf(current.geoCode),
          mustBePositive: (base) => [base],
          rate: (base, row) => percentChange(base.value, row.value),
          formula: (base, row) => `(${plain(row.value)} − ${plain(base.value)}) ÷ ${plain(base.value)} × 100`,
        }),
      ),
  );
}

/**
 * Each figure of `last` (the absolute view in `span.to`) as its compound annual growth rate
 * since `span.from`, in %, against the same place in `first` (the absolute view in
 * `span.from`). A gap where the first year has no value, where either end is a lower bound,
 * the "not attributed" row, zero or negative, where a break in series falls between, or
 * where the span is not at least a year.
 */
export function compoundAnnualGrowth(
  first: readonly ViewRow[],
  last: readonly ViewRow[],
  span: { from: number; to: number },
  breaksOf: (geoCode: string) => readonly SeriesBreak[] = () => [],
): GrowthFigures {
  const years = span.to - span.from;
  if (years <= 0) {
    return split(
      last.map((current) =>
        gap(current, "no-span", [span.from, span.to], `a compound annual growth rate needs a first year (${span.from}) before the year shown (${span.to})`),
      ),
    );
  }
  const firstByPlace = new Map(first.filter((row) => row.year === span.from).map((row) => [row.geoCode, row]));
  return split(
    last
      .filter((row) => row.year === span.to)
      .map((current) =>
        compare({
          current,
          base: firstByPlace.get(current.geoCode),
          baseYear: span.from,
          breaks: breaksOf(current.geoCode),
          mustBePositive: (base, row) => [base, row],
          rate: (base, row) => compoundAnnualGrowthRate(base.value, row.value, years),
          formula: (base, row) => `((${plain(row.value)} ÷ ${plain(base.value)})^(1 ÷ ${years}) − 1) × 100`,
        }),
      ),
  );
}
