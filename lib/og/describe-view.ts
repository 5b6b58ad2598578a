import { COVERAGE_STATUSES, type CoverageMatrix } from "@/lib/coverage";
import { unitLabel } from "@/lib/display-unit";
import { formatCount } from "@/lib/format";
import { dictionary, type TRemainderLevel } from "@/lib/i18n";
import type { Catalogue, ViewData } from "@/lib/view-data";
import type { TLang, TLevel } from "@/lib/view-state";

// A view in words, for link previews: the page's <title> and description, and the
// headline, subtitle and footer lines of its preview image. Pure and isomorphic.

const TEXT = {
  en: {
    all: { nation: "China (national)", region: "All regions", province: "All provinces", park: "All zones" } satisfies Record<TLevel, string>,
    more: (n: number) => ` +${n} more`,
    listSeparator: ", ",
    years: (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`),
    sample: "SYNTHETIC SAMPLE — not official statistics",
    unit: (unit: string) => `Unit: ${unit}`,
    computed: (formula: string) => `Computed: ${formula}`,
    editions: (n: number) => (n === 1 ? "Edition" : "Editions"),
    pinned: (slug: string) => ` (as published up to ${slug})`,
    source: "Source",
    none: "no data for this view",
    titleJoin: (metric: string, place: string, years: string) => `${metric} — ${place}, ${years}`,
    coverageTitle: (metric: string) => `Coverage: ${metric}`,
    coverageCells: (cells: string) => `Cells: ${cells}`,
    sentenceEnd: ".",
    sentenceGap: " ",
    colon: ": ",
    sourceSeparator: "; ",
    lowerBounds: (n: number) =>
      n === 1 ? "1 figure is only a lower bound (“at least”), not the total" : `${n} figures are only lower bounds (“at least”), not totals`,
    lowerBoundMark: "≥ at least: a lower bound, not the total",
    remainder: { region: "Not attributed to a region", province: "Not attributed to a province" } satisfies Record<TRemainderLevel, string>,
  },
  zh: {
    all: { nation: "全国", region: "各地区", province: "各省份", park: "各高新区" } satisfies Record<TLevel, string>,
    more: (n: number) => `等${n}个`,
    listSeparator: "、",
    years: (from: number, to: number) => (from === to ? `${from}年` : `${from}–${to}年`),
    sample: "合成示例数据——非官方统计",
    unit: (unit: string) => `单位：${unit}`,
    computed: (formula: string) => `计算：${formula}`,
    editions: () => "版本",
    pinned: (slug: string) => `（截至 ${slug} 发布时）`,
    source: "来源",
    none: "此视图无数据",
    titleJoin: (metric: string, place: string, years: string) => `${metric} — ${place}，${years}`,
    coverageTitle: (metric: string) => `数据覆盖：${metric}`,
    coverageCells: (cells: string) => `单元格：${cells}`,
    sentenceEnd: "。",
    sentenceGap: "",
    colon: "：",
    sourceSeparator: "；",
    lowerBounds: (n: number) => `${n} 个数值仅为下限（“至少”），并非合计`,
    lowerBoundMark: "≥ 即“至少”：仅为下限，并非合计",
    remainder: { region: "未归属地区", province: "未归属省份" } satisfies Record<TRemainderLevel, string>,
  },
} as const;

export type TChartKind = "lines" | "bars" | "ranking" | "coverage" | "empty";

export interface ViewDescription {
  lang: TLang;
  appName: string;
  /** Metric name, with the mode when it is per zone, a share or growth: "Registered firms, share of national"; "Coverage: …" for the coverage view. */
  metricTitle: string;
  /** "All provinces", "Beijing, Guangdong", "China (national)". */
  placeLabel: string;
  /** "1991–2023" or the one year compare and map show. */
  yearsLabel: string;
  /** "firms per zone", "% of national total". */
  unit: string;
  /** "Registered firms — All provinces, 2000–2020". */
  headline: string;
  /** For <title>: the headline and the app's name. */
  pageTitle: string;
  /** Unit, editions, source and (first) the sample label: at most ~300 characters. */
  description: string;
  /** "Editions: Public sources; Synthetic sample". */
  editionsLine: string;
  /** "Source: …" (every distinct source of the figures shown). */
  sourceLine: string;
  /** The coverage view: "Reported 412 · Computed 0 · Partial 96 · Sample 0 · Missing 1,020"; else null. */
  coverageLine: string | null;
  /** The synthetic-data label when any figure shown comes from the sample edition, else null. */
  sampleLabel: string | null;
  /** "2 figures are only lower bounds (“at least”), not totals" when the view has any, else null (it goes in the description). */
  lowerBoundLabel: string | null;
  /** The card's key to its "≥" marks: "≥ at least: a lower bound, not the total". */
  lowerBoundMark: string;
  /** The name of a "not attributed" row at this view's level. */
  remainderName: string;
  chartKind: TChartKind;
}

const MAX_PLACES_NAMED = 3;
const MAX_DESCRIPTION = 300;

/** A geography's display name, as the dashboard shows it. */
export function geoNameOf(catalogue: Pick<Catalogue, "regions" | "provinces" | "parks">, code: string, lang: TLang): string {
  if (code === "CN") return lang === "zh" ? "全国" : "China (national)";
  const region = catalogue.regions.find((r) => r.code === code);
  if (region) return lang === "zh" ? `${region.nameZh}地区` : `${region.nameEn} region`;
  const province = catalogue.provinces.find((p) => p.code === code);
  if (province) return lang === "zh" ? province.nameZhShort : province.nameEn;
  const park = catalogue.parks.find((p) => p.code === code);
  if (park) return lang === "zh" ? park.nameZh : (park.nameEn ?? park.nameZh);
  return code;
}

function placeLabel(data: ViewData, catalogue: Catalogue, lang: TLang): string {
  const text = TEXT[lang];
  const { state } = data;
  if (state.view === "map") return text.all.province;
  if (state.level === "nation") return text.all.nation;
  if (state.geos.length === 0) return text.all[state.level];
  const names = state.geos.slice(0, MAX_PLACES_NAMED).map((code) => geoNameOf(catalogue, code, lang));
  const rest = state.geos.length - names.length;
  return `${names.join(text.listSeparator)}${rest > 0 ? text.more(rest) : ""}`;
}

function chartKind(data: ViewData): TChartKind {
  if (data.rows.length === 0) return "empty";
  const { view, from, to } = data.state;
  if (view === "coverage") return data.coverage ? "coverage" : "empty";
  if (view === "map") return "ranking";
  if (view === "compare") return "bars";
  const years = new Set(data.rows.map((row) => row.year));
  return years.size === 1 && from === to ? "bars" : "lines";
}

/** The legend of the coverage view in words, with the count of each status. */
export function coverageCountsLine(coverage: CoverageMatrix, lang: TLang): string {
  const t = dictionary(lang);
  return COVERAGE_STATUSES.map((status) => `${t.coverageStatus[status]} ${formatCount(coverage.counts[status], lang)}`).join(" · ");
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Everything a link preview says about a view, in the view's language. */
export function describeView(data: ViewData, catalogue: Catalogue): ViewDescription {
  const lang = data.state.lang;
  const text = TEXT[lang];
  const t = dictionary(lang);
  const { state } = data;
  const metricName = lang === "zh" ? data.metric.nameZh : data.metric.nameEn;
  const modeShown = state.mode === "per-park" || state.mode === "share" || state.mode === "growth";
  const metricTitle = modeShown
    ? lang === "zh"
      ? `${metricName}（${t.modes[state.mode]}）`
      : `${metricName}, ${t.modes[state.mode].toLowerCase()}`
    : metricName;
  // Growth rates say how they were computed (the formula with its years).
  const formula = lang === "zh" ? data.metric.formulaZh : data.metric.formulaEn;
  const growthLine = state.mode === "growth" && formula ? text.computed(formula) : null;
  const title = state.view === "coverage" ? text.coverageTitle(metricTitle) : metricTitle;
  const isOneYear = state.view === "compare" || state.view === "map";
  const yearsLabel = isOneYear ? text.years(state.year, state.year) : text.years(state.from, state.to);
  const place = placeLabel(data, catalogue, lang);
  const unit = unitLabel(data.unit, lang);
  const headline = text.titleJoin(title, place, yearsLabel);

  const editionTitles = data.editions.map((e) => e.title);
  const pinned = state.edition === "latest" ? "" : text.pinned(state.edition);
  const editionsLine = editionTitles.length
    ? `${text.editions(editionTitles.length)}${text.colon}${editionTitles.join(text.sourceSeparator)}${pinned}`
    : `${text.editions(1)}${text.colon}${text.none}${pinned}`;
  const sources = [...new Set(data.editions.map((e) => e.source))];
  const sourceLine = sources.length ? `${text.source}${text.colon}${sources.join(text.sourceSeparator)}` : "";
  const sampleLabel = data.hasSample ? text.sample : null;
  const coverageLine = state.view === "coverage" && data.coverage ? coverageCountsLine(data.coverage, lang) : null;
  const lowerBounds = data.rows.filter((row) => row.isLowerBound).length;
  // The coverage view counts its partial cells already.
  const lowerBoundLabel = lowerBounds > 0 && !coverageLine ? text.lowerBounds(lowerBounds) : null;

  // The sample label goes first so no preview can cut it off; then what is only a lower bound; the source, last, gives way.
  const sentence = (part: string) => `${part.replace(/[.。]+$/, "")}${text.sentenceEnd}`;
  const lead = [sampleLabel, coverageLine && text.coverageCells(coverageLine), lowerBoundLabel, text.unit(unit), growthLine, editionsLine].filter((part): part is string => Boolean(part)).map(sentence).join(text.sentenceGap);
  const description = sourceLine ? clip(`${lead}${text.sentenceGap}${sentence(sourceLine)}`, Math.max(MAX_DESCRIPTION, lead.length)) : lead;

  return {
    lang,
    appName: t.appName,
    metricTitle: title,
    placeLabel: place,
    yearsLabel,
    unit,
    headline,
    pageTitle: `${headline} | ${t.appName}`,
    description,
    editionsLine,
    sourceLine,
    coverageLine,
    sampleLabel,
    lowerBoundLabel,
    lowerBoundMark: text.lowerBoundMark,
    remainderName: text.remainder[data.level === "region" ? "region" : "province"],
    chartKind: chartKind(data),
  };
}
