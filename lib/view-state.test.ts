import { describe, expect, it } from "vitest";
import { createRandom } from "@/lib/server/seed/synthetic-sample";
import { TABLE_SORTS } from "@/lib/table-sort";
import { HOME_QUERY,
  dataQueryOf,
  modeUnavailableReason,
  parseViewState,
  scaleUnavailableReason,
  serializeViewState,
  sortUrlParams,
  URL_KEYS,
  type ViewCatalogue,
} from "@/lib/view-state";

const catalogue: ViewCatalogue = {
  metrics: ["park_count", "registered_firms", "high_tech_enterprises", "tax_revenue", "exports_share_national", "hte_density"],
  geos: {
    nation: ["CN"],
    region: ["eastern", "central", "western", "northeastern"],
    province: ["110000", "310000", "320000", "440000"],
    park: ["shenzhen", "zhongguancun"],
  },
  editions: ["public-sources", "synthetic-sample"],
  years: { min: 1988, max: 2025 },
};

const parse = (query: string) => parseViewState(new URLSearchParams(query), catalogue);
const canonical = (query: string) => serializeViewState(parse(query).state, catalogue);

describe("parseViewState", () => {
  it("gives the default view for an empty query, with no notes", () => {
    const { state, notes } = parse("");
    expect(notes).toEqual([]);
    expect(state).toMatchObject({ metric: "high_tech_enterprises", view: "trend", level: "region", geos: [], from: 1991, to: 2023, year: 2023, mode: "absolute", edition: "latest", lang: "en", scale: "linear" });
    // "" belongs to the home view (HOME_QUERY): the default view writes its metric.
    expect(canonical("")).toBe("metric=high_tech_enterprises");
    expect(canonical(HOME_QUERY)).toBe(HOME_QUERY);
  });

  it("reads every parameter", () => {
    const { state, notes } = parse("metric=tax_revenue&also=registered_firms,park_count,tax_revenue&view=map&level=province&geo=440000,110000&from=2000&to=2020&year=2017&mode=share&edition=public-sources&lang=zh&scale=log&events=off&sort=value-asc");
    expect(notes).toEqual([]);
    expect(state).toEqual({ metric: "tax_revenue", also: ["park_count", "registered_firms"], view: "map", level: "province", geos: ["110000", "440000"], from: 2000, to: 2020, year: 2017, mode: "share", edition: "public-sources", lang: "zh", scale: "log", events: "off", sort: "value-asc" });
  });

  it("falls back with a note for unknown, malformed or stale values", () => {
    const { state, notes } = parse("metric=gdp_per_cat&view=pie&from=19x5&edition=torch-1999&geo=110000,999999&level=province");
    expect(state.metric).toBe("high_tech_enterprises");
    expect(state.view).toBe("trend");
    expect(state.from).toBe(1991);
    expect(state.edition).toBe("latest");
    expect(state.geos).toEqual(["110000"]);
    expect(notes.map((n) => n.parameter)).toEqual(["metric", "view", "geo", "from", "edition"]);
    expect(notes.find((n) => n.parameter === "view")?.allowed).toEqual(["trend", "compare", "map", "table", "coverage"]);
  });

  it("refuses a mode that makes no sense for the metric or level, saying why", () => {
    const { state, notes } = parse("metric=tax_revenue&mode=density");
    expect(state.mode).toBe("absolute");
    expect(notes[0]?.message).toMatch(/Density is high-tech enterprises ÷ registered firms/);
    expect(parse("level=nation&mode=share").notes[0]?.message).toMatch(/100% of itself/);
    expect(parse("metric=exports_share_national&mode=per-park").state.mode).toBe("absolute");
    expect(parse("metric=high_tech_enterprises&mode=density").notes).toEqual([]);
  });

  it("knows the growth mode for every metric and level, ratios included, and keeps it in the URL", () => {
    for (const query of ["metric=park_count&level=nation", "metric=registered_firms&level=province&view=table", "metric=exports_share_national&view=compare", "metric=hte_density&level=park&view=map"]) {
      const { state, notes } = parse(`${query}&mode=growth`);
      expect(notes, query).toEqual([]);
      expect(state.mode).toBe("growth");
      expect(serializeViewState(state, catalogue)).toContain("mode=growth");
    }
    expect(canonical("mode=growth&metric=park_count&view=compare&from=2010&to=2017&level=nation")).toBe(
      "metric=park_count&view=compare&level=nation&from=2010&to=2017&mode=growth",
    );
    expect(modeUnavailableReason("growth", "exports_share_national", "nation")).toBeNull();
  });

  it("refuses a log scale for growth rates, which can be zero or negative, saying why", () => {
    const { state, notes } = parse("mode=growth&scale=log");
    expect(state).toMatchObject({ mode: "growth", scale: "linear" });
    expect(notes).toEqual([{ parameter: "scale", message: expect.stringMatching(/zero or negative.*Showing a linear scale/) }]);
    expect(scaleUnavailableReason("log", "growth")).not.toBeNull();
    expect(scaleUnavailableReason("linear", "growth")).toBeNull();
    expect(scaleUnavailableReason("log", "absolute")).toBeNull();
    // Only growth rules out the log scale: another mode (here share, which falls back to absolute) keeps it.
    expect(parse("mode=share&level=nation&scale=log").state.scale).toBe("log");
  });

  it("swaps a reversed year range and keeps the year inside the catalogue", () => {
    const { state, notes } = parse("from=2020&to=2000");
    expect([state.from, state.to]).toEqual([2000, 2020]);
    expect(notes[0]?.parameter).toBe("from");
    expect(parse("year=3000").notes[0]?.parameter).toBe("year");
  });
});

