import { describe, expect, it } from "vitest";
import { growthUnit, withGrowthFormula } from "@/lib/growth";
import { describeView } from "@/lib/og/describe-view";
import { buildCoverage } from "@/lib/coverage";
import { buildBars, buildLines, buildOgCardModel, coverStrings, MAX_BARS, MAX_LINES } from "@/lib/og/og-model";
import { coverText, fitText, isCovered, MISSING_MARK, pickCovered, textWidthEm } from "@/lib/og/og-text";
import { UNATTRIBUTED, type Catalogue, type ViewData, type ViewRow } from "@/lib/view-data";
import type { ViewState } from "@/lib/view-state";
import { makeViewRow } from "@/lib/testing/view-row";

const catalogue = {
  regions: [{ code: "eastern", nameEn: "Eastern", nameZh: "东部" }],
  provinces: [
    { code: "110000", nameEn: "Beijing", nameZh: "北京市", nameZhShort: "北京", regionCode: "eastern" },
    { code: "440000", nameEn: "Guangdong", nameZh: "广东省", nameZhShort: "广东", regionCode: "eastern" },
    { code: "310000", nameEn: "Shanghai", nameZh: "上海市", nameZhShort: "上海", regionCode: "eastern" },
    { code: "320000", nameEn: "Jiangsu", nameZh: "江苏省", nameZhShort: "江苏", regionCode: "eastern" },
  ],
  parks: [],
} as unknown as Catalogue;

function row(geoCode: string, year: number, value: number, isSample = false): ViewRow {
  const province = catalogue.provinces.find((p) => p.code === geoCode);
  return makeViewRow({
    geoCode,
    geoNameEn: province?.nameEn ?? geoCode,
    geoNameZh: province?.nameZhShort ?? geoCode,
    year,
    value,
    editions: [isSample ? "synthetic-sample" : "public-sources"],
    isSample,
  });
}

const STATE: ViewState = {
  metric: "tax_revenue",
  also: [],
  view: "trend",
  level: "province",
  geos: [],
  from: 2010,
  to: 2012,
  year: 2012,
  mode: "absolute",
  edition: "latest",
  lang: "en",
  scale: "linear",
  events: "on",
  sort: "place",
};

function view(state: Partial<ViewState>, rows: ViewRow[], hasSample = false): ViewData {
  const places = catalogue.provinces.map((p) => ({ code: p.code, nameEn: p.nameEn, nameZh: p.nameZhShort }));
  return {
    state: { ...STATE, ...state },
    query: "",
    notes: [],
    metric: {
      code: "tax_revenue",
      nameEn: "Taxes paid",
      nameZh: "上缴税费",
      descriptionEn: "",
      descriptionZh: "",
      formulaEn: null,
      formulaZh: null,
      unit: { unit: "CNY" },
      isDerived: false,
      isAdditive: true,
    },
    unit: { unit: "CNY" },
    level: state.view === "map" ? "province" : (state.level ?? "province"),
    rows,
    extra: [],
    editions: [
      { slug: "public-sources", title: "Public sources", source: "MacroPolo (2019).", isSample: false, publishedAt: null },
      ...(hasSample ? [{ slug: "synthetic-sample", title: "Synthetic sample", source: "Invented", isSample: true, publishedAt: null }] : []),
    ],
    hasSample,
    dataVersion: 3,
    revisions: null,
    coverage: state.view === "coverage" ? buildCoverage(rows, places, { ...STATE, ...state }) : null,
    gaps: [],
  };
}

const everything = () => true;

describe("describeView", () => {
  it("titles a view by metric, places and years, and describes unit, editions and source", () => {
    const described = describeView(view({ geos: ["110000", "440000"] }, [row("110000", 2010, 1e9)]), catalogue);
    expect(described.pageTitle).toBe("Taxes paid — Beijing, Guangdong, 2010–2012 | Torch Atlas");
    expect(described.description).toBe("Unit: yuan. Edition: Public sources. Source: MacroPolo (2019).");
    expect(described.sampleLabel).toBeNull();
    expect(described.chartKind).toBe("lines");
  });

  it("puts the synthetic-data label first, in the view's language", () => {
    const en = describeView(view({ view: "compare", year: 2011 }, [row("110000", 2011, 5, true)], true), catalogue);
    expect(en.description.startsWith("SYNTHETIC SAMPLE — not official statistics. Unit: yuan. Editions: Public sources; Synthetic sample.")).toBe(true);
    expect(en.headline).toBe("Taxes paid — All provinces, 2011");
    expect(en.chartKind).toBe("bars");
    const zh = describeView(view({ lang: "zh", view: "map", mode: "share" }, [row("110000", 2012, 5, true)], true), catalogue);
    expect(zh.headline).toBe("上缴税费（占全国比重） — 各省份，2012年");
    expect(zh.description.startsWith("合成示例数据——非官方统计。单位：元。")).toBe(true);
    expect(zh.chartKind).toBe("ranking");
  });

  it("names at most three places and counts the rest; says when an edition is pinned", () => {
    const described = describeView(view({ geos: ["110000", "310000", "320000", "440000"], edition: "public-sources" }, []), catalogue);
    expect(described.placeLabel).toBe("Beijing, Shanghai, Jiangsu +1 more");
    expect(described.editionsLine).toBe("Edition: Public sources (as published up to public-sources)");
    expect(described.chartKind).toBe("empty");
  });
});

