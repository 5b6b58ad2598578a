import type { z } from "zod";
import type { ZSeriesBreak } from "@/lib/api/reference-schemas";
import { DERIVED_METRICS, INDICATORS, type TIndicatorCode } from "@/lib/metrics";
import { CONFIDENCES } from "@/lib/policy-events";

// Breaks in series: the years where what an indicator measures changes (a renamed
// indicator, another currency, a zone added to the totals), so figures either side are
// not like for like. Known from the sources in prisma/seed/data (SOURCES.md,
// yearbook_structure_and_upload_schema.md in the shared data). Where the sources only
// bracket a change, `year` is the first data year seen in the new form and
// `lastYearBefore` the last seen in the old one. Isomorphic: charts, table, CSV, the API
// and growth rates all read them from here.

/** Every indicator that is a total of the zones' enterprises: all but the State-Council zone count. */
const ZONE_TOTALS = INDICATORS.map((i) => i.code).filter((code) => code !== "park_count");

interface SeriesBreakDefinition {
  indicators: readonly TIndicatorCode[];
  /** The first data year in the new form: the chart's marker. */
  year: number;
  /** The last data year the sources show in the old form, when the change is only known to fall between the two. */
  lastYearBefore?: number;
  changeEn: string;
  changeZh: string;
  source: string;
  sourceUrl: string;
  confidence: (typeof CONFIDENCES)[number];
  /** Geo codes whose figures the change touches; absent: every place. */
  places?: readonly string[];
}

const BREAKS: readonly SeriesBreakDefinition[] = [
  {
    indicators: ["exports"],
    year: 2011,
    lastYearBefore: 2006,
    changeEn: "出口创汇额 (export earnings) is reported as 出口总额 (total exports)",
    changeZh: "出口创汇额改为出口总额",
    source: "出口创汇额 up to 2006: table 高新区企业概况 (zhaokaoti.com); 出口总额 for 2011: 广州日报 via qdn.cn, 2012-04-03, citing MOST",
    sourceUrl: "http://www.qdn.cn/html/2012/caijing_0403/28155.shtml",
    confidence: "medium",
  },
  {
    indicators: ["revenue"],
    year: 2015,
    lastYearBefore: 2013,
    changeEn: "营业总收入 (total operating revenue) is reported as 营业收入 (operating revenue)",
    changeZh: "营业总收入改为营业收入",
    source:
      "营业总收入 for 2013: Xinhua via qdn.cn, 2014-08-02 (MOST); 营业收入 for 2015: finance.china.com.cn, 2016-04-25 (Xi'an zone, ranked among the 146 zones)",
    sourceUrl: "http://finance.china.com.cn/roll/20160425/3694180.shtml",
    confidence: "medium",
  },
  {
    indicators: ZONE_TOTALS,
    year: 2015,
    changeEn:
      "the zones' totals include Suzhou Industrial Park, which is not a State-Council high-tech zone (the Torch statistics' 146+1 zones); whether earlier editions counted it is not said",
    changeZh: "高新区合计含苏州工业园区（火炬统计口径146+1家），该园区并非国务院批准的高新区；此前版本是否计入未见说明",
    source: "国家高新区创新能力评价报告2016 ('146+1' at the end of 2015); China Torch Statistical Yearbook 2016 (data also cover Suzhou Industrial Park)",
    sourceUrl: "http://www.121jk.cn/news/redianzhuanti/show51010.html",
    confidence: "medium",
    // The nation, and the region and province Suzhou is in (eastern, Jiangsu).
    places: ["CN", "eastern", "320000"],
  },
  {
    indicators: ["tax_revenue"],
    year: 2017,
    lastYearBefore: 2013,
    changeEn: "上缴税额 (taxes paid) is reported as 上缴税费 (taxes and fees paid)",
    changeZh: "上缴税额改为上缴税费",
    source: "上交税额 for 2013: Xinhua via qdn.cn, 2014-08-02 (MOST); 企业实际上缴税费 for 2017: Xinhua, 2018-07-17 (MOST press event)",
    sourceUrl: "http://www.yusrgfq.cn/c/2018-07-18/2113994.shtml",
    confidence: "medium",
  },
  {
    indicators: ["exports", "exports_cny"],
    year: 2020,
    lastYearBefore: 2013,
    changeEn:
      "exports are reported in yuan instead of US dollars (亿美元 in 2002–2006, 2011 and 2013; 亿元 in the 2020 Torch report): the dollar series stops, the yuan series starts",
    changeZh: "出口额由美元改以人民币计（2002–2006、2011、2013年为亿美元，2020年火炬报告为亿元）：美元序列中止，人民币序列开始",
    source: "MOST Torch Center, 2020年国家高新区综合发展与数据分析报告(二) (出口总额 in 亿元); 2013 in 亿美元: Xinhua via qdn.cn, 2014-08-02",
    sourceUrl: "https://fx361.cc/page/2022/0120/14466748.shtml",
    confidence: "medium",
  },
];

export type SeriesBreak = z.infer<typeof ZSeriesBreak>;

function toSeriesBreak(definition: SeriesBreakDefinition): SeriesBreak {
  return {
    year: definition.year,
    lastYearBefore: definition.lastYearBefore ?? null,
    changeEn: definition.changeEn,
    changeZh: definition.changeZh,
    source: definition.source,
    sourceUrl: definition.sourceUrl,
    confidence: definition.confidence,
    places: definition.places ? [...definition.places] : null,
  };
}

/** The indicators a metric is made of: itself, or a derived metric's numerator and denominator. */
function partsOf(metricCode: string): string[] {
  const derived = DERIVED_METRICS.find((metric) => metric.code === metricCode);
  return derived ? [derived.numerator, derived.denominator] : [metricCode];
}

/**
 * The breaks of a metric's series, by year (a derived metric has those of its parts); with
 * `geoCodes`, only those touching one of these places.
 */
export function seriesBreaks(metricCode: string, geoCodes?: readonly string[]): SeriesBreak[] {
  const parts = partsOf(metricCode);
  return BREAKS.filter(
    (definition) =>
      definition.indicators.some((code) => parts.includes(code)) &&
      (!geoCodes || !definition.places || definition.places.some((code) => geoCodes.includes(code))),
  )
    .map(toSeriesBreak)
    .sort((a, b) => a.year - b.year);
}

/**
 * The years Y whose change from Y − 1 may cross a break of the metric's series: the
 * break's year, and where the sources only bracket it, every year after the last one
 * seen in the old form. Growth rates leave these years out.
 */
export function breakYears(metricCode: string, geoCodes?: readonly string[]): number[] {
  return [...new Set(breaksCrossed(metricCode, geoCodes).map((crossed) => crossed.year))].sort((a, b) => a - b);
}

/** Each year of breakYears with what changed: the breaks the growth mode leaves rates out across. */
export function breaksCrossed(metricCode: string, geoCodes?: readonly string[]): { year: number; what: string }[] {
  return seriesBreaks(metricCode, geoCodes).flatMap(({ year, lastYearBefore, changeEn }) =>
    Array.from({ length: year - (lastYearBefore ?? year - 1) }, (_, i) => ({
      year: (lastYearBefore ?? year - 1) + 1 + i,
      what: changeEn,
    })),
  );
}

/** True when the sources only bracket the change: it came after lastYearBefore, by year at the latest. */
export function isBracketed(seriesBreak: SeriesBreak): seriesBreak is SeriesBreak & { lastYearBefore: number } {
  return seriesBreak.lastYearBefore !== null && seriesBreak.lastYearBefore < seriesBreak.year - 1;
}