describe("canonical URLs", () => {
  it("give equal views equal URLs: key order, geo order, duplicates and defaults do not matter", () => {
    const a = canonical("geo=440000,110000&level=province&metric=tax_revenue&view=trend&lang=en&to=2023");
    const b = canonical("metric=tax_revenue&level=province&geo=110000,440000,110000");
    expect(a).toBe(b);
    expect(a).toBe("metric=tax_revenue&level=province&geo=110000,440000");
  });

  it("omit the year when it equals the end of the range", () => {
    expect(canonical("to=2017&year=2017")).toBe("to=2017");
    expect(canonical("to=2017&year=2010")).toBe("to=2017&year=2010");
  });

  it("round-trip: parsing a canonical URL gives it back unchanged", () => {
    const query = "metric=registered_firms&view=compare&level=province&geo=310000&from=1995&to=2017&year=2010&mode=per-park&edition=public-sources&lang=zh&scale=log";
    expect(canonical(query)).toBe(query);
  });

  it("know the coverage view, in the same place as the other views", () => {
    expect(parse("view=coverage").notes).toEqual([]);
    expect(canonical("level=province&view=coverage&metric=park_count")).toBe("metric=park_count&view=coverage&level=province");
    expect(canonical("view=coverage&level=nation&mode=share").startsWith("view=coverage&level=nation")).toBe(true);
    expect(parse("view=coverage&level=nation&mode=share").notes.map((n) => n.parameter)).toEqual(["mode"]);
  });

  it("show the policy events by default and write only events=off, last", () => {
    expect(parse("").state.events).toBe("on");
    expect(canonical("events=on&metric=tax_revenue")).toBe("metric=tax_revenue");
    expect(canonical("events=off&lang=zh&metric=tax_revenue")).toBe("metric=tax_revenue&lang=zh&events=off");
    expect(parse(canonical("events=off&metric=tax_revenue")).state.events).toBe("off");
    const { state, notes } = parse("events=hidden");
    expect(state.events).toBe("on");
    expect(notes).toEqual([{ parameter: "events", message: 'Unknown events "hidden"; showing on.', allowed: ["on", "off"] }]);
  });

  it("sortUrlParams puts keys in the canonical order", () => {
    expect(sortUrlParams(new URLSearchParams("lang=zh&zzz=1&metric=x&view=map")).toString()).toBe("metric=x&view=map&lang=zh&zzz=1");
  });
});

