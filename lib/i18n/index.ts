import type { TCoverageStatus } from "@/lib/coverage";
import { formatCount } from "@/lib/format";
import type { TGrowthGapReason } from "@/lib/growth";
import { MODE_UNAVAILABLE } from "@/lib/mode-unavailable";
import type { TLang, TLevel, TMode, TView } from "@/lib/view-state";

// All UI text of the app in English and Chinese, one dictionary: the dashboard's here, the admin
// area's in admin-text.ts (`.admin`), /overview's and /editions' in pages-text.ts (`.pages`),
// put together by app-dictionary.ts. The dashboard's part stands alone, so the dashboard's
// JavaScript carries no admin or page texts (a third of its first load before).
// Each Chinese half is typed by its English one, so a missing or extra key fails to compile.
// Metric and place names come with the data.

/** The levels whose views can have a "not attributed" row (ViewRow.isRemainder). */
export type TRemainderLevel = Extract<TLevel, "region" | "province">;

const dashboardEn = {
  appName: "Torch Atlas",
  tagline: "China's national high-tech zones (国家高新区) in numbers",
  overviewLink: "Data & sources",
  editionsLink: "Editions",
  apiLink: "API",
  language: "Language",
  metric: "Metric",
  alsoShow: "Also show in the table",
  level: "Level",
  levels: { nation: "National", region: "Regions", province: "Provinces", park: "Zones" } satisfies Record<
    TLevel,
    string
  >,
  geos: "Places",
  allGeos: "All",
  searchGeos: "Search by English or Chinese name",
  clearGeos: "Clear selection",
  selectedCount: (n: number) => (n === 0 ? "all shown" : `${n} selected`),
  years: "Years",
  from: "From",
  to: "To",
  year: "Year",
  yearHint: "Compare and map show one year",
  mode: "Show as",
  modes: {
    absolute: "Absolute",
    density: "Density",
    "per-park": "Per zone",
    share: "Share of national",
    growth: "Growth",
  } satisfies Record<TMode, string>,
  modeHelp: {
    absolute: "Values as reported or summed from provinces",
    density: "High-tech enterprises ÷ registered firms",
    "per-park": "Value ÷ number of national high-tech zones",
    share: "Value ÷ national total of the same metric",
    growth:
      "Trend, table: % change on the year before, (value − previous year's) ÷ previous year's × 100. Compare, map: compound annual growth from From to Year, ((value in Year ÷ value in From)^(1 ÷ years between) − 1) × 100",
  } satisfies Record<TMode, string>,
  /** Under a mode that the metric and level rule out: why. */
  modeUnavailable: MODE_UNAVAILABLE,
  logUnavailable: "Growth rates can be zero or negative, which a log scale cannot show",
  notComputed: "not computed",
  growthGaps: (n: number) => `${n} ${n === 1 ? "figure has" : "figures have"} no growth rate`,
  growthGapMore: (n: number) => `and ${n} more (the table lists them all)`,
  growthGap: (reason: TGrowthGapReason, years: readonly number[]) =>
    ({
      missing: `no value for ${years.join(" or ")}`,
      "lower-bound": `the value for ${years.join(" and ")} is only a lower bound (at least)`,
      remainder: "the part not attributed to a place is no series of its own",
      break: `break in series in ${years[0]}`,
      "not-positive": `the value for ${years.join(" and ")} is zero or negative`,
      "no-span": "choose a From year before the year shown",
    })[reason],
  view: "View",
  views: { trend: "Trend", compare: "Compare", map: "Map", table: "Table", coverage: "Coverage" } satisfies Record<
    TView,
    string
  >,
  coverageStatus: {
    reported: "Reported",
    computed: "Computed",
    partial: "Partial",
    sample: "Sample",
    missing: "Missing",
  } satisfies Record<TCoverageStatus, string>,
  coverageHelp: {
    reported: "as an edition printed it",
    computed: "sum or ratio of complete parts",
    partial: "at least: a lower bound, parts incomplete",
    sample: "synthetic sample, invented for demonstration",
    missing: "no figure",
  } satisfies Record<TCoverageStatus, string>,
  coverageCaption: (metric: string, from: number, to: number) =>
    `${metric}: what kind of figure each place has, ${from}–${to}`,
  coverageRegion: "Coverage table (scrolls: use the arrow keys)",
  coverageLegend: "Cells by status",
  coverageCell: (place: string, year: number, status: string, help: string) => `${place}, ${year}: ${status} (${help})`,
  edition: "Edition",
  latest: "Latest data (all published editions)",
  scale: "Scale",
  linear: "Linear",
  log: "Log",
  share: "Share",
  shareTitle: "Share this view",
  shareData: "Data in the link",
  shareLatest: "Latest data",
  shareLatestHint: "shows newer figures as editions are published",
  sharePinned: (edition: string) => `As published in ${edition}`,
  sharePinnedHint: "never changes",
  copyLink: "Copy link",
  copyShortLink: "Copy short link",
  copyEmbed: "Copy embed code",
  shareOutput: "Copied text",
  copied: "Link copied",
  shortLinkCopied: "Short link copied",
  embedCopied: "Embed code copied: paste it into your page's HTML",
  makingShortLink: "Making a short link…",
  shortLinkFailed: "Could not make a short link. Try again.",
  copyFailed: "Copy failed: copy the text below instead",
  embedTitle: (metric: string) => `Torch Atlas: ${metric}`,
  revisionsBanner: (r: { edition: string; revised: number; added: number; otherEditions: number }) => {
    const who = `the ${r.edition} edition${r.otherEditions ? ` and ${r.otherEditions} other${r.otherEditions === 1 ? "" : "s"}` : ""}`;
    const figures = (n: number) => `${n} ${n === 1 ? "figure" : "figures"}`;
    const did = [
      r.revised ? `revised ${r.revised === 1 ? "1 of these figures" : `${r.revised} of these figures`}` : "",
      r.added ? `added ${figures(r.added)}` : "",
    ].filter(Boolean);
    return `Newer data: ${who} ${did.length ? did.join(" and ") : "changed this view"}.`;
  },
  revisionsPinned: (edition: string) => `You are looking at the data as published in ${edition}.`,
  switchToLatest: "Switch to latest",
  openInFull: "Open in full",
  embedSample: "Includes synthetic sample data (marked *): invented for demonstration, not official statistics.",
  downloadCsv: "Download CSV",
  downloadPng: "PNG",
  downloadSvg: "SVG",
  downloads: "Download",
  updating: "Updating…",
  loadError: "Could not load the data for this view. Check your connection and try again.",
  retry: "Try again",
  empty: "No data for this selection.",
  emptyHint: "Try another year range, level or edition; gaps in the sources are left as gaps.",
  noParkData: "No published edition reports zone-level figures yet.",
  notesTitle: "Some of the link could not be used:",
  sampleBanner:
    "Synthetic sample data on screen: province and region figures from the sample edition are invented for demonstration, not official statistics (marked * in tables and bars).",
  sampleMark: "synthetic sample",
  computedMark: "computed",
  edition_: "Edition",
  source: "Source",
  note: "Note",
  unit: "Unit",
  value: "Value",
  geography: "Place",
  formula: "Formula",
  about: "About this metric",
  sources: "Sources on screen",
  editionsUsed: "Editions",
  noData: "no data",
  selected: "selected",
  mapNote:
    "No South China Sea inset: its islands are not drawn. Taiwan, Hong Kong and Macau are outside the statistics.",
  clickHint: "Click or press Enter on a province to add it to or remove it from the selection.",
  sortBy: (column: string) => `Sort by ${column}`,
  rows: (n: number) => `${n} ${n === 1 ? "row" : "rows"}`,
  tablePages: "Pages of the table",
  pageRows: (first: number, last: number, total: number) => `Rows ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`,
  previousPage: "Previous",
  nextPage: "Next",
  rank: "Rank",
  zone: "Zone",
  province: "Province",
  region: "Region",
  rankNote: "Rank: among the zones of the same year, largest first; equal figures share a rank.",
  unranked: (years: { year: number; count: number; of: number }[]) =>
    `Not ranked, for want of a figure: ${years.map((y) => `${formatCount(y.count)} of ${formatCount(y.of)} zones in ${y.year}`).join("; ")}.`,
  starLegend: "* synthetic sample",
  lowerBoundLegend: "At least: some parts are missing — see the note",
  lowerBoundSummary: (n: number) => (n === 1 ? "1 figure is only a lower bound" : `${n} figures are only lower bounds`),
  remainderLegend: (level: TRemainderLevel) =>
    `Not attributed to ${level === "region" ? "a region" : "a province"}: the national total minus the ${level === "region" ? "regions" : "provinces"} shown, so the parts add up to it`,
  remainderLine: (r: { name: string; value: string; total: string; parts: string; level: TRemainderLevel }) =>
    `${r.name}: ${r.value} (national total ${r.total} − sum of ${r.level === "region" ? "regions" : "provinces"} ${r.parts})`,
  policyEvents: "Policy events",
  policyEventsHint: "Dated events of the Torch Program on trend charts",
  policyEventsOnChart: (n: number) => `Policy events on the chart (${n})`,
  seriesBreak: "Series break",
  seriesBreaks: "Breaks in series: figures either side are not like for like",
  seriesBreakWhen: (year: number, lastYearBefore: number | null) =>
    lastYearBefore === null ? `From ${year}:` : `After ${lastYearBefore}, by ${year} at the latest:`,
  seriesBreakCell: "series break",
  confidence: (level: string) => `${level} confidence`,
  timeLapse: {
    title: "Time-lapse",
    yearShown: "Year shown",
    play: "Play",
    pause: "Pause",
    previous: "Previous year",
    next: "Next year",
    showing: (year: number) => `Showing ${year}`,
    loading: "Loading the years…",
    oneYear: "Time-lapse: choose a From year before the year shown to play the years in between.",
    reducedMotion:
      "Your system asks for reduced motion, so the years do not advance by themselves: step through them with the buttons.",
    fixedScale: (from: number, to: number) =>
      `One scale for ${from}–${to}: colours and bar lengths compare across the years.`,
    scaleOf: (from: number, to: number) => `scale of ${from}–${to}`,
  },
};

