import type { DisplayUnit } from "@/lib/display-unit";
import type { TCanonicalUnit } from "@/lib/units";

// The metric catalogue: base indicators as the yearbook reports them, and
// derived metrics computed from their parts. Isomorphic; the seed writes the
// indicators into the database from here.

export interface IndicatorDefinition {
  code: string;
  nameEn: string;
  nameZh: string;
  unit: TCanonicalUnit;
  descriptionEn: string;
  descriptionZh: string;
  /** Values of parts may be summed into a total (counts, money); shares and ratios may not. */
  isAdditive: boolean;
  /** For indicators reported only by category (e.g. ownership type): the categories and their names. */
  breakdowns?: Readonly<Record<string, { en: string; zh: string }>>;
}

export const INDICATORS = [
  {
    code: "park_count",
    nameEn: "National high-tech zones",
    nameZh: "国家高新区数量",
    unit: "zones",
    descriptionEn: "Number of national high-tech zones (STIPs) approved by the State Council and not delisted.",
    descriptionZh: "经国务院批准设立的国家高新技术产业开发区数量。",
    isAdditive: true,
  },
  {
    code: "registered_firms",
    nameEn: "Registered firms",
    nameZh: "注册企业数",
    unit: "firms",
    descriptionEn: "Companies registered in the zones.",
    descriptionZh: "在高新区内注册的企业数量。",
    isAdditive: true,
  },
  {
    code: "enterprises_surveyed",
    nameEn: "Enterprises in the Torch survey",
    nameZh: "入统企业数",
    unit: "firms",
    descriptionEn:
      "Enterprises in the zones that report to the Torch Center's annual statistical survey (入统企业); far fewer than all registered firms.",
    descriptionZh: "纳入火炬中心年度统计调查的高新区企业数量。",
    isAdditive: true,
  },
  {
    code: "high_tech_enterprises",
    nameEn: "High-tech enterprises",
    nameZh: "高新技术企业数",
    unit: "firms",
    descriptionEn: "Firms in the zones holding the official high-tech enterprise (HTE) designation, which brings tax breaks.",
    descriptionZh: "高新区内经认定的高新技术企业数量。",
    isAdditive: true,
  },
  {
    code: "new_firms",
    nameEn: "Newly registered firms",
    nameZh: "新注册企业数",
    unit: "firms",
    descriptionEn: "Companies newly registered in the zones during the year.",
    descriptionZh: "当年在高新区新注册的企业数量。",
    isAdditive: true,
  },
  {
    code: "employees",
    nameEn: "Employees",
    nameZh: "年末从业人员",
    unit: "persons",
    descriptionEn: "People employed by the surveyed enterprises at year end.",
    descriptionZh: "入统企业年末从业人员数。",
    isAdditive: true,
  },
  {
    code: "revenue",
    nameEn: "Operating revenue",
    nameZh: "营业收入",
    unit: "CNY",
    descriptionEn: "Operating revenue of the surveyed enterprises (营业收入; earlier 营业总收入, in the 1990s 技工贸总收入).",
    descriptionZh: "入统企业营业收入（早期称营业总收入、技工贸总收入）。",
    isAdditive: true,
  },
  {
    code: "industrial_output",
    nameEn: "Gross industrial output",
    nameZh: "工业总产值",
    unit: "CNY",
    descriptionEn: "Gross industrial output value of the surveyed enterprises.",
    descriptionZh: "入统企业工业总产值。",
    isAdditive: true,
  },
  {
    code: "industrial_value_added",
    nameEn: "Industrial value added",
    nameZh: "工业增加值",
    unit: "CNY",
    descriptionEn: "Industrial value added of the surveyed enterprises.",
    descriptionZh: "入统企业工业增加值。",
    isAdditive: true,
  },
  {
    code: "zone_gdp",
    nameEn: "Zone GDP",
    nameZh: "园区生产总值",
    unit: "CNY",
    descriptionEn: "Gross domestic product of the zones (reported from about 2017; earlier figures are value added).",
    descriptionZh: "园区生产总值（约2017年起发布；此前为增加值）。",
    isAdditive: true,
  },
  {
    code: "net_profit",
    nameEn: "Net profit",
    nameZh: "净利润",
    unit: "CNY",
    descriptionEn: "Net profit of the surveyed enterprises (earlier 实现利润, realised profit).",
    descriptionZh: "入统企业净利润（早期为实现利润）。",
    isAdditive: true,
  },
  {
    code: "tax_revenue",
    nameEn: "Taxes paid",
    nameZh: "上缴税费",
    unit: "CNY",
    descriptionEn: "Taxes and fees actually paid by the surveyed enterprises.",
    descriptionZh: "入统企业实际上缴税费。",
    isAdditive: true,
  },
  {
    code: "exports",
    nameEn: "Exports",
    nameZh: "出口总额",
    unit: "USD",
    descriptionEn: "Exports of the surveyed enterprises in US dollars (earlier 出口创汇额, export earnings).",
    descriptionZh: "入统企业出口总额（美元；早期为出口创汇额）。",
    isAdditive: true,
  },
  {
    code: "exports_cny",
    nameEn: "Exports (in yuan)",
    nameZh: "出口总额（人民币）",
    unit: "CNY",
    descriptionEn: "Exports where the source reports them in yuan rather than US dollars; not comparable with the dollar series.",
    descriptionZh: "以人民币计的出口总额；与美元口径不可直接比较。",
    isAdditive: true,
  },
  {
    code: "rd_expenditure",
    nameEn: "R&D expenditure",
    nameZh: "研发经费支出",
    unit: "CNY",
    descriptionEn: "Research and development expenditure of the surveyed enterprises.",
    descriptionZh: "入统企业研究与试验发展（R&D）经费支出。",
    isAdditive: true,
  },
  {
    code: "exports_share_national",
    nameEn: "Share of China's exports",
    nameZh: "占全国出口比重",
    unit: "percent",
    descriptionEn: "The zones' exports as a share of China's total exports, as reported.",
    descriptionZh: "高新区出口占全国出口总额的比重（按来源报告）。",
    isAdditive: false,
  },
  {
    code: "hte_share_national",
    nameEn: "Share of China's high-tech enterprises",
    nameZh: "高新技术企业占全国比重",
    unit: "percent",
    descriptionEn: "High-tech enterprises in the zones as a share of all designated high-tech enterprises in China, as reported.",
    descriptionZh: "高新区高新技术企业占全国高新技术企业的比重（按来源报告）。",
    isAdditive: false,
  },
  {
    code: "firm_ownership_share",
    nameEn: "Share of firms by ownership",
    nameZh: "企业所有制构成",
    unit: "percent",
    descriptionEn: "Share of the zones' firms by ownership type (e.g. state-owned), as reported.",
    descriptionZh: "高新区企业按登记注册类型（如国有）的构成（按来源报告）。",
    isAdditive: false,
    breakdowns: { state_owned: { en: "state-owned", zh: "国有" } },
  },
] as const satisfies readonly IndicatorDefinition[];