describe("a growth view", () => {
  const growth = (state: Partial<ViewState>, rows: ViewRow[]): ViewData => {
    const data = view({ mode: "growth", ...state }, rows);
    const full = { ...data.state, ...state };
    return { ...data, unit: growthUnit(full), metric: withGrowthFormula(data.metric, full) };
  };

  it("is titled with its mode and says how its rates are computed, in the view's language", () => {
    const en = describeView(growth({}, [row("110000", 2011, 6.5)]), catalogue);
    expect(en.headline).toBe("Taxes paid, growth — All provinces, 2010–2012");
    expect(en.unit).toBe("% change on previous year");
    expect(en.description).toBe(
      "Unit: % change on previous year. Computed: (value − value of the year before) ÷ value of the year before × 100. Edition: Public sources. Source: MacroPolo (2019).",
    );
    const zh = describeView(growth({ lang: "zh", view: "map", from: 2010, year: 2017 }, [row("110000", 2017, 4)]), catalogue);
    expect(zh.headline).toBe("上缴税费（增长） — 各省份，2017年");
    expect(zh.description).toContain("单位：%（2010–2017年年均复合增长）。计算：（（2017年数值 ÷ 2010年数值）^（1 ÷ 7）− 1）× 100。");
  });

  it("draws falling rates as bars of their own on the card, below zero", () => {
    const model = buildOgCardModel(growth({ view: "compare", year: 2012 }, [row("110000", 2012, 5), row("440000", 2012, -2.5)]), catalogue, everything);
    if (model.chart.kind !== "bars") throw new Error(`a ${model.chart.kind} chart`);
    expect(model.chart.bars.map((bar) => [bar.code, bar.isNegative, bar.fraction])).toEqual([
      ["110000", false, 1],
      ["440000", true, 0.5],
    ]);
    expect(model.subtitle).toContain("% a year, CAGR 2010–2012");
  });
});

describe("the coverage view", () => {
  const rows = [row("110000", 2010, 1), row("110000", 2011, 1, true), { ...row("440000", 2012, 1), isLowerBound: true }];

  it("is titled as coverage and describes the counts of each status", () => {
    const described = describeView(view({ view: "coverage" }, rows, true), catalogue);
    expect(described.headline).toBe("Coverage: Taxes paid — All provinces, 2010–2012");
    expect(described.coverageLine).toBe("Reported 1 · Computed 0 · Partial 1 · Sample 1 · Missing 9");
    expect(described.description).toContain("Cells: Reported 1 · Computed 0 · Partial 1 · Sample 1 · Missing 9. Unit: yuan.");
    expect(described.chartKind).toBe("coverage");
    expect(describeView(view({ view: "coverage" }, []), catalogue).chartKind).toBe("empty");
    expect(describeView(view({ view: "trend" }, rows), catalogue).coverageLine).toBeNull();
  });

  it("draws a coverage summary on the card: each status's share and count, in the view's language", () => {
    const model = buildOgCardModel(view({ view: "coverage", lang: "zh" }, rows), catalogue, everything);
    expect(model.headline.startsWith("数据覆盖：上缴税费")).toBe(true);
    expect(model.chart.kind).toBe("coverage");
    if (model.chart.kind !== "coverage") return;
    expect(model.chart.segments.map((s) => [s.status, s.symbol, s.label, s.countLabel])).toEqual([
      ["reported", "●", "报告值", "1"],
      ["computed", "Σ", "计算值", "0"],
      ["partial", "≥", "不完整", "1"],
      ["sample", "*", "合成示例", "1"],
      ["missing", "–", "缺失", "9"],
    ]);
    expect(model.chart.segments.reduce((sum, s) => sum + s.fraction, 0)).toBeCloseTo(1);
    expect(model.chart.summary).toBe("4 个地区 × 3 年 = 12 个单元格");
  });
});

