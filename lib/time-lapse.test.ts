import { describe, expect, it } from "vitest";
import { makeViewRow } from "@/lib/testing/view-row";
import {
  frameData,
  frameRows,
  nextYear,
  playStartYear,
  previousYear,
  spanQuery,
  spanScale,
  spanYears,
  timeLapseSpan,
} from "@/lib/time-lapse";
import { UNATTRIBUTED, type ViewData } from "@/lib/view-data";
import { parseViewState, type ViewCatalogue } from "@/lib/view-state";

const catalogue: ViewCatalogue = {
  metrics: ["park_count", "registered_firms", "high_tech_enterprises"],
  geos: {
    nation: ["CN"],
    region: ["eastern", "central", "western", "northeastern"],
    province: ["110000", "310000", "440000"],
    park: ["zhongguancun"],
  },
  editions: ["public-sources", "synthetic-sample"],
  years: { min: 1988, max: 2025 },
};

const stateOf = (query: string) => parseViewState(new URLSearchParams(query), catalogue).state;
const span = { from: 2010, to: 2013 };

const EDITIONS = {
  sourced: { slug: "public-sources", title: "Public sources", source: "Torch yearbooks", isSample: false, publishedAt: "2024-01-01T00:00:00.000Z" },
  sample: { slug: "synthetic-sample", title: "Synthetic sample", source: "Torch Atlas", isSample: true, publishedAt: "2024-02-01T00:00:00.000Z" },
};

const spanRows = [
  makeViewRow({ geoCode: "eastern", year: 2010, value: 40 }),
  makeViewRow({ geoCode: "western", year: 2010, value: 10, editions: ["synthetic-sample"], isSample: true }),
  makeViewRow({ geoCode: "eastern", year: 2013, value: 70 }),
  makeViewRow({ geoCode: "western", year: 2013, value: 20 }),
  makeViewRow({ geoCode: UNATTRIBUTED, year: 2013, value: 500, isRemainder: true }),
];

function viewData(query: string, rows = spanRows): ViewData {
  const state = stateOf(query);
  return {
    state,
    query,
    notes: [],
    metric: { code: "park_count", nameEn: "Zones", nameZh: "高新区", descriptionEn: "", descriptionZh: "", formulaEn: null, formulaZh: null, unit: { unit: "zones" }, isDerived: false, isAdditive: true },
    unit: { unit: "zones" },
    level: "region",
    rows,
    gaps: [],
    extra: [],
    editions: [EDITIONS.sourced, EDITIONS.sample],
    hasSample: rows.some((row) => row.isSample),
    dataVersion: 3,
    revisions: null,
    coverage: null,
  };
}

describe("the span", () => {
  it("runs from `from` to the year shown", () => {
    expect(timeLapseSpan({ from: 2010, year: 2013 })).toEqual(span);
    expect(spanYears(span)).toEqual([2010, 2011, 2012, 2013]);
  });

  it("is null when there is one year only", () => {
    expect(timeLapseSpan({ from: 2013, year: 2013 })).toBeNull();
  });
});

describe("stepping", () => {
  it("goes forward to the span's last year, then stops", () => {
    expect(nextYear(span, 2010)).toBe(2011);
    expect(nextYear(span, 2012)).toBe(2013);
    expect(nextYear(span, 2013)).toBeNull();
  });

  it("goes back to the span's first year, then stops", () => {
    expect(previousYear(span, 2013)).toBe(2012);
    expect(previousYear(span, 2011)).toBe(2010);
    expect(previousYear(span, 2010)).toBeNull();
  });

  it("plays on from the year shown, or from the start once the last year is shown", () => {
    expect(playStartYear(span, 2011)).toBe(2011);
    expect(playStartYear(span, 2013)).toBe(2010);
  });
});

describe("spanQuery", () => {
  it("asks for the table of the same selection over the span's years, once for every language", () => {
    const compare = stateOf("metric=registered_firms&view=compare&geo=eastern,western&from=2010&year=2013&mode=per-park&lang=zh");
    expect(spanQuery(compare, span, catalogue)).toBe("metric=registered_firms&view=table&geo=eastern,western&from=2010&to=2013&mode=per-park");
  });

  it("asks for provinces on the map, whatever the level, and keeps selected provinces", () => {
    const regions = stateOf("metric=park_count&view=map&geo=eastern&from=2010&year=2013");
    expect(spanQuery(regions, span, catalogue)).toBe("metric=park_count&view=table&level=province&from=2010&to=2013");
    const provinces = stateOf("metric=park_count&view=map&level=province&geo=110000&from=2010&year=2013");
    expect(spanQuery(provinces, span, catalogue)).toBe("metric=park_count&view=table&level=province&geo=110000&from=2010&to=2013");
  });
});

describe("frames", () => {
  it("take the loaded rows of one year, the 'not attributed' row included", () => {
    expect(frameRows(spanRows, 2013).map((row) => row.geoCode)).toEqual(["eastern", "western", UNATTRIBUTED]);
    expect(frameRows(spanRows, 2011)).toEqual([]);
  });

  it("are the view of that year: its query, and only the editions and sample flag of its rows", () => {
    const view = viewData("metric=park_count&view=compare&from=2010&year=2013", frameRows(spanRows, 2013));
    const spanData = viewData("metric=park_count&view=table&from=2010&to=2013");
    const first = frameData(view, spanData, 2010, catalogue);
    expect(first.query).toBe("metric=park_count&view=compare&from=2010&year=2010");
    expect(first.state.year).toBe(2010);
    expect(first.rows.map((row) => row.value)).toEqual([40, 10]);
    expect(first.hasSample).toBe(true);
    expect(first.editions.map((e) => e.slug)).toEqual(["public-sources", "synthetic-sample"]);
    const last = frameData(view, spanData, 2013, catalogue);
    expect(last.hasSample).toBe(false);
    expect(last.editions.map((e) => e.slug)).toEqual(["public-sources"]);
  });
});

describe("spanScale", () => {
  it("spans every year's values, so one scale serves every frame", () => {
    const scale = spanScale(spanRows, span);
    // The map's colours: places only (the "not attributed" part has no province).
    expect(scale.colorValues.sort((a, b) => a - b)).toEqual([10, 20, 40, 70]);
    // The bar axis: the longest bar of any year, the "not attributed" bar included.
    expect(scale.valueDomain).toEqual([0, 500]);
    expect(scale).toMatchObject(span);
  });

  it("reaches below zero when a value does", () => {
    const rows = [makeViewRow({ geoCode: "eastern", value: -5 }), makeViewRow({ geoCode: "western", value: 3 })];
    expect(spanScale(rows, span).valueDomain).toEqual([-5, 3]);
  });
});
