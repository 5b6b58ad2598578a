import { describe, expect, it } from "vitest";
import { ZCompactViewData, ZSeriesResponse, ZViewData } from "@/lib/api/series-response";
import { compactViewData, expandViewData } from "@/lib/compact-view-data";
import { makeViewRow } from "@/lib/testing/view-row";
import type { MetricInfo, ViewData, ViewRow } from "@/lib/view-data";

const SAMPLE = { editions: ["synthetic-sample"], source: "Torch Atlas synthetic sample", confidence: "synthetic", isSample: true };
const SAMPLE_NOTE = "SYNTHETIC SAMPLE: generated for demonstration, not official statistics";

function metric(code: string): MetricInfo {
  return {
    code,
    nameEn: code,
    nameZh: code,
    descriptionEn: "",
    descriptionZh: "",
    formulaEn: null,
    formulaZh: null,
    unit: { unit: "firms" },
    isDerived: false,
    isAdditive: true,
  };
}

function view(rows: ViewRow[], extraRows: ViewRow[] = []): ViewData {
  return {
    state: {
      metric: "registered_firms",
      also: ["park_count"],
      view: "table",
      level: "province",
      geos: [],
      from: 2016,
      to: 2017,
      year: 2017,
      mode: "absolute",
      edition: "latest",
      lang: "en",
      scale: "linear",
      events: "on",
      sort: "place",
    },
    query: "metric=registered_firms&also=park_count&view=table&level=province&from=2016&to=2017",
    notes: [],
    metric: metric("registered_firms"),
    unit: { unit: "firms" },
    level: "province",
    rows,
    extra: [{ metric: metric("park_count"), unit: { unit: "zones" }, rows: extraRows }],
    editions: [{ slug: "synthetic-sample", title: "Synthetic sample", source: "Torch Atlas", isSample: true, publishedAt: "2024-01-01T00:00:00.000Z" }],
    hasSample: true,
    dataVersion: 7,
    revisions: null,
    coverage: null,
    gaps: [],
  };
}

const rows = [
  makeViewRow({ geoCode: "110000", year: 2016, ...SAMPLE, note: SAMPLE_NOTE }),
  makeViewRow({ geoCode: "110000", year: 2017, ...SAMPLE, note: SAMPLE_NOTE }),
  makeViewRow({ geoCode: "440000", year: 2017, source: "Yearbook 2018, table 2-3", confidence: "high", note: "Revised in 2019" }),
  makeViewRow({ geoCode: "310000", year: 2017 }),
  // The string "null" is a source of its own, not the absence of one.
  makeViewRow({ geoCode: "320000", year: 2017, source: "null", confidence: null }),
  makeViewRow({ geoCode: "330000", year: 2017, editions: ["public-sources", "synthetic-sample"], isComputed: true }),
];
const extraRows = [
  makeViewRow({ geoCode: "110000", year: 2017, ...SAMPLE, note: SAMPLE_NOTE }),
  makeViewRow({ geoCode: "440000", year: 2017, source: "Yearbook 2018, table 2-3", confidence: "high", note: "Counted in March" }),
];

describe("compactViewData", () => {
  it("names each distinct source and note once, for the rows and the extra rows", () => {
    const compact = compactViewData(view(rows, extraRows));
    expect(compact.sources).toEqual([
      { editions: ["synthetic-sample"], source: "Torch Atlas synthetic sample", confidence: "synthetic" },
      { editions: ["public-sources"], source: "Yearbook 2018, table 2-3", confidence: "high" },
      { editions: ["public-sources"], source: null, confidence: null },
      { editions: ["public-sources"], source: "null", confidence: null },
      { editions: ["public-sources", "synthetic-sample"], source: null, confidence: null },
    ]);
    expect(compact.rowNotes).toEqual([SAMPLE_NOTE, "Revised in 2019", "Counted in March"]);
    expect(compact.rows.map((row) => [row.source, row.note])).toEqual([[0, 0], [0, 0], [1, 1], [2, null], [3, null], [4, null]]);
    expect(compact.extra[0]!.rows.map((row) => [row.source, row.note])).toEqual([[0, 0], [1, 2]]);
  });

  it("keeps everything else of the view and of each row", () => {
    const data = view(rows, extraRows);
    const compact = compactViewData(data);
    expect(compact.rows[2]).toEqual({
      geoCode: "440000",
      geoNameEn: "440000",
      geoNameZh: "440000",
      year: 2017,
      value: 1,
      isSample: false,
      isComputed: false,
      isLowerBound: false,
      isRemainder: false,
      source: 1,
      note: 1,
    });
    const header = Object.fromEntries(Object.entries(data).filter(([key]) => key !== "rows" && key !== "extra"));
    expect(compact).toMatchObject(header);
    expect(compact.extra[0]).toMatchObject({ metric: data.extra[0]!.metric, unit: data.extra[0]!.unit });
  });

  it("names a computed row's Chinese note once too, and gives it back", () => {
    const note = { note: "Computed: sum of all 2 provinces", noteZh: "计算值：全部 2 个省份之和" };
    const computed = [2016, 2017].map((year) => makeViewRow({ geoCode: "north", year, isComputed: true, ...note }));
    const compact = compactViewData(view(computed));
    expect(compact.rowNotes).toEqual([note.note, note.noteZh]);
    expect(compact.rows.map((row) => [row.note, row.noteZh])).toEqual([[0, 1], [0, 1]]);
    expect(expandViewData(compact)).toStrictEqual(view(computed));
  });

  it("carries a text shared by a hundred rows once", () => {
    const many = Array.from({ length: 100 }, (_, i) => makeViewRow({ geoCode: "110000", year: 1900 + i, ...SAMPLE, note: SAMPLE_NOTE }));
    const occurrences = (json: string, text: string) => json.split(text).length - 1;
    const full = JSON.stringify(view(many));
    const compact = JSON.stringify(compactViewData(view(many)));
    expect([occurrences(full, SAMPLE.source), occurrences(full, SAMPLE_NOTE)]).toEqual([100, 100]);
    expect([occurrences(compact, SAMPLE.source), occurrences(compact, SAMPLE_NOTE)]).toEqual([1, 1]);
  });
});

describe("expandViewData", () => {
  it("gives back exactly the view that was compacted", () => {
    for (const data of [view(rows, extraRows), view([]), view(rows.slice(3))]) {
      expect(expandViewData(compactViewData(data))).toStrictEqual(data);
    }
  });

  it("refuses a row that refers to a source or note the response does not have", () => {
    const compact = compactViewData(view(rows));
    expect(() => expandViewData({ ...compact, sources: compact.sources.slice(0, 2) })).toThrow("A row refers to source 2; the response has 2");
    expect(() => expandViewData({ ...compact, rowNotes: [] })).toThrow("A row refers to note 0; the response has 0");
  });
});

describe("the response schema", () => {
  it("describes both shapes, and a body matches exactly one of them", () => {
    const data = view(rows, extraRows);
    const compact = compactViewData(data);
    expect(ZViewData.safeParse(data).success).toBe(true);
    expect(ZCompactViewData.safeParse(compact).success).toBe(true);
    expect(ZViewData.safeParse(compact).success).toBe(false);
    expect(ZCompactViewData.safeParse(data).success).toBe(false);
    expect(ZSeriesResponse.parse(data)).toStrictEqual(data);
    expect(ZSeriesResponse.parse(compact)).toStrictEqual(compact);
  });
});