describe("og-text", () => {
  const latinOnly = (code: number) => code < 0x80 || code === MISSING_MARK.codePointAt(0);
  it("replaces characters outside the fonts with a visible mark", () => {
    expect(coverText("北京 Beijing", latinOnly)).toBe("□□ Beijing");
    expect(isCovered("Beijing", latinOnly)).toBe(true);
    expect(coverText("a\n\tb", latinOnly)).toBe("a b");
    expect(coverText("北", () => false)).toBe("?");
  });
  it("prefers the Chinese name only when the fonts can draw all of it", () => {
    expect(pickCovered("北京", "Beijing", latinOnly)).toBe("Beijing");
    expect(pickCovered("北京", "Beijing", everything)).toBe("北京");
  });
  it("cuts text to a width in ems with an ellipsis", () => {
    expect(textWidthEm("北京")).toBe(2);
    expect(fitText("short", 10)).toBe("short");
    const cut = fitText("A rather long edition title that will not fit", 10);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidthEm(cut)).toBeLessThanOrEqual(10);
  });
  it("covers every string of a model, however deep", () => {
    expect(coverStrings({ a: ["北", { b: "x" }], n: 1 }, latinOnly)).toEqual({ a: ["□", { b: "x" }], n: 1 });
  });
});

describe("chart layout", () => {
  it("scales lines from zero to a nice maximum and keeps gaps as gaps", () => {
    const rows = [row("110000", 2010, 10), row("110000", 2012, 40), row("440000", 2010, 20), row("440000", 2011, 30), row("440000", 2012, 35)];
    const { lines, domain, hidden } = buildLines(rows, { from: 2010, to: 2012 }, "linear", { width: 100, height: 50 });
    expect(domain).toEqual([0, 40]);
    expect(hidden).toBe(0);
    // Largest last value first: Beijing (40) before Guangdong (35). 2011 is missing for Beijing: a new "M".
    expect(lines.map((l) => l.code)).toEqual(["110000", "440000"]);
    expect(lines[0]!.d).toBe("M0,37.5M100,0");
    expect(lines[1]!.d).toBe("M0,25L50,12.5L100,6.3");
  });

  it("on a log scale drops values that cannot be drawn", () => {
    const rows = [row("110000", 2010, 0), row("110000", 2011, 10), row("110000", 2012, 1000)];
    const { lines, domain } = buildLines(rows, { from: 2010, to: 2012 }, "log", { width: 100, height: 50 });
    expect(domain).toEqual([10, 1000]);
    expect(lines[0]!.d).toBe("M50,50L100,0");
  });

  it("draws at most MAX_LINES lines and MAX_BARS bars, counting the rest", () => {
    const many = Array.from({ length: 12 }, (_, i) => row(`g${i}`, 2012, i + 1));
    expect(buildLines(many, { from: 2012, to: 2012 }, "linear", { width: 10, height: 10 }).hidden).toBe(12 - MAX_LINES);
    const { bars, hidden } = buildBars(many);
    expect(bars).toHaveLength(MAX_BARS);
    expect(hidden).toBe(12 - MAX_BARS);
    expect(bars[0]).toMatchObject({ rank: 1, fraction: 1 });
    expect(bars[1]!.fraction).toBeCloseTo(11 / 12);
  });

  it("builds the card: bars with the sample mark, names in the view's language, everything covered", () => {
    const data = view({ view: "compare", lang: "zh" }, [row("110000", 2012, 2e8, true), row("440000", 2012, 5e8, true)], true);
    const model = buildOgCardModel(data, catalogue, everything);
    expect(model.sampleLabel).toBe("合成示例数据——非官方统计");
    expect(model.chart.kind).toBe("bars");
    if (model.chart.kind !== "bars") return;
    expect(model.chart.bars.map((b) => [b.name, b.valueLabel])).toEqual([
      ["广东", "5亿 *"],
      ["北京", "2亿 *"],
    ]);
    const noChinese = buildOgCardModel(data, catalogue, (code) => code < 0x3000 || code === 0x25a1);
    if (noChinese.chart.kind !== "bars") return;
    // A Chinese name the fonts lack falls back to the English one.
    expect(noChinese.chart.bars[0]!.name).toBe("Guangdong");
  });
});

