import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatMeasure } from "@/lib/display-unit";
import { dictionary, type TDictionary } from "@/lib/i18n";
import { UNATTRIBUTED, type ViewGap, type ViewRow } from "@/lib/view-data";
import { sortTableRows } from "@/lib/table-sort";
import { DataTable, TABLE_PAGE_SIZE } from "./data-table";
import { makeViewRow } from "@/lib/testing/view-row";

function row(geoCode: string, year: number, value: number, flags: Partial<ViewRow> = {}): ViewRow {
  return makeViewRow({ geoCode, year, value, isComputed: true, ...flags });
}

const NOTE = "At least: sum of 9 of 10 provinces (1 of 10 provinces not reported), not the total";
const remainder = (year: number, value: number) =>
  row(UNATTRIBUTED, year, value, {
    isRemainder: true,
    geoNameEn: "Not attributed to a region",
    geoNameZh: "未归属地区",
    note: `Computed: the national total ${value + 78} (reported) minus the 4 regions shown, 78`,
  });
const ROWS = [
  remainder(2017, 78),
  row("Eastern", 2017, 46, { isLowerBound: true, note: NOTE }),
  row("Western", 2017, 14, { isLowerBound: true, note: NOTE }),
  remainder(2016, 70),
  row("Eastern", 2016, 44, { isLowerBound: true, note: NOTE }),
  row("Central", 2017, 999),
];
const name = (r: ViewRow) => r.geoNameEn;
const order = (rows: ViewRow[]) => rows.map((r) => `${r.geoCode === UNATTRIBUTED ? "rest" : r.geoCode} ${r.year}`);

const bodyRows = (html: string) => [...html.matchAll(/<tr class="[^"]*"( data-remainder="true")?( data-lower-bound="true")?>(.*?)<\/tr>/g)];
const cells = (tr: string) => [...tr.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]*>/g, " ").trim());

describe("sortTableRows", () => {
  it("keeps the remainder last within its year when sorted by year, either way", () => {
    expect(order(sortTableRows(ROWS, { key: "year", descending: false }, name))).toEqual([
      "Eastern 2016",
      "rest 2016",
      "Eastern 2017",
      "Western 2017",
      "Central 2017",
      "rest 2017",
    ]);
    expect(order(sortTableRows(ROWS, { key: "year", descending: true }, name))).toEqual([
      "Central 2017",
      "Western 2017",
      "Eastern 2017",
      "rest 2017",
      "Eastern 2016",
      "rest 2016",
    ]);
  });

  it("never sorts the remainder among the places, by name or by value", () => {
    expect(order(sortTableRows(ROWS, { key: "geo", descending: false }, name)).slice(-2)).toEqual(["rest 2016", "rest 2017"]);
    expect(order(sortTableRows(ROWS, { key: "geo", descending: true }, name)).slice(-2)).toEqual(["rest 2016", "rest 2017"]);
    expect(order(sortTableRows(ROWS, { key: "value", descending: true }, name))).toEqual([
      "Central 2017",
      "Eastern 2017",
      "Eastern 2016",
      "Western 2017",
      "rest 2016",
      "rest 2017",
    ]);
  });

  it("keeps a year that only has the remainder", () => {
    const rows = [row("Eastern", 2017, 46), remainder(2016, 70)];
    expect(order(sortTableRows(rows, { key: "year", descending: false }, name))).toEqual(["Eastern 2017", "rest 2016"]);
  });
});

