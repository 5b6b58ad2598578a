import { describe, expect, it } from "vitest";
import { apiExamples } from "@/lib/api/api-examples";
import { API_FORMATS, API_SHAPES, buildOpenApiDocument, exampleView, staticCatalogue, type OpenApiParameter } from "@/lib/api/openapi";
import { ZCompactViewData, ZViewData, ZViewRow } from "@/lib/api/series-response";
import { COVERAGE_STATUSES } from "@/lib/coverage";
import { DERIVED_METRICS, INDICATORS } from "@/lib/metrics";
import { TABLE_SORTS } from "@/lib/table-sort";
import { LANGUAGES, LEVELS, MAX_ALSO, MODES, parseViewState, SCALES, URL_KEYS, VIEWS, type ViewCatalogue } from "@/lib/view-state";

const catalogue: ViewCatalogue = {
  metrics: ["park_count", "registered_firms", "high_tech_enterprises", "tax_revenue", "hte_density"],
  geos: {
    nation: ["CN"],
    region: ["eastern", "central", "western", "northeastern"],
    province: ["110000", "310000", "440000"],
    park: ["shenzhen"],
  },
  editions: ["public-sources", "synthetic-sample"],
  years: { min: 1988, max: 2025 },
};

const document = buildOpenApiDocument(catalogue, "http://127.0.0.1:3000");
const seriesParameters = document.paths["/api/v1/series"]!.get.parameters;
const ogParameters = document.paths["/og"]!.get.parameters;
const query = (parameters: OpenApiParameter[]) => new Map(parameters.filter((p) => p.in === "query").map((p) => [p.name, p]));

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and describes series, meta, health, og, the edition CSV and itself", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(
      ["/api/health", "/api/v1/meta", "/api/v1/openapi.json", "/api/v1/series", "/editions/{slug}/diff.csv", "/og"].sort(),
    );
    expect(document.servers[0]!.url).toBe("http://127.0.0.1:3000");
  });

  it("lists every URL key as a series and og parameter, and nothing the endpoints would refuse", () => {
    expect([...query(seriesParameters).keys()]).toEqual([...URL_KEYS, "format", "shape"]);
    expect([...query(ogParameters).keys()]).toEqual([...URL_KEYS, "v"]);
  });

  it("takes its enums from lib/view-state and the live catalogue", () => {
    const series = query(seriesParameters);
    const enumOf = (name: string) => series.get(name)!.schema.enum;
    expect(enumOf("view")).toEqual(VIEWS);
    expect(enumOf("level")).toEqual(LEVELS);
    expect(enumOf("mode")).toEqual(MODES);
    expect(enumOf("lang")).toEqual(LANGUAGES);
    expect(enumOf("scale")).toEqual(SCALES);
    expect(enumOf("sort")).toEqual(TABLE_SORTS);
    expect(enumOf("format")).toEqual(API_FORMATS);
    expect(enumOf("metric")).toEqual(catalogue.metrics);
    expect(enumOf("edition")).toEqual(["latest", ...catalogue.editions]);
    expect(series.get("also")!.schema).toMatchObject({ type: "array", items: { enum: catalogue.metrics }, maxItems: MAX_ALSO });
    expect(series.get("geo")!.schema.items!.enum).toEqual(Object.values(catalogue.geos).flat());
    expect(series.get("geo")!.schema["x-allowed-by-level"]).toEqual(catalogue.geos);
    for (const name of ["from", "to", "year"]) expect(series.get(name)!.schema).toMatchObject({ type: "integer", minimum: 1988, maximum: 2025 });
  });

  it("gives the defaults the parser uses", () => {
    const { state } = parseViewState(new URLSearchParams(), catalogue);
    const series = query(seriesParameters);
    for (const key of ["metric", "view", "level", "from", "to", "mode", "edition", "lang", "scale"] as const) {
      expect(series.get(key)!.schema.default, key).toEqual(state[key]);
    }
  });

  it("states the 400 error shape with parameter and allowed values", () => {
    const error = document.components.schemas.Error!;
    expect(error.required).toEqual(["error"]);
    expect(Object.keys(error.properties!.error!.properties!)).toEqual(["code", "message", "parameter", "allowed"]);
    for (const path of ["/api/v1/series", "/api/v1/meta", "/og", "/editions/{slug}/diff.csv"]) {
      expect(document.paths[path]!.get.responses["400"], path).toBeDefined();
      expect(document.paths[path]!.get.responses["304"], path).toBeDefined();
    }
  });

  it("describes the coverage view's matrix with the statuses lib/coverage gives", () => {
    expect(VIEWS).toContain("coverage");
    const { ViewData, Coverage } = document.components.schemas;
    expect(ViewData!.required).toContain("coverage");
    expect(ViewData!.properties!.coverage!.oneOf).toEqual([{ $ref: "#/components/schemas/Coverage" }, { type: "null" }]);
    expect(Coverage!.properties!.places!.items!.properties!.statuses!.items!.enum).toEqual(COVERAGE_STATUSES);
    expect(Coverage!.properties!.counts!.required).toEqual(COVERAGE_STATUSES);
    expect(query(seriesParameters).get("format")!.description).toContain("geo_code, geography, geography_zh, year, status");
  });

  it("describes the series JSON in both shapes, generated from the zod schema the response types are inferred from", () => {
    const shape = query(seriesParameters).get("shape")!;
    expect(shape.schema).toMatchObject({ enum: API_SHAPES, default: "full" });
    const json = document.paths["/api/v1/series"]!.get.responses["200"]!.content!["application/json"]!.schema;
    expect(json).toEqual({ $ref: "#/components/schemas/SeriesResponse" });
    const { SeriesResponse, ViewData, CompactViewData, ViewRow, CompactViewRow, RowSource } = document.components.schemas;
    expect(SeriesResponse!.oneOf).toEqual([{ $ref: "#/components/schemas/ViewData" }, { $ref: "#/components/schemas/CompactViewData" }]);
    expect(Object.keys(ViewData!.properties!)).toEqual(Object.keys(ZViewData.shape));
    expect(Object.keys(CompactViewData!.properties!)).toEqual(Object.keys(ZCompactViewData.shape));
    expect(ViewData!.required).toEqual(Object.keys(ZViewData.shape));
    // Every field of a row is always there but the Chinese note, which only the app's own notes have.
    expect(ViewRow!.required).toEqual(Object.keys(ZViewRow.shape).filter((key) => key !== "noteZh"));
    expect(ViewRow!.properties!.noteZh).toMatchObject({ type: "string" });
    expect(CompactViewRow!.properties!.noteZh).toMatchObject({ type: "integer", minimum: 0 });
    expect(CompactViewData!.properties!.sources).toEqual(expect.objectContaining({ items: { $ref: "#/components/schemas/RowSource" } }));
    expect(CompactViewRow!.properties!.source).toMatchObject({ type: "integer", minimum: 0 });
    expect(RowSource!.required).toEqual(["editions", "source", "confidence"]);
  });

  it("refers only to components it has, and gives them no $id or $schema of their own", () => {
    const json = JSON.stringify(document);
    const refs = new Set([...json.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!));
    expect(refs.size).toBeGreaterThan(5);
    for (const ref of refs) expect(document.components.schemas, ref).toHaveProperty(ref);
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      expect(schema, name).not.toHaveProperty("$id");
      expect(schema, name).not.toHaveProperty("$schema");
    }
  });

  it("falls back to every metric the code knows when the database cannot be asked", () => {
    const offline = buildOpenApiDocument(staticCatalogue(), "http://localhost:3000");
    const metric = query(offline.paths["/api/v1/series"]!.get.parameters).get("metric")!;
    expect(metric.schema.enum).toEqual([...INDICATORS.map((i) => i.code), ...DERIVED_METRICS.map((d) => d.code)]);
  });

  it("is plain JSON (no undefined, functions or cycles)", () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(JSON.parse(JSON.stringify(document)));
    expect(JSON.stringify(document)).not.toContain("undefined");
  });
});

describe("the API examples", () => {
  it("use values the catalogue accepts, so they answer 200", () => {
    const params = exampleView(catalogue);
    expect(params).toEqual({ metric: "tax_revenue", level: "province", geo: "110000,440000", from: "2010", to: "2020" });
    expect(parseViewState(new URLSearchParams(params), catalogue).notes).toEqual([]);
  });

  it("fetch that view from the server they are shown on, in curl, Python and R", () => {
    const examples = apiExamples("http://127.0.0.1:3101", exampleView(catalogue));
    expect(examples.url).toBe("http://127.0.0.1:3101/api/v1/series?metric=tax_revenue&level=province&geo=110000,440000&from=2010&to=2020");
    expect(examples.curl).toBe(`curl '${examples.url}'`);
    expect(examples.curlCsv).toContain("&format=csv'");
    expect(examples.python).toContain('params={"metric": "tax_revenue", "level": "province", "geo": "110000,440000", "from": 2010, "to": 2020}');
    expect(examples.r).toContain("req_url_query(`metric` = \"tax_revenue\"");
    expect(examples.rCsv).toContain('read_csv("http://127.0.0.1:3101/api/v1/series?');
  });
});