describe("lower bounds and the remainder in link previews", () => {
  const zonesView = (state: Partial<ViewState>, rows: ViewRow[]): ViewData => {
    const data = view(state, rows);
    const metric = { ...data.metric, code: "park_count", nameEn: "National high-tech zones", nameZh: "国家高新区", unit: { unit: "zones" as const } };
    return { ...data, metric, unit: { unit: "zones" } };
  };
  const lowerBound = (geoCode: string, year: number, value: number): ViewRow => ({
    ...row(geoCode, year, value),
    isLowerBound: true,
    isComputed: true,
    note: "At least: sum of 9 of 10 provinces, not the total",
  });
  const regions = [
    lowerBound("eastern", 2017, 46),
    lowerBound("central", 2017, 13),
    lowerBound("western", 2017, 14),
    lowerBound("northeastern", 2017, 5),
    { ...row(UNATTRIBUTED, 2017, 78), isRemainder: true, isComputed: true, geoNameEn: "Not attributed to a region", geoNameZh: "未归属地区" },
  ];

  it("says in the description that some figures are only lower bounds; the title has no figure", () => {
    const en = describeView(zonesView({ view: "compare", level: "region", year: 2017 }, regions), catalogue);
    expect(en.description).toBe(
      "4 figures are only lower bounds (“at least”), not totals. Unit: zones. Edition: Public sources. Source: MacroPolo (2019).",
    );
    expect(en.pageTitle).toBe("National high-tech zones — All regions, 2017 | Torch Atlas");
    expect(en.pageTitle).not.toMatch(/\b(46|13|14|5|78)\b/);
    const zh = describeView(zonesView({ view: "compare", level: "region", year: 2017, lang: "zh" }, regions.slice(0, 1)), catalogue);
    expect(zh.description.startsWith("1 个数值仅为下限（“至少”），并非合计。单位：个。")).toBe(true);
    expect(describeView(zonesView({}, [row("110000", 2010, 1)]), catalogue).lowerBoundLabel).toBeNull();
  });

  it("labels lower-bound bars 'at least', puts the remainder last without a rank, and keys the marks", () => {
    const model = buildOgCardModel(zonesView({ view: "compare", level: "region", year: 2017 }, regions), catalogue, everything);
    if (model.chart.kind !== "bars") throw new Error(model.chart.kind);
    expect(model.chart.bars.map((b) => [b.name, b.valueLabel, b.rank, b.isLowerBound, b.isRemainder])).toEqual([
      ["eastern", "at least 46", 1, true, false],
      ["western", "at least 14", 2, true, false],
      ["central", "at least 13", 3, true, false],
      ["northeastern", "at least 5", 4, true, false],
      ["Not attributed to a region", "78", null, false, true],
    ]);
    expect(model.marksNote).toBe("≥ at least: a lower bound, not the total");
    const zh = buildOgCardModel(zonesView({ view: "compare", level: "region", year: 2017, lang: "zh" }, regions), catalogue, everything);
    if (zh.chart.kind !== "bars") throw new Error(zh.chart.kind);
    expect(zh.chart.bars[0]!.valueLabel).toBe("至少 46");
    expect(zh.chart.bars.at(-1)!.name).toBe("未归属地区");
    expect(zh.marksNote).toBe("≥ 即“至少”：仅为下限，并非合计");
  });

  it("keeps the remainder's bar when places are cut", () => {
    const many = [...Array.from({ length: 12 }, (_, i) => row(`g${i}`, 2012, i + 1)), { ...row(UNATTRIBUTED, 2012, 0.5), isRemainder: true }];
    const { bars, hidden } = buildBars(many);
    expect(bars).toHaveLength(MAX_BARS);
    expect(bars.at(-1)).toMatchObject({ rank: null, row: { geoCode: UNATTRIBUTED } });
    expect(hidden).toBe(12 - (MAX_BARS - 1));
  });

  it("never runs a line through a lower bound: it is a point of its own, and its label says ≥", () => {
    const rows = [row("110000", 2010, 10), lowerBound("110000", 2011, 20), row("110000", 2012, 40)];
    const { lines, domain } = buildLines(rows, { from: 2010, to: 2012 }, "linear", { width: 100, height: 50 });
    expect(domain).toEqual([0, 40]);
    expect(lines[0]!.d).toBe("M0,37.5M100,0");
    expect(lines[0]!.lowerBounds).toEqual([{ x: 50, y: 25 }]);
    const model = buildOgCardModel(zonesView({ from: 2010, to: 2011 }, rows.slice(0, 2)), catalogue, everything);
    if (model.chart.kind !== "lines") throw new Error(model.chart.kind);
    expect(model.chart.lines[0]!.lastLabel).toBe("≥20");
    expect(model.marksNote).toBe("≥ at least: a lower bound, not the total");
    expect(buildOgCardModel(zonesView({}, [row("110000", 2010, 1)]), catalogue, everything).marksNote).toBe("");
  });
});
