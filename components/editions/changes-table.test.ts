import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DiffFigure } from "@/lib/edition-diff";
import { ChangesTable, type ChangesTableProps } from "./changes-table";

const rows: DiffFigure[] = [
  { indicatorCode: "revenue", breakdown: "", year: 2017, geoCode: "110000", old: 100, new: 80, pctChange: -20 },
  { indicatorCode: "revenue", breakdown: "", year: 2018, geoCode: "110000", old: 0, new: 5, pctChange: null },
];

function render(overrides: Partial<ChangesTableProps<DiffFigure>> = {}): string {
  const props: ChangesTableProps<DiffFigure> = {
    rows,
    testId: "t",
    lang: "en",
    headers: { indicator: "Indicator", year: "Year", geography: "Geography", old: "Before", new: "Now", change: "Change" },
    geography: (row) => `place ${row.geoCode}`,
    formatValue: (value) => `${value} u`,
    fromZero: "from 0",
    ...overrides,
  };
  return renderToStaticMarkup(createElement(ChangesTable<DiffFigure>, props));
}

const headers = (html: string) => [...html.matchAll(/<th [^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
const cells = (html: string) =>
  [...html.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1).map((m) => [...m[1]!.matchAll(/<td [^>]*>([^<]*)<\/td>/g)].map((c) => c[1]));

describe("ChangesTable", () => {
  it("shows a revision before and after, with the change coloured by its direction", () => {
    const html = render();
    expect(headers(html)).toEqual(["Indicator", "Year", "Geography", "Before", "Now", "Change"]);
    expect(cells(html)).toEqual([
      ["Operating revenue", "2017", "place 110000", "100 u", "80 u", "-20.0%"],
      ["Operating revenue", "2018", "place 110000", "0 u", "5 u", "from 0"],
    ]);
    expect(html).toContain('text-red-800">-20.0%');
    expect(html).toContain('text-green-800">from 0');
    expect(html).toMatch(/^<table class="min-w-full text-left text-sm" data-testid="t">/);
  });

  it("has only the columns its headers name, then the page's own", () => {
    const html = render({
      rows: [{ ...rows[0]!, new: null, pctChange: null }],
      headers: { indicator: "Indicator", year: "Year", geography: "Geography", old: "Value", change: "Change" },
      extraColumns: [{ header: "Unit", cell: () => "yuan" }],
    });
    expect(headers(html)).toEqual(["Indicator", "Year", "Geography", "Value", "Unit"]);
    expect(cells(html)).toEqual([["Operating revenue", "2017", "place 110000", "100 u", "yuan"]]);
  });

  it("writes a missing value as a dash", () => {
    const html = render({ rows: [{ ...rows[0]!, old: null }], headers: { indicator: "I", year: "Y", geography: "G", old: "Old", new: "New" } });
    expect(cells(html)).toEqual([["Operating revenue", "2017", "place 110000", "—", "80 u"]]);
  });
});