describe("the table's sort", () => {
  it("is read, and written last, only when it differs from the view's default", () => {
    expect(parse("view=table&sort=value-desc").state.sort).toBe("value-desc");
    expect(canonical("sort=value-desc&view=table&level=park&from=2020&to=2020")).toBe("view=table&level=park&from=2020&to=2020&sort=value-desc");
    // By place is the table's default, largest first compare's.
    expect(parse("view=table").state.sort).toBe("place");
    expect(parse("view=compare").state.sort).toBe("value-desc");
    expect(canonical("view=table&sort=place")).toBe("view=table");
    expect(canonical("view=compare&sort=value-desc")).toBe("view=compare");
    expect(canonical("view=compare&sort=place")).toBe("view=compare&sort=place");
    expect(canonical("view=table&sort=value-desc")).toBe("view=table&sort=value-desc");
  });

  it("is not part of the view's data query: every sort of a view reads the same data", () => {
    const dataQuery = (query: string) => dataQueryOf(parse(query).state, catalogue);
    for (const sort of TABLE_SORTS) {
      expect(dataQuery(`view=table&level=park&from=2020&to=2020&sort=${sort}`)).toBe("view=table&level=park&from=2020&to=2020");
      expect(dataQuery(`view=compare&year=2017&sort=${sort}`)).toBe(canonical("view=compare&year=2017"));
    }
    expect(dataQuery("metric=tax_revenue&view=table&lang=zh")).toBe("metric=tax_revenue&view=table&lang=zh");
  });

  it("round-trips every value in every view", () => {
    for (const view of ["trend", "compare", "map", "table", "coverage"]) {
      for (const sort of TABLE_SORTS) {
        const once = canonical(`view=${view}&sort=${sort}`);
        expect(parse(once).state, once).toMatchObject({ view, sort });
        expect(parse(once).notes).toEqual([]);
        expect(canonical(once)).toBe(once);
      }
    }
  });

  it("falls back to the view's default with a note naming the values allowed", () => {
    const { state, notes } = parse("view=table&sort=sideways");
    expect(state.sort).toBe("place");
    expect(notes).toEqual([{ parameter: "sort", message: 'Unknown sort "sideways"; showing place.', allowed: TABLE_SORTS }]);
    expect(parse("view=compare&sort=").state.sort).toBe("value-desc");
  });
});

describe("fuzzed query strings", () => {
  const alphabet = ["=", "&", ",", "%", "%ZZ", "-1", "0", "9999", "NaN", "1e3", " ", "null", "<script>", "中文", "__proto__", "constructor", "latest", "province", "110000"];
  const keys = [...URL_KEYS, "extra", "__proto__"];

  it("never throw, always give a valid state, and their canonical form is stable", () => {
    const random = createRandom(42);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    for (let i = 0; i < 2000; i++) {
      const parts = Array.from({ length: Math.floor(random() * 8) }, () => `${pick(keys)}=${pick(alphabet)}${random() < 0.3 ? pick(alphabet) : ""}`);
      const query = parts.join("&");
      let params: URLSearchParams;
      try {
        params = new URLSearchParams(query);
      } catch {
        continue;
      }
      const { state } = parseViewState(params, catalogue);
      expect(catalogue.metrics).toContain(state.metric);
      expect(state.from).toBeLessThanOrEqual(state.to);
      expect(state.year).toBeGreaterThanOrEqual(catalogue.years.min);
      const once = serializeViewState(state, catalogue);
      expect(serializeViewState(parseViewState(new URLSearchParams(once), catalogue).state, catalogue)).toBe(once);
      expect(parseViewState(new URLSearchParams(once), catalogue).notes).toEqual([]);
    }
  });
});
