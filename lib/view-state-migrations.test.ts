import { describe, expect, it } from "vitest";
import oldUrls from "@/lib/fixtures/old-urls.json";
import { currentQueryFor, parseViewState, serializeViewState, type ViewCatalogue } from "@/lib/view-state";
import { LEGACY_PARAM_MIGRATIONS, LEGACY_ZONE_CODES, migrateLegacyParams, VIEW_STATE_VERSION } from "@/lib/view-state-migrations";

// The stored old links must keep opening the same view, without a note.

const catalogue: ViewCatalogue = {
  metrics: [
    "park_count",
    "registered_firms",
    "high_tech_enterprises",
    "tax_revenue",
    "exports",
    "exports_share_national",
    "firm_ownership_share",
    "hte_density",
  ],
  geos: {
    nation: ["CN"],
    region: ["eastern", "central", "western", "northeastern"],
    province: ["110000", "310000", "440000"],
    park: [...LEGACY_ZONE_CODES.values()],
  },
  editions: ["public-sources", "synthetic-sample"],
  years: { min: 1988, max: 2025 },
};

const searchOf = (url: string) => new URLSearchParams(url.replace(/^\/(embed)?\?/, ""));

describe("the stored old URLs (lib/fixtures/old-urls.json)", () => {
  it("hold the four README Torchbearer links as they are written today", () => {
    const readme = oldUrls.urls.filter((entry) => entry.label.startsWith("README"));
    expect(readme.map((entry) => entry.url)).toEqual([
      "/?metric=park_count&level=nation&from=1995&to=2017",
      "/?metric=registered_firms&also=exports,exports_share_national,high_tech_enterprises,tax_revenue&view=table&level=nation&from=2017&to=2017",
      "/?metric=firm_ownership_share&view=table&level=nation&from=2017&to=2017",
      "/?metric=park_count&view=compare&to=2017",
    ]);
  });

  for (const entry of oldUrls.urls) {
    it(`${entry.label}: opens ${entry.canonical || "the default view"} without a note`, () => {
      const { state, notes } = parseViewState(searchOf(entry.url), catalogue);
      expect(notes).toEqual([]);
      expect(serializeViewState(state, catalogue)).toBe(entry.canonical);
      // The same view as its canonical link, and the canonical link is current (nothing left to migrate).
      expect(parseViewState(new URLSearchParams(entry.canonical), catalogue).state).toEqual(state);
      expect(migrateLegacyParams(new URLSearchParams(entry.canonical)).applied).toEqual([]);
      expect(migrateLegacyParams(searchOf(entry.url)).applied.length > 0).toBe(entry.legacy);
    });
  }
});

describe("migrateLegacyParams", () => {
  it("documents every migration with an example, all newer than the first schema", () => {
    for (const migration of LEGACY_PARAM_MIGRATIONS) {
      expect(migration.example).toMatch(/→/);
      expect(migration.since).toBeGreaterThan(1);
      expect(migration.since).toBeLessThanOrEqual(VIEW_STATE_VERSION);
    }
  });

  it("no legacy value is a value of the current schema, so links without v are never ambiguous", () => {
    const current = new Set([
      "trend",
      "compare",
      "map",
      "table",
      "nation",
      "region",
      "province",
      "park",
      "absolute",
      "density",
      "per-park",
      "share",
      ...catalogue.metrics,
    ]);
    for (const migration of LEGACY_PARAM_MIGRATIONS) {
      if (typeof migration.legacy === "string") expect(current.has(migration.legacy), migration.example).toBe(false);
    }
  });

  it("applies only the migrations newer than the version a link names", () => {
    expect(parseViewState(new URLSearchParams("v=1&view=bar"), catalogue).state.view).toBe("compare");
    const { state, notes } = parseViewState(new URLSearchParams(`v=${VIEW_STATE_VERSION}&view=bar`), catalogue);
    expect(state.view).toBe("trend");
    expect(notes.map((n) => n.parameter)).toEqual(["view"]);
    // Zone hash codes were written up to version 2.
    expect(parseViewState(new URLSearchParams("v=2&level=park&geo=zone-64986c59"), catalogue).state.geos).toEqual(["zhongguancun"]);
    const current = parseViewState(new URLSearchParams("v=3&level=park&geo=zone-64986c59"), catalogue);
    expect(current.state.geos).toEqual([]);
    expect(current.notes.map((n) => n.parameter)).toEqual(["geo"]);
  });

  it("accepts plain objects (Next.js searchParams) and keeps the first value of a repeated key", () => {
    const { params, applied } = migrateLegacyParams({
      mode: ["per_park", "share"],
      level: "province",
      years: "2001-2003",
      lang: undefined,
    });
    expect(params.toString()).toBe("mode=per-park&level=province&from=2001&to=2003");
    expect(applied).toHaveLength(2);
  });

  it("hands a years value it cannot read to the parser as from, which notes it", () => {
    const { state, notes } = parseViewState(new URLSearchParams("years=soon"), catalogue);
    expect(state.from).toBe(1991);
    expect(notes.map((n) => n.parameter)).toEqual(["from"]);
  });

  it("leaves current links untouched", () => {
    const query =
      "metric=tax_revenue&view=map&level=province&geo=110000&from=2000&to=2020&year=2010&mode=share&edition=public-sources&lang=zh&scale=log";
    const { params, applied } = migrateLegacyParams(new URLSearchParams(query));
    expect(params.toString().replace(/%2C/g, ",")).toBe(query);
    expect(applied).toEqual([]);
  });
});

describe("currentQueryFor", () => {
  it("gives the current form of a legacy link, other parameters kept, or null for a current one", () => {
    expect(currentQueryFor({ years: "1995-2017", metric: "stip_count", utm_source: "mail" })).toBe(
      "metric=park_count&from=1995&to=2017&utm_source=mail",
    );
    expect(currentQueryFor({ metric: "park_count", view: "pie" })).toBeNull();
  });
});
