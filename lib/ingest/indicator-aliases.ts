import { nameKey, stripOfWhich, textParts } from "@/lib/ingest/text";
import type { IngestReference } from "@/lib/ingest/types";

// Indicator aliases: the names the yearbook has printed an indicator under
// over the years (营业收入 was 营业总收入, in the 1990s 技工贸总收入), in
// Chinese and English, besides the reference's code and names. Kept in step
// with the seed's source names (lib/server/seed/public-sources.ts).

export interface IndicatorMatch {
  code: string;
  breakdown: string;
  /** Said about every observation read under this name, e.g. that 增加值 stands in for zone GDP. */
  note: string | null;
  /** Matched by a name rather than the code: a name may stand for the yuan series of exports. */
  byName: boolean;
}

interface AliasEntry {
  code: string;
  names: readonly string[];
  breakdown?: string;
  note?: string;
}

const HISTORICAL_NAMES: readonly AliasEntry[] = [
  {
    code: "park_count",
    names: [
      "高新区数",
      "高新区数量",
      "高新区个数",
      "国家高新区数",
      "国家高新区个数",
      "园区数",
      "园区数量",
      "园区个数",
      "Zones",
      "Number of zones",
      "High-tech zones",
      "Number of high-tech zones",
      "National high-tech zones",
      "Number of national high-tech zones",
      "Parks",
      "Number of parks",
      "STIPs",
      "Number of STIPs",
    ],
  },
  {
    code: "registered_firms",
    names: [
      "注册企业",
      "注册企业数量",
      "注册企业总数",
      "Registered companies",
      "Registered enterprises",
      "Number of registered firms",
      "Number of registered enterprises",
      "Number of registered companies",
    ],
  },
  {
    // The yearbook's "enterprises" are those in its statistics (入统企业), not all firms registered in a zone.
    code: "enterprises_surveyed",
    names: [
      "企业数",
      "企业数量",
      "入统企业",
      "纳入统计企业数",
      "纳入统计的企业数",
      "纳入统计企业",
      "上报统计的企业",
      "统计企业数",
      "Enterprises",
      "Number of enterprises",
      "Enterprises in statistics",
      "Enterprises surveyed",
      "Surveyed enterprises",
      "Reporting enterprises",
      "Firms",
      "Number of firms",
      "Companies",
      "Number of companies",
    ],
  },
  {
    code: "high_tech_enterprises",
    names: [
      "高新技术企业",
      "高新技术企业数量",
      "高新技术企业个数",
      "高企数",
      "High-tech enterprises",
      "High-tech firms",
      "High-tech companies",
      "Hi-tech enterprises",
      "High and new technology enterprises",
      "High and new tech enterprises",
      "HTEs",
      "HNTEs",
      "Number of high-tech enterprises",
      "Number of high-tech firms",
      "Number of high and new technology enterprises",
    ],
  },
  {
    code: "new_firms",
    names: [
      "新注册企业",
      "当年新注册企业数",
      "新增注册企业数",
      "New firms",
      "New enterprises",
      "Newly registered firms",
      "Newly registered enterprises",
    ],
  },
  {
    code: "employees",
    names: [
      "年末从业人员数",
      "年末从业人数",
      "从业人员",
      "从业人员数",
      "从业人数",
      "Employees",
      "Number of employees",
      "Employees at year-end",
      "Employees at the end of the year",
      "Year-end employees",
      "Employment",
      "Persons employed",
      "Number of persons employed",
      "Staff",
      "Workers",
    ],
  },
  {
    code: "revenue",
    names: [
      "营业总收入",
      "技工贸总收入",
      "总收入",
      "Revenue",
      "Revenues",
      "Total revenue",
      "Operating income",
      "Business income",
      "Total income",
      "Income",
      "Turnover",
    ],
  },
  {
    code: "industrial_output",
    names: [
      "总产值",
      "Industrial output",
      "Industrial output value",
      "Gross industrial output value",
      "Total industrial output",
      "Total industrial output value",
    ],
  },
  { code: "industrial_value_added", names: ["Value added of industry", "Industrial added value"] },
  { code: "zone_gdp", names: ["生产总值", "GDP", "Gross domestic product", "Park GDP"] },
  { code: "zone_gdp", names: ["增加值"], note: "reported as 增加值 (value added) before zone GDP was published" },
  {
    code: "net_profit",
    names: ["实现利润", "利润", "Net profits", "Net income", "Profit", "Profits", "Realised profit", "Realized profit"],
  },
  {
    code: "tax_revenue",
    names: [
      "上缴税额",
      "上交税额",
      "上缴税金",
      "上交税费",
      "实际上缴税费",
      "企业实际上缴税费",
      "上缴税费总额",
      "Taxes",
      "Tax",
      "Tax paid",
      "Taxes and fees",
      "Taxes and fees paid",
      "Actual taxes paid",
      "Tax revenue",
    ],
  },
  {
    code: "exports",
    names: [
      "出口创汇额",
      "出口创汇",
      "出口额",
      "出口",
      "Export",
      "Total exports",
      "Export value",
      "Export earnings",
      "Foreign exchange earned by exports",
      "Exports (USD)",
    ],
  },
  {
    code: "exports_cny",
    names: ["出口总额(人民币)", "出口额(人民币)", "Exports (CNY)", "Exports (RMB)", "Exports in yuan"],
  },
  {
    code: "rd_expenditure",
    names: [
      "研发(R&D)经费支出",
      "研发经费",
      "研发支出",
      "企业研发支出",
      "R&D经费支出",
      "R&D经费内部支出",
      "研究与试验发展经费支出",
      "研究与试验发展(R&D)经费支出",
      "R&D",
      "R&D expenditure",
      "R&D expenditures",
      "R&D spending",
      "R&D expenses",
      "Expenditure on R&D",
      "R and D",
      "Research and development",
      "Research and development expenditure",
    ],
  },
  { code: "exports_share_national", names: ["出口占全国比重", "占全国出口总额比重", "Exports share of China"] },
  { code: "revenue", breakdown: "preliminary", names: ["营业收入(预计)"] },
  { code: "net_profit", breakdown: "preliminary", names: ["利润(初步)"] },
  { code: "zone_gdp", breakdown: "q1_q3", names: ["生产总值(前三季度)"] },
  { code: "enterprises_surveyed", breakdown: "high_tech_industries", names: ["高技术产业企业数"] },
  { code: "employees", breakdown: "high_tech_industries", names: ["高技术产业从业人员"] },
  { code: "revenue", breakdown: "high_tech_industries", names: ["高技术产业营业收入"] },
  { code: "industrial_output", breakdown: "high_tech_industries", names: ["高技术产业工业总产值"] },
  { code: "net_profit", breakdown: "high_tech_industries", names: ["高技术产业净利润"] },
  { code: "tax_revenue", breakdown: "high_tech_industries", names: ["高技术产业上缴税费"] },
  { code: "exports_cny", breakdown: "high_tech_industries", names: ["高技术产业出口总额"] },
];