describe("DataTable", () => {
  const render = (t: TDictionary, lang: "en" | "zh", rows: ViewRow[] = ROWS.filter((r) => r.year === 2017)) =>
    renderToStaticMarkup(
      createElement(DataTable, {
        rows,
        nameOf: (r: Pick<ViewRow, "geoNameEn" | "geoNameZh">) => (lang === "zh" ? r.geoNameZh : r.geoNameEn),
        formatValue: (value, options) => formatMeasure(value, { unit: "zones" }, lang, options),
        unitLabel: "zones",
        t,
      }),
    );

  it("shows a lower bound as 'at least', with its note, and says what that means", () => {
    const html = render(dictionary("en"), "en");
    const eastern = bodyRows(html).find((m) => m[3]!.includes("Eastern"))!;
    expect(eastern[2]).toBe(' data-lower-bound="true"');
    expect(cells(eastern[3]!)[2]).toBe("at least 46 zones");
    expect(eastern[3]).toContain(NOTE);
    expect(cells(bodyRows(html).find((m) => m[3]!.includes("Central"))![3]!)[2]).toBe("999 zones");
    expect(html).toContain("2 figures are only lower bounds — At least: some parts are missing — see the note");
  });

  it("shows the remainder as a row of its own, last, styled apart", () => {
    const html = render(dictionary("en"), "en");
    const rows = bodyRows(html);
    expect(rows.map((m) => cells(m[3]!)[0])).toEqual(["Central", "Eastern", "Western", "Not attributed to a region"]);
    const last = rows.at(-1)!;
    expect(last[1]).toBe(' data-remainder="true"');
    expect(last[0]).toContain("border-dashed");
    expect(cells(last[3]!)[2]).toBe("78 zones");
  });

  it("in Chinese: 至少, 未归属地区", () => {
    const html = render(dictionary("zh"), "zh");
    expect(html).toContain("至少 46个");
    expect(cells(bodyRows(html).at(-1)![3]!)[0]).toBe("未归属地区");
    expect(html).toContain("2 个数值仅为下限");
  });
});

