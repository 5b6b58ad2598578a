import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { COVERAGE_COLORS } from "@/components/charts/palette";
import type { CoverageMatrix } from "@/lib/coverage";
import { dictionary } from "@/lib/i18n";
import type { TLang } from "@/lib/view-state";
import { CoverageTable } from "./coverage-table";

const MATRIX: CoverageMatrix = {
  years: [2009, 2010],
  places: [
    { code: "110000", nameEn: "Beijing", nameZh: "北京", statuses: ["reported", "partial"] },
    { code: "440000", nameEn: "Guangdong", nameZh: "广东", statuses: ["sample", "missing"] },
  ],
  counts: { reported: 1, computed: 0, partial: 1, sample: 1, missing: 1_020 },
};

const render = (lang: TLang) =>
  renderToStaticMarkup(createElement(CoverageTable, { coverage: MATRIX, metricTitle: "Zones (zones)", lang, t: dictionary(lang) }));

describe("CoverageTable", () => {
  it("is a table with a caption, year columns and place rows, drawn on the server", () => {
    const html = render("en");
    expect(html).toContain("<caption");
    expect(html).toContain("Zones (zones): what kind of figure each place has, 2009–2010");
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html).toMatch(/<th scope="row"[^>]*>Beijing<\/th>/);
    expect(html).toMatch(/<th scope="row"[^>]*>Guangdong<\/th>/);
  });

  it("shows each cell's status by colour, symbol and words", () => {
    const html = render("en");
    expect(html).toContain('title="Beijing, 2010: Partial (at least: a lower bound, parts incomplete)"');
    expect(html).toContain('data-status="partial"');
    expect(html).toContain(`background-color:${COVERAGE_COLORS.partial.fill}`);
    expect(html).toContain('<span aria-hidden="true">≥</span><span class="sr-only">Partial</span>');
    expect(html).toContain('<span aria-hidden="true">*</span><span class="sr-only">Sample</span>');
    expect(html).toContain('<span aria-hidden="true">–</span><span class="sr-only">Missing</span>');
  });

  it("has a legend with the count of each status", () => {
    const text = render("en").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("Reported 1 ");
    expect(text).toContain("Computed 0 ");
    expect(text).toContain("Missing 1,020 ");
  });

  it("scrolls in a region the keyboard can reach", () => {
    expect(render("en")).toContain('<div role="region" aria-label="Coverage table (scrolls: use the arrow keys)" tabindex="0"');
  });

  it("speaks Chinese with lang=zh", () => {
    const html = render("zh");
    expect(html).toMatch(/<th scope="row"[^>]*>北京<\/th>/);
    expect(html).toContain("报告值");
    expect(html).toContain("缺失");
    expect(html).toContain("Zones (zones)：各地区各年份的数据类型（2009–2010年）");
  });
});