/** Breakdown names an upload may write instead of the code. */
const BREAKDOWN_NAMES: Record<string, readonly string[]> = {
  state_owned: ["国有", "国有企业", "State-owned", "SOE"],
  high_tech_industries: ["高技术产业", "High-tech industries"],
  preliminary: ["预计", "初步", "Preliminary"],
  q1_q3: ["前三季度", "Q1-Q3", "First three quarters"],
};

const BREAKDOWN_BY_KEY = new Map<string, string>(
  Object.entries(BREAKDOWN_NAMES).flatMap(([code, names]) =>
    [code, ...names].map((name): [string, string] => [nameKey(name), code]),
  ),
);

/** A breakdown as written ("", "state_owned", "国有" …) → its code; the text itself when it is not a known name. */
export function normalizeBreakdown(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "" || /^(all|total|whole|全部|合计|总计|-)$/i.test(trimmed)) return "";
  return BREAKDOWN_BY_KEY.get(nameKey(trimmed)) ?? trimmed;
}

function indicatorKey(text: string): string {
  return nameKey(stripOfWhich(text)).replace(/[()（）[\]【】]/g, "");
}

export interface IndicatorResolver {
  /** Resolves an indicator code or name; null when nothing in the reference goes by it. */
  resolve(text: string): IndicatorMatch | null;
}

/** Builds the indicator alias table for one reference: codes, names, the reference's aliases, the historical names. */
export function createIndicatorResolver(reference: Pick<IngestReference, "indicators">): IndicatorResolver {
  const known = new Set(reference.indicators.map((i) => i.code));
  const byKey = new Map<string, IndicatorMatch>();
  const add = (name: string, match: IndicatorMatch) => {
    const key = indicatorKey(name);
    if (key && !byKey.has(key)) byKey.set(key, match);
  };

  // Codes first: a code always means its own indicator.
  for (const i of reference.indicators) add(i.code, { code: i.code, breakdown: "", note: null, byName: false });
  for (const i of reference.indicators) {
    for (const name of [i.nameZh, i.nameEn, ...(i.aliases ?? [])])
      add(name, { code: i.code, breakdown: "", note: null, byName: true });
  }
  for (const entry of HISTORICAL_NAMES) {
    if (!known.has(entry.code)) continue;
    for (const name of entry.names) {
      add(name, { code: entry.code, breakdown: entry.breakdown ?? "", note: entry.note ?? null, byName: true });
    }
  }

  const lookUp = (text: string): IndicatorMatch | null => {
    const match = byKey.get(indicatorKey(text));
    if (match) return match;
    // A bilingual header ("营业收入 Operating revenue") is known by either of its parts.
    for (const part of textParts(text)) {
      const byPart = byKey.get(indicatorKey(part));
      if (byPart) return byPart;
    }
    return null;
  };
  // A long upload repeats a few indicator names on every row: remember them.
  const cache = new Map<string, IndicatorMatch | null>();
  return {
    resolve(text) {
      const cached = cache.get(text);
      if (cached !== undefined) return cached;
      const match = lookUp(text);
      if (cache.size < 10_000) cache.set(text, match);
      return match;
    },
  };
}