const dashboardZh: typeof dashboardEn = {
  appName: "火炬图谱",
  tagline: "国家高新区数据一览",
  overviewLink: "数据与来源",
  editionsLink: "数据版本",
  apiLink: "API",
  language: "语言",
  metric: "指标",
  alsoShow: "表格中同时显示",
  level: "层级",
  levels: { nation: "全国", region: "地区", province: "省份", park: "高新区" },
  geos: "地区选择",
  allGeos: "全部",
  searchGeos: "按中文或英文名称搜索",
  clearGeos: "清除选择",
  selectedCount: (n: number) => (n === 0 ? "显示全部" : `已选 ${n} 个`),
  years: "年份",
  from: "起",
  to: "止",
  year: "年份",
  yearHint: "对比和地图显示单一年份",
  mode: "显示方式",
  modes: { absolute: "绝对值", density: "密度", "per-park": "每个高新区", share: "占全国比重", growth: "增长" },
  modeHelp: {
    absolute: "报告值或由省份汇总",
    density: "高新技术企业数 ÷ 注册企业数",
    "per-park": "数值 ÷ 国家高新区数量",
    share: "数值 ÷ 同一指标全国合计",
    growth:
      "趋势、表格：比上年增长（%），（当年数值 − 上年数值）÷ 上年数值 × 100。对比、地图：从起始年到所选年份的年均复合增长率，（（所选年份数值 ÷ 起始年数值）^（1 ÷ 间隔年数）− 1）× 100",
  },
  modeUnavailable: {
    "already-ratio": "该指标本身即为比率，按原值显示。",
    "density-needs-hte": "密度为高新技术企业数 ÷ 注册企业数：请选择指标“高新技术企业数”。",
    "already-share": "该指标本身即为比重，不能再作除法。",
    "zones-per-zone": "每个高新区的高新区数恒为 1。",
    "zone-per-zone": "每个高新区即一个高新区：每区数值需选择地区或省份。",
    "nation-share": "全国占其自身的 100%：请选择地区或省份。",
  },
  logUnavailable: "增长率可能为零或负数，对数刻度无法显示",
  notComputed: "未计算",
  growthGaps: (n: number) => `${n} 个数值无法计算增长率`,
  growthGapMore: (n: number) => `另有 ${n} 个（表格中全部列出）`,
  growthGap: (reason: TGrowthGapReason, years: readonly number[]) =>
    ({
      missing: `${years.join("、")}年无数据`,
      "lower-bound": `${years.join("、")}年数值仅为下限（至少）`,
      remainder: "未归属部分不是独立的序列",
      break: `${years[0]}年统计口径变化（序列中断）`,
      "not-positive": `${years.join("、")}年数值为零或负数`,
      "no-span": "请选择早于所选年份的起始年",
    })[reason],
  view: "视图",
  views: { trend: "趋势", compare: "对比", map: "地图", table: "表格", coverage: "数据覆盖" },
  coverageStatus: { reported: "报告值", computed: "计算值", partial: "不完整", sample: "合成示例", missing: "缺失" },
  coverageHelp: {
    reported: "按版本原文发布",
    computed: "由完整分项汇总或相除",
    partial: "下限值：分项不完整，实际至少如此",
    sample: "合成示例数据，为演示而生成",
    missing: "无数据",
  },
  coverageCaption: (metric: string, from: number, to: number) => `${metric}：各地区各年份的数据类型（${from}–${to}年）`,
  coverageRegion: "数据覆盖表（可用方向键滚动）",
  coverageLegend: "各类单元格数量",
  coverageCell: (place: string, year: number, status: string, help: string) =>
    `${place}，${year}年：${status}（${help}）`,
  edition: "版本",
  latest: "最新数据（全部已发布版本）",
  scale: "刻度",
  linear: "线性",
  log: "对数",
  share: "分享",
  shareTitle: "分享此视图",
  shareData: "链接中的数据",
  shareLatest: "最新数据",
  shareLatestHint: "有新版本发布时显示更新后的数值",
  sharePinned: (edition: string) => `按“${edition}”发布时的数据`,
  sharePinnedHint: "永不改变",
  copyLink: "复制链接",
  copyShortLink: "复制短链接",
  copyEmbed: "复制嵌入代码",
  shareOutput: "已复制的内容",
  copied: "链接已复制",
  shortLinkCopied: "短链接已复制",
  embedCopied: "嵌入代码已复制：请粘贴到网页的 HTML 中",
  makingShortLink: "正在生成短链接…",
  shortLinkFailed: "无法生成短链接，请重试。",
  copyFailed: "复制失败：请手动复制下方文本",
  embedTitle: (metric: string) => `火炬图谱：${metric}`,
  revisionsBanner: (r: { edition: string; revised: number; added: number; otherEditions: number }) => {
    const who = `“${r.edition}”${r.otherEditions ? `等 ${r.otherEditions + 1} 个版本` : "版本"}`;
    const did = [r.revised ? `修订了其中 ${r.revised} 个数值` : "", r.added ? `新增了 ${r.added} 个数值` : ""].filter(
      Boolean,
    );
    return `有更新的数据：${who}${did.length ? did.join("，并") : "更改了此视图"}。`;
  },
  revisionsPinned: (edition: string) => `当前显示的是“${edition}”发布时的数据。`,
  switchToLatest: "切换到最新数据",
  openInFull: "查看完整页面",
  embedSample: "含合成示例数据（以 * 标示）：为演示而生成，并非官方统计。",
  downloadCsv: "下载 CSV",
  downloadPng: "PNG",
  downloadSvg: "SVG",
  downloads: "下载",
  updating: "正在更新…",
  loadError: "无法加载此视图的数据。请检查网络后重试。",
  retry: "重试",
  empty: "所选范围没有数据。",
  emptyHint: "请尝试其他年份、层级或版本；来源中的空缺按空缺显示。",
  noParkData: "尚无已发布版本提供高新区层级数据。",
  notesTitle: "链接中有部分参数无法使用：",
  sampleBanner:
    "屏幕上含合成示例数据：示例版本中的省份和地区数值为演示而生成，并非官方统计（表格和条形图中以 * 标示）。",
  sampleMark: "合成示例",
  computedMark: "计算值",
  edition_: "版本",
  source: "来源",
  note: "说明",
  unit: "单位",
  value: "数值",
  geography: "地区",
  formula: "公式",
  about: "指标说明",
  sources: "本页数据来源",
  editionsUsed: "版本",
  noData: "无数据",
  selected: "已选",
  mapNote: "未绘制南海诸岛附图。台湾、香港、澳门不在统计范围内。",
  clickHint: "点击省份或按回车键，可将其加入或移出选择。",
  sortBy: (column: string) => `按${column}排序`,
  rows: (n: number) => `${n} 行`,
  tablePages: "表格分页",
  pageRows: (first: number, last: number, total: number) => `第 ${formatCount(first)}–${formatCount(last)} 行，共 ${formatCount(total)} 行`,
  previousPage: "上一页",
  nextPage: "下一页",
  rank: "排名",
  zone: "高新区",
  province: "省份",
  region: "地区",
  rankNote: "排名：同一年份的高新区按数值从大到小排列；数值相同则名次相同。",
  unranked: (years: { year: number; count: number; of: number }[]) =>
    `无数据、未参与排名：${years.map((y) => `${y.year}年 ${formatCount(y.of)} 个高新区中的 ${formatCount(y.count)} 个`).join("；")}。`,
  starLegend: "* 合成示例",
  lowerBoundLegend: "至少：部分组成数据缺失，详见说明",
  lowerBoundSummary: (n: number) => `${n} 个数值仅为下限`,
  remainderLegend: (level: TRemainderLevel) =>
    `未归属${level === "region" ? "地区" : "省份"}：全国合计减去所示各${level === "region" ? "地区" : "省份"}之和，使各部分相加等于合计`,
  remainderLine: (r: { name: string; value: string; total: string; parts: string; level: TRemainderLevel }) =>
    `${r.name}：${r.value}（全国合计 ${r.total} − 各${r.level === "region" ? "地区" : "省份"}合计 ${r.parts}）`,
  policyEvents: "政策事件",
  policyEventsHint: "在趋势图上标出火炬计划的重要事件",
  policyEventsOnChart: (n: number) => `图中的政策事件（${n}）`,
  seriesBreak: "口径变化",
  seriesBreaks: "统计口径变化：前后数值不可直接比较",
  seriesBreakWhen: (year: number, lastYearBefore: number | null) =>
    lastYearBefore === null ? `自${year}年起：` : `${lastYearBefore}年之后、最迟${year}年起：`,
  seriesBreakCell: "口径变化",
  confidence: (level: string) =>
    `可信度：${({ high: "高", medium: "中", low: "低" } as Record<string, string>)[level] ?? level}`,
  timeLapse: {
    title: "动态播放",
    yearShown: "当前年份",
    play: "播放",
    pause: "暂停",
    previous: "上一年",
    next: "下一年",
    showing: (year: number) => `显示 ${year} 年`,
    loading: "正在加载各年份…",
    oneYear: "动态播放：请选择早于当前年份的起始年份，以逐年播放其间各年。",
    reducedMotion: "系统设置要求减少动态效果，因此年份不会自动前进：请用按钮逐年查看。",
    fixedScale: (from: number, to: number) => `${from}–${to} 年使用同一标尺：各年的颜色和条形长度可以直接比较。`,
    scaleOf: (from: number, to: number) => `${from}–${to} 年统一标尺`,
  },
};

const en = { ...dashboardEn, otherLanguage: "中文" };

/** The dashboard's part of the dictionary: all a dashboard or embed page ships to the browser. */
export type TDictionary = typeof en;

const zh: TDictionary = { ...dashboardZh, otherLanguage: "English" };

const DICTIONARIES: Record<TLang, TDictionary> = { en, zh };

/** The dashboard's texts (the whole dictionary, with the admin area's and the other pages', is appDictionary). */
export function dictionary(lang: TLang): TDictionary {
  return DICTIONARIES[lang];
}