describe("DataTable: sort, pages and the zone ranking", () => {
  const zoneRow = (geoCode: string, value: number, year = 2020) =>
    row(geoCode, year, value, { geoNameEn: geoCode[0]!.toUpperCase() + geoCode.slice(1), isComputed: false });
  const render = (props: Partial<Parameters<typeof DataTable>[0]> & { rows: ViewRow[] }) =>
    renderToStaticMarkup(
      createElement(DataTable, {
        nameOf: (r: Pick<ViewRow, "geoNameEn" | "geoNameZh">) => r.geoNameEn,
        formatValue: (value, options) => formatMeasure(value, { unit: "firms" }, "en", options),
        unitLabel: "firms",
        t: dictionary("en"),
        ...props,
      }),
    );
  const headerSorts = (html: string) =>
    Object.fromEntries([...html.matchAll(/<th scope="col"[^>]*aria-sort="(\w+)"[^>]*>(?:<button[^>]*>|<span[^>]*>)([^<]*?) ?[↑↓]?<\//g)].map((m) => [m[2]!.trim(), m[1]]));
  const firstCells = (html: string, column = 0) => bodyRows(html).map((m) => cells(m[3]!)[column]);

  it("renders the rows in the view's sort, with aria-sort on the sorted column and buttons to change it", () => {
    const rows = [zoneRow("shenzhen", 5082), zoneRow("lanzhou", 365), zoneRow("chengdu", 2705)];
    const html = render({ rows, sort: "value-desc", onSortChange: () => {} });
    expect(firstCells(html)).toEqual(["Shenzhen", "Chengdu", "Lanzhou"]);
    expect(headerSorts(html)).toEqual({ Place: "none", Year: "none", Value: "descending" });
    expect(html).toContain('aria-label="Sort by Value"');
    expect(firstCells(render({ rows, sort: "value-asc", onSortChange: () => {} }))).toEqual(["Lanzhou", "Chengdu", "Shenzhen"]);
    expect(headerSorts(render({ rows, sort: "place" }))).toEqual({ Place: "ascending", Year: "none", Value: "none" });
  });

  it("without a way to change the sort (an embed), the headers say the order but are no buttons", () => {
    const html = render({ rows: [zoneRow("shenzhen", 5082)], sort: "value-desc" });
    expect(html).not.toContain("<button");
    expect(headerSorts(html).Value).toBe("descending");
  });

  it(`draws a page of ${TABLE_PAGE_SIZE} rows at a time and says which`, () => {
    const total = TABLE_PAGE_SIZE + 50;
    const rows = Array.from({ length: total }, (_, i) => zoneRow(`zone${String(i).padStart(3, "0")}`, i));
    const html = render({ rows, sort: "value-desc", onSortChange: () => {} });
    expect(bodyRows(html)).toHaveLength(TABLE_PAGE_SIZE);
    expect(firstCells(html)[0]).toBe(`Zone${total - 1}`);
    expect(html).toContain(`Rows 1–${TABLE_PAGE_SIZE} of ${total}`);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Previous<\/button>/);
    expect(html).toMatch(/<button type="button"[^>]*>Next<\/button>/);
    expect(html).not.toMatch(/disabled=""[^>]*>Next/);
    expect(render({ rows: rows.slice(0, TABLE_PAGE_SIZE) })).not.toContain("Rows 1–");
  });

  it("at the zone level: rank, province and region, ties sharing a rank, and how many zones are not ranked", () => {
    const rows = [zoneRow("shenzhen", 2705), zoneRow("zhongguancun", 7200), zoneRow("chengdu", 2705), zoneRow("lanzhou", 365)];
    const ranks = new Map([["zhongguancun", 1], ["shenzhen", 2], ["chengdu", 2], ["lanzhou", 4]]);
    const html = render({
      rows,
      sort: "value-desc",
      onSortChange: () => {},
      zones: {
        ranking: { rankOf: (r) => ranks.get(r.geoCode) ?? null, unranked: [{ year: 2020, count: 123, of: 127 }] },
        locations: new Map([["zhongguancun", { province: "Beijing", region: "Eastern" }]]),
      },
    });
    expect(bodyRows(html).map((m) => cells(m[3]!).slice(0, 4))).toEqual([
      ["1", "Zhongguancun", "Beijing", "Eastern"],
      ["2", "Chengdu", "—", "—"],
      ["2", "Shenzhen", "—", "—"],
      ["4", "Lanzhou", "—", "—"],
    ]);
    expect(headerSorts(html)).toEqual({ Zone: "none", Year: "none", Value: "descending" });
    expect(html).toContain("Not ranked, for want of a figure: 123 of 127 zones in 2020.");
  });
});

describe("DataTable in growth mode", () => {
  const unit = { unit: "percent" as const, suffixEn: "change on previous year", suffixZh: "比上年增长" };
  const rates = [row("Eastern", 2017, 4.5), row("Central", 2017, -2)];
  const gaps: ViewGap[] = [
    { geoCode: "Western", geoNameEn: "Western", geoNameZh: "西部", year: 2017, isRemainder: false, reason: "missing", years: [2016], note: "Not computed: no value for 2016 to compare with" },
    { geoCode: UNATTRIBUTED, geoNameEn: "Not attributed to a region", geoNameZh: "未归属地区", year: 2017, isRemainder: true, reason: "remainder", years: [2017], note: "Not computed" },
  ];
  const render = (lang: "en" | "zh") =>
    renderToStaticMarkup(
      createElement(DataTable, {
        rows: rates,
        gaps,
        nameOf: (r) => (lang === "zh" ? r.geoNameZh : r.geoNameEn),
        formatValue: (value, options) => formatMeasure(value, unit, lang, options),
        unitLabel: "% change on previous year",
        t: dictionary(lang),
      }),
    );
  const gapRow = (html: string, reason: string) => html.match(new RegExp(`<tr[^>]*data-gap="${reason}"[^>]*>(.*?)</tr>`))?.[1] ?? "";

  it("shows each gap as a row without a value, with its reason, among the rates", () => {
    const html = render("en");
    expect(html).toContain("4.5% change on previous year");
    expect(html).toContain("-2% change on previous year");
    expect(gapRow(html, "missing")).toContain("not computed");
    expect(gapRow(html, "missing")).toContain("no value for 2016");
    expect(gapRow(html, "remainder")).toContain("is no series of its own");
    expect(html).toContain("4 rows");
  });

  it("in Chinese: 未计算, with the reason", () => {
    const html = render("zh");
    expect(gapRow(html, "missing")).toContain("未计算");
    expect(gapRow(html, "missing")).toContain("2016年无数据");
  });

  it("sorts rows without a value after the rates, whichever the direction", () => {
    const all = [...rates, ...gaps];
    const byValue = (descending: boolean) =>
      sortTableRows<ViewRow | ViewGap>(all, { key: "value", descending }, (r) => r.geoNameEn).map((r) => r.geoNameEn);
    expect(byValue(false)).toEqual(["Central", "Eastern", "Western", "Not attributed to a region"]);
    expect(byValue(true)).toEqual(["Eastern", "Central", "Western", "Not attributed to a region"]);
  });
});