export type TIndicatorCode = (typeof INDICATORS)[number]["code"];

const INDICATOR_BY_CODE = new Map<string, IndicatorDefinition>(INDICATORS.map((i): [string, IndicatorDefinition] => [i.code, i]));

export function findIndicator(code: string): IndicatorDefinition | undefined {
  return INDICATOR_BY_CODE.get(code);
}

/** A metric computed as numerator ÷ denominator (× scale), each part summed before dividing. */
export interface DerivedMetricDefinition {
  code: string;
  nameEn: string;
  nameZh: string;
  numerator: TIndicatorCode;
  denominator: TIndicatorCode;
  /** 100 for a percentage. */
  scale: number;
  unit: DisplayUnit;
  formulaEn: string;
  formulaZh: string;
}

export const DERIVED_METRICS = [
  {
    code: "hte_density",
    nameEn: "High-tech enterprise density",
    nameZh: "高新技术企业密度",
    numerator: "high_tech_enterprises",
    denominator: "registered_firms",
    scale: 100,
    unit: { unit: "percent", suffixEn: "of registered firms", suffixZh: "占注册企业" },
    formulaEn: "high-tech enterprises ÷ registered firms × 100",
    formulaZh: "高新技术企业数 ÷ 注册企业数 × 100",
  },
  {
    code: "hte_per_park",
    nameEn: "High-tech enterprises per zone",
    nameZh: "每个高新区的高新技术企业数",
    numerator: "high_tech_enterprises",
    denominator: "park_count",
    scale: 1,
    unit: { unit: "firms", suffixEn: "per zone", suffixZh: "每区" },
    formulaEn: "high-tech enterprises ÷ national high-tech zones",
    formulaZh: "高新技术企业数 ÷ 国家高新区数量",
  },
  {
    code: "tax_per_firm",
    nameEn: "Taxes paid per surveyed enterprise",
    nameZh: "每家入统企业上缴税费",
    numerator: "tax_revenue",
    denominator: "enterprises_surveyed",
    scale: 1,
    unit: { unit: "CNY", suffixEn: "per firm", suffixZh: "每家企业" },
    formulaEn: "taxes paid ÷ enterprises in the Torch survey",
    formulaZh: "上缴税费 ÷ 入统企业数",
  },
] as const satisfies readonly DerivedMetricDefinition[];

export function findDerivedMetric(code: string): DerivedMetricDefinition | undefined {
  return DERIVED_METRICS.find((metric) => metric.code === code);
}

/** Density mode: high-tech enterprises shown as their density among registered firms (the derived metric). */
export const DENSITY_PAIRING = { metric: "high_tech_enterprises", derived: "hte_density" } as const;

/** The metric a view reads for `metric` in `mode`: density reads the derived density, every other mode the metric. */
export function metricInMode(metric: string, mode: string): string {
  return mode === "density" ? DENSITY_PAIRING.derived : metric;
}
