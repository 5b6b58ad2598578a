import { describe, expect, it } from "vitest";
import { describeMetrics } from "@/lib/server/queries/get-catalogue";
import { parseViewState } from "@/lib/view-state";
import { generateSeriesQueries, viewCatalogueOf, type MetaCatalogue } from "./bench-queries";

const meta: MetaCatalogue = {
  years: { min: 1988, max: 2025 },
  metrics: describeMetrics(),
  regions: ["eastern", "central", "western", "northeastern"].map((code) => ({ code })),
  provinces: ["110000", "310000", "320000", "440000", "510000"].map((code) => ({ code })),
  parks: Array.from({ length: 40 }, (_, i) => ({ code: `park-${i}` })),
  editions: [{ slug: "public-sources" }, { slug: "synthetic-sample" }],
};

describe("generateSeriesQueries", () => {
  const queries = generateSeriesQueries(meta, 3000, 1);

  it("gives as many distinct canonical queries as asked, each one the API accepts", () => {
    expect(new Set(queries).size).toBe(3000);
    const catalogue = viewCatalogueOf(meta);
    for (const query of queries.slice(0, 500)) {
      expect(parseViewState(new URLSearchParams(query), catalogue).notes).toEqual([]);
    }
  });

  it("is the same for the same seed and different for another", () => {
    expect(generateSeriesQueries(meta, 50, 1)).toEqual(queries.slice(0, 50));
    expect(generateSeriesQueries(meta, 50, 2)).not.toEqual(queries.slice(0, 50));
  });

  it("covers every view, level and mode, zones, pinned editions and extra table metrics", () => {
    const all = queries.join("\n");
    for (const part of [
      "view=compare",
      "view=map",
      "view=table",
      "level=nation",
      "level=province",
      "level=park",
      "mode=density",
      "mode=per-park",
      "mode=share",
      "edition=",
      "also=",
      "lang=zh",
      "year=",
    ]) {
      expect(all).toContain(part);
    }
    expect(queries.some((q) => !q.includes("view="))).toBe(true); // trend, the default view
    expect(queries.some((q) => !q.includes("level="))).toBe(true); // regions, the default level
    expect(queries.filter((q) => q.includes("level=park")).every((q) => q.includes("geo=park-"))).toBe(true);
  });
});
