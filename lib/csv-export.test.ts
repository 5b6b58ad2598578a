import { describe, expect, it } from "vitest";
import { neutraliseCell, toCsv } from "@/lib/csv-export";
import { UNATTRIBUTED, type ViewData, type ViewRow } from "@/lib/view-data";
import { makeViewRow } from "@/lib/testing/view-row";

function row(overrides: Partial<ViewRow>): ViewRow {
  return makeViewRow({ geoCode: "eastern", geoNameEn: "Eastern", geoNameZh: "东部", value: 60, isComputed: true, ...overrides });
}

function view(rows: ViewRow[]): ViewData {
  const metric = {
    code: "park_count",
    nameEn: "National high-tech zones",
    nameZh: "国家高新区数量",
    descriptionEn: "",
    descriptionZh: "",
    formulaEn: null,
    formulaZh: null,
    unit: { unit: "zones" as const },
    isDerived: false,
    isAdditive: true,
  };
  return {
    query: "metric=park_count&view=table",
    notes: [],
    metric,
    unit: { unit: "zones" },
    level: "region",
    rows,
    extra: [],
    editions: [],
    hasSample: false,
    dataVersion: 1,
    revisions: null,
    gaps: [],
  } as unknown as ViewData;
}

const parse = (csv: string) => csv.trim().split("\r\n");

describe("toCsv", () => {
  it("keeps the existing columns in place and appends lower_bound and remainder", () => {
    const [header] = parse(toCsv(view([])));
    expect(header).toBe(
      "geo_code,geography,geography_zh,year,metric,value,unit,editions,synthetic_sample,computed,confidence,source,note,lower_bound,remainder,note_zh",
    );
  });

  it("says which figures are lower bounds and which row is the remainder", () => {
    const rows = [
      row({
        isLowerBound: true,
        note: "At least: sum of 9 of 10 provinces (1 of 10 provinces not reported), not the total",
        noteZh: "至少：10 个省份中 9 个之和（10 个省份中 1 个未报告），并非总量",
      }),
      row({ geoCode: "central", geoNameEn: "Central", geoNameZh: "中部", value: 30 }),
      row({ geoCode: UNATTRIBUTED, geoNameEn: "Not attributed to a region", geoNameZh: "未归属地区", value: 66, isRemainder: true }),
    ];
    const [header, lowerBound, exact, remainder] = parse(toCsv(view(rows)));
    const columns = header!.split(",");
    const cell = (line: string, name: string) => line.split(",")[columns.indexOf(name)];
    expect(lowerBound).toBe(
      'eastern,Eastern,东部,2017,park_count,60,zones,public-sources,false,true,,,"At least: sum of 9 of 10 provinces (1 of 10 provinces not reported), not the total",true,false,至少：10 个省份中 9 个之和（10 个省份中 1 个未报告），并非总量',
    );
    expect(cell(exact!, "lower_bound")).toBe("false");
    expect(cell(exact!, "remainder")).toBe("false");
    expect(remainder).toBe("unattributed,Not attributed to a region,未归属地区,2017,park_count,66,zones,public-sources,false,true,,,,false,true,");
  });

  it("in growth mode, gives a figure without a rate a line without a value, in place, whose note says why", () => {
    const data = {
      ...view([row({ year: 2016, value: 4.5, note: "Computed: (46 − 44) ÷ 44 × 100, from the values of 2016 and 2015" }), row({ value: 2 })]),
      unit: { unit: "percent" as const, suffixEn: "change on previous year", suffixZh: "比上年增长" },
      gaps: [
        { geoCode: "central", geoNameEn: "Central", geoNameZh: "中部", year: 2017, isRemainder: false, reason: "missing" as const, years: [2016], note: "Not computed: no value for 2016 to compare with" },
        { geoCode: "eastern", geoNameEn: "Eastern", geoNameZh: "东部", year: 2015, isRemainder: false, reason: "lower-bound" as const, years: [2015], note: "Not computed: the value for 2015 is only a lower bound (at least), not the total" },
      ],
    };
    const [, ...lines] = parse(toCsv(data));
    expect(lines.map((line) => line.split(",").slice(0, 4).join(" "))).toEqual(["central Central 中部 2017", "eastern Eastern 东部 2015", "eastern Eastern 东部 2016", "eastern Eastern 东部 2017"]);
    expect(lines[0]).toBe("central,Central,中部,2017,park_count,,% change on previous year,,false,false,,,Not computed: no value for 2016 to compare with,false,false,");
    expect(lines[2]).toContain(",4.5,% change on previous year,public-sources,false,true,");
  });

  it("neutralises cells a spreadsheet would run", () => {
    expect(neutraliseCell("=1+1")).toBe("'=1+1");
    expect(neutraliseCell("-3")).toBe("'-3");
    expect(neutraliseCell("plain")).toBe("plain");
  });
});
