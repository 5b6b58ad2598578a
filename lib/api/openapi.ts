import { z } from "zod";
import {
  ZCompactViewData,
  ZCompactViewRow,
  ZCoverage,
  ZDisplayUnit,
  ZEditionInfo,
  ZMetricInfo,
  ZRowSource,
  ZSeriesResponse,
  ZViewData,
  ZViewGap,
  ZViewRevisions,
  ZViewRow,
} from "@/lib/api/series-response";
import { COVERAGE_CSV_HEADER } from "@/lib/csv-export";
import { DERIVED_METRICS, INDICATORS } from "@/lib/metrics";
import { TABLE_SORTS } from "@/lib/table-sort";
import { ZPolicyEvent, ZSeriesBreak } from "@/lib/api/reference-schemas";
import {
  DEFAULT_METRIC,
  DEFAULT_YEARS,
  EVENTS,
  LANGUAGES,
  LEVELS,
  MAX_ALSO,
  MODES,
  SCALES,
  URL_KEYS,
  VIEWS,
  type TLevel,
  type TUrlKey,
  type ViewCatalogue,
} from "@/lib/view-state";

// The OpenAPI 3.1 description of the public read API, built from the same constants the
// view-state parser validates against (and, when the database answers, the same live
// catalogue), so the document cannot drift from what the endpoints accept; the series
// response is generated (z.toJSONSchema) from the zod schema its types are inferred from
// (lib/api/series-response.ts). Served at /api/v1/openapi.json and rendered for people on
// /api/docs. Pure and isomorphic.

/** Output formats of /api/v1/series (`format=`). */
export const API_FORMATS = ["json", "csv"] as const;
export type TApiFormat = (typeof API_FORMATS)[number];
/** Shapes of the JSON of /api/v1/series (`shape=`): each row naming its source and note, or each named once. */
export const API_SHAPES = ["full", "compact"] as const;
export type TApiShape = (typeof API_SHAPES)[number];

/** The error codes a read endpoint may answer with, and their statuses. */
export const API_ERROR_STATUS = { BAD_REQUEST: 400, NOT_FOUND: 404, DATABASE_UNAVAILABLE: 503, INTERNAL: 500 } as const;

// ---------------------------------------------------------------------------
// The subset of OpenAPI 3.1 this document uses.

export interface JsonSchema {
  type?: "string" | "integer" | "number" | "boolean" | "object" | "array" | "null" | ("string" | "number" | "integer" | "null" | "boolean" | "object" | "array")[];
  enum?: readonly (string | number)[];
  const?: string | number;
  default?: string | number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  propertyNames?: JsonSchema;
  readOnly?: boolean;
  $ref?: string;
  description?: string;
  examples?: unknown[];
  "x-allowed-by-level"?: Partial<Record<TLevel, readonly string[]>>;
}

export interface OpenApiParameter {
  name: string;
  in: "query" | "path" | "header";
  required?: boolean;
  description: string;
  style?: "form";
  explode?: boolean;
  schema: JsonSchema;
  example?: string | number;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema; example?: unknown }>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: OpenApiParameter[];
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string; license: { name: string; identifier?: string } };
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, { get: OpenApiOperation }>;
  components: { schemas: Record<string, JsonSchema> };
}

// ---------------------------------------------------------------------------

/** What the document needs to know about the data: the view catalogue (live, or the static fallback). */
export type TOpenApiCatalogue = ViewCatalogue;

/** Every metric the code knows, for when the database cannot be asked which have data. */
export function staticCatalogue(): TOpenApiCatalogue {
  return {
    metrics: [...INDICATORS.map((i) => i.code), ...DERIVED_METRICS.map((d) => d.code)],
    geos: { nation: ["CN"], region: [], province: [], park: [] },
    editions: [],
    years: { min: 1988, max: new Date().getUTCFullYear() },
  };
}

const ERROR_REF = { $ref: "#/components/schemas/Error" };
const CACHE_HEADERS = {
  ETag: { description: "Changes with the data version and the exact (canonical) request; send it back in If-None-Match.", schema: { type: "string" } },
  "Cache-Control": { description: "public, max-age=60, s-maxage=300, stale-while-revalidate=86400: data only changes when an edition is published.", schema: { type: "string" } },
} satisfies OpenApiResponse["headers"];

const NOT_MODIFIED: OpenApiResponse = { description: "Not modified: the If-None-Match ETag is still current.", headers: { ETag: CACHE_HEADERS.ETag } };
const BAD_REQUEST: OpenApiResponse = {
  description: "A parameter that cannot be used: the body names it and, where there is a list, the allowed values.",
  content: {
    "application/json": {
      schema: ERROR_REF,
      example: { error: { code: "BAD_REQUEST", message: 'Unknown view "pie"; showing trend.', parameter: "view", allowed: [...VIEWS] } },
    },
  },
};
const UNAVAILABLE: OpenApiResponse = {
  description: "The database cannot be reached right now; try again in a minute.",
  content: { "application/json": { schema: ERROR_REF, example: { error: { code: "DATABASE_UNAVAILABLE", message: "The database is unavailable. Try again in a minute." } } } },
};

/** Example values that the live catalogue accepts: the README's tax example where it can. */
export function exampleView(catalogue: TOpenApiCatalogue): Record<string, string> {
  const metric = catalogue.metrics.includes("tax_revenue") ? "tax_revenue" : (catalogue.metrics[0] ?? DEFAULT_METRIC);
  const provinces = catalogue.geos.province.filter((code) => code === "110000" || code === "440000");
  const from = Math.max(2010, catalogue.years.min);
  const to = Math.max(from, Math.min(2020, catalogue.years.max));
  return {
    metric,
    level: "province",
    ...(provinces.length ? { geo: provinces.join(",") } : {}),
    from: String(from),
    to: String(to),
  };
}

/** The view parameters shared by /api/v1/series and /og, one per URL key, in canonical order. */
export function viewParameters(catalogue: TOpenApiCatalogue): OpenApiParameter[] {
  const allGeos = Object.values(catalogue.geos).flat();
  const defaultTo = Math.min(DEFAULT_YEARS.to, catalogue.years.max);
  const year = (description: string, fallback?: number): JsonSchema => ({
    type: "integer",
    minimum: catalogue.years.min,
    maximum: catalogue.years.max,
    ...(fallback === undefined ? {} : { default: fallback }),
    description,
  });
  const parameters: Record<TUrlKey, Omit<OpenApiParameter, "name" | "in">> = {
    metric: {
      description: "The metric shown: an indicator or a derived metric with published data (see /api/v1/meta for names, units and formulas).",
      schema: { type: "string", enum: catalogue.metrics, default: catalogue.metrics.includes(DEFAULT_METRIC) ? DEFAULT_METRIC : catalogue.metrics[0] },
      example: "tax_revenue",
    },
    also: {
      description: `More metrics for the table view, comma-separated (at most ${MAX_ALSO}; the main metric is left out). Ignored by the other views.`,
      style: "form",
      explode: false,
      schema: { type: "array", items: { type: "string", enum: catalogue.metrics }, maxItems: MAX_ALSO },
      example: "exports,tax_revenue",
    },
    view: {
      description:
        "trend (years as lines), compare (bars for one year), map (provinces for one year), table, coverage (what kind of figure each place has in each year from..to: the response adds a `coverage` matrix).",
      schema: { type: "string", enum: VIEWS, default: "trend" },
    },
    level: { description: "The geographic level; the map always shows provinces.", schema: { type: "string", enum: LEVELS, default: "region" } },
    geo: {
      description: "Places at the level, comma-separated; absent or empty means all. CN for the nation, region codes, province adcodes (GB/T 2260), zone codes (zhongguancun, wuhan-east-lake; the old zone-… hash codes are still accepted).",
      style: "form",
      explode: false,
      schema: { type: "array", items: { type: "string", enum: allGeos }, "x-allowed-by-level": catalogue.geos },
      example: "110000,440000",
    },
    from: { description: "First year of trend and table views.", schema: year("First year", Math.max(DEFAULT_YEARS.from, catalogue.years.min)) },
    to: { description: "Last year of trend and table views.", schema: year("Last year", defaultTo) },
    year: { description: "The one year compare and map show; defaults to `to`.", schema: year("The year of compare and map (default: to)") },
    mode: {
      description:
        "absolute; density (high-tech enterprises ÷ registered firms); per-park (÷ number of zones); share (÷ national total); growth (in trend, table and coverage views each figure's % change on the year before, (v − v of the year before) ÷ v of the year before × 100; in compare and map the compound annual growth rate from `from` to `year`, ((v_year ÷ v_from)^(1 ÷ (year − from)) − 1) × 100; figures without a rate are listed in `gaps` with the reason; not with scale=log). Combinations that make no sense answer 400.",
      schema: { type: "string", enum: MODES, default: "absolute" },
    },
    edition: {
      description: "latest (every published edition, newest value wins) or an edition slug: only editions published up to it count, so old links show what they showed.",
      schema: { type: "string", enum: ["latest", ...catalogue.editions], default: "latest" },
    },
    lang: { description: "Language of names and formatted numbers in the response (and the preview image).", schema: { type: "string", enum: LANGUAGES, default: "en" } },
    scale: { description: "Y scale of the trend chart (and the preview image).", schema: { type: "string", enum: SCALES, default: "linear" } },
    events: {
      description: "on: trend charts mark the policy timeline's events (listed with their sources in /api/v1/meta `events`); off hides them. Breaks in series are always marked.",
      schema: { type: "string", enum: EVENTS, default: "on" },
    },
    sort: {
      description:
        "The order of the dashboard's table rows and compare bars: value-desc (largest first), value-asc, place (by name, then year) or year; equal values by place. Default value-desc for compare, place otherwise. Part of the view (links, short links), it does not change the response's rows, which keep one order.",
      schema: { type: "string", enum: TABLE_SORTS },
      example: "value-desc",
    },
  };
  return URL_KEYS.map((name) => ({ name, in: "query", ...parameters[name] }));
}

/** The response schemas, by component name; every schema they use that is named here is referred to by $ref. */
const RESPONSE_SCHEMAS = {
  SeriesResponse: ZSeriesResponse,
  ViewData: ZViewData,
  CompactViewData: ZCompactViewData,
  ViewRow: ZViewRow,
  ViewGap: ZViewGap,
  CompactViewRow: ZCompactViewRow,
  RowSource: ZRowSource,
  MetricInfo: ZMetricInfo,
  EditionInfo: ZEditionInfo,
  ViewRevisions: ZViewRevisions,
  Coverage: ZCoverage,
  DisplayUnit: ZDisplayUnit,
  PolicyEvent: ZPolicyEvent,
  SeriesBreak: ZSeriesBreak,
};

/** The components generated from the zod schemas that type the responses. */
function responseComponents(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(RESPONSE_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  // Each comes as a document of its own; a component takes the document's dialect and no $id.
  const component = (schema: object) => Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema" && key !== "$id")) as JsonSchema;
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, component(schema)]));
}

const SCHEMAS: Record<string, JsonSchema> = {
  ...responseComponents(),
  Error: {
    type: "object",
    properties: {
      error: {
        type: "object",
        properties: {
          code: { type: "string", enum: Object.keys(API_ERROR_STATUS) },
          message: { type: "string", description: "What is wrong, in words." },
          parameter: { type: "string", description: "The query parameter at fault (400 only)." },
          allowed: { type: "array", items: { type: "string" }, description: "The values that parameter accepts, where there is a list." },
        },
        required: ["code", "message"],
      },
    },
    required: ["error"],
  },
  Health: {
    oneOf: [
      {
        type: "object",
        properties: {
          status: { const: "ok" },
          database: { type: "string", enum: ["embedded", "postgres"] },
          migration: { type: "string" },
          dataVersion: { type: "integer" },
          readModel: {
            type: "string",
            enum: ["ready", "resolving"],
            description: "Whether this instance has resolved the data version for reading yet. It answers either way; before, some views read the database and take longer. An instance begins it when it starts and whenever the data version changes.",
          },
        },
        required: ["status", "database", "migration", "dataVersion", "readModel"],
      },
      {
        type: "object",
        properties: {
          status: { const: "error" },
          database: { type: "string", enum: ["embedded", "postgres"] },
          error: { type: "object", properties: { code: { const: "DATABASE_UNAVAILABLE" }, message: { type: "string" } }, required: ["code", "message"] },
        },
        required: ["status", "database", "error"],
      },
    ],
  },
};

/**
 * The whole document. `catalogue` gives the live enums (metrics with data, geo codes,
 * published editions, year span); `serverUrl` is the origin the examples use.
 */
export function buildOpenApiDocument(catalogue: TOpenApiCatalogue, serverUrl: string): OpenApiDocument {
  const view = viewParameters(catalogue);
  return {
    openapi: "3.1.0",
    info: {
      title: "Torch Atlas API",
      version: "1",
      description:
        "Read-only figures on China's national high-tech zones (Torch Program): the same views, with the same parameters, as the dashboard. Every figure carries its unit, edition and source; figures from the synthetic sample edition are flagged (isSample) and are not official statistics.",
      license: { name: "Data: see each edition's source" },
    },
    servers: [{ url: serverUrl }],
    tags: [
      { name: "data", description: "Figures and the catalogue" },
      { name: "service", description: "Health and this document" },
      { name: "sharing", description: "Link previews and edition changes" },
    ],
    paths: {
      "/api/v1/series": {
        get: {
          operationId: "getSeries",
          summary: "The data behind a dashboard view",
          description:
            "The view's rows (place, year, value, editions, sample and computed flags, source, note) and unit; with view=coverage also `coverage`: years × places, each cell reported, computed, partial, sample or missing, and the count of each. Parameters are the dashboard's URL keys; any other parameter, an unknown value or an impossible combination answers 400.",
          tags: ["data"],
          parameters: [
            ...view,
            {
              name: "format",
              in: "query",
              description: `json (ViewData, or CompactViewData with shape=compact) or csv (one line per figure with unit, edition and source columns; cells a spreadsheet would run as formulas are neutralised). With view=coverage the CSV has one line per cell: ${COVERAGE_CSV_HEADER.join(", ")}.`,
              schema: { type: "string", enum: API_FORMATS, default: "json" },
            },
            {
              name: "shape",
              in: "query",
              description:
                "The JSON's shape. full: every row names its editions, source, confidence and note (ViewData). compact: each distinct source (editions, source, confidence) is named once in `sources` and each distinct note once in `rowNotes`, and rows refer to them by index (CompactViewData); a fraction of the size for views of many rows. Ignored with format=csv.",
              schema: { type: "string", enum: API_SHAPES, default: "full" },
            },
            { name: "If-None-Match", in: "header", description: "An ETag from an earlier answer: 304 if the data has not changed.", schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "The view's data.",
              headers: { ...CACHE_HEADERS, Vary: { description: "Accept-Encoding: bodies of 1 KB and more are gzipped for clients that accept it.", schema: { type: "string" } } },
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/SeriesResponse" } },
                "text/csv": {
                  schema: {
                    type: "string",
                    description: `geo_code,geography,geography_zh,year,metric,value,unit,editions,synthetic_sample,computed,confidence,source,note,lower_bound,remainder; with view=coverage ${COVERAGE_CSV_HEADER.join(",")}`,
                  },
                },
              },
            },
            "304": NOT_MODIFIED,
            "400": BAD_REQUEST,
            "503": UNAVAILABLE,
          },
        },
      },
      "/api/v1/meta": {
        get: {
          operationId: "getMeta",
          summary: "What the API can answer",
          description:
            "Metrics (names, units, descriptions, formulas, and `breaks`: the years where what a metric measures changes, each with what changed and its source), regions, provinces, zones, published editions, the year span, and `events`: the policy timeline the trend charts mark, each with its date, a line in English and Chinese, and its source. Takes no parameters: any parameter answers 400.",
          tags: ["data"],
          parameters: [{ name: "If-None-Match", in: "header", description: "An ETag from an earlier answer: 304 if the data has not changed.", schema: { type: "string" } }],
          responses: {
            "200": {
              description: "The catalogue.",
              headers: CACHE_HEADERS,
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      dataVersion: { type: "integer" },
                      years: { type: "object", properties: { min: { type: "integer" }, max: { type: "integer" } } },
                      metrics: {
                        type: "array",
                        items: {
                          allOf: [
                            { $ref: "#/components/schemas/MetricInfo" },
                            { type: "object", properties: { breaks: { type: "array", items: { $ref: "#/components/schemas/SeriesBreak" } } }, required: ["breaks"] },
                          ],
                        },
                      },
                      regions: { type: "array", items: { type: "object" } },
                      provinces: { type: "array", items: { type: "object" } },
                      parks: { type: "array", items: { type: "object" } },
                      editions: { type: "array", items: { type: "object" } },
                      events: { type: "array", items: { $ref: "#/components/schemas/PolicyEvent" }, description: "In date order." },
                    },
                    required: ["dataVersion", "years", "metrics", "regions", "provinces", "parks", "editions", "events"],
                  },
                },
              },
            },
            "304": NOT_MODIFIED,
            "400": BAD_REQUEST,
            "503": UNAVAILABLE,
          },
        },
      },
      "/api/health": {
        get: {
          operationId: "getHealth",
          summary: "Is the service up",
          description: "Database kind, applied migration, data version and whether the instance is warmed up (readModel). Never cached. Takes no parameters and ignores any given, so load balancers and monitors may add their own.",
          tags: ["service"],
          parameters: [],
          responses: {
            "200": { description: "The database answers and is migrated.", content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } } },
            "503": { description: "The database cannot be reached or is not migrated.", content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } } },
          },
        },
      },
      "/og": {
        get: {
          operationId: "getPreviewImage",
          summary: "Link-preview image of a view",
          description:
            "A 1200 × 630 PNG of a dashboard view: title, unit, a miniature chart, editions and source, and a SYNTHETIC SAMPLE label when the view shows sample figures. The dashboard's og:image and twitter:image point here. Same parameters as /api/v1/series (no format), plus v.",
          tags: ["sharing"],
          parameters: [
            ...view,
            { name: "v", in: "query", description: "The data version the page put in the link; only busts caches, otherwise ignored.", schema: { type: "string", pattern: "^\\d{1,12}$" } },
            { name: "If-None-Match", in: "header", description: "An ETag from an earlier answer: 304 if the image has not changed.", schema: { type: "string" } },
          ],
          responses: {
            "200": { description: "The image.", headers: CACHE_HEADERS, content: { "image/png": { schema: { type: "string", format: "binary" } } } },
            "304": NOT_MODIFIED,
            "400": BAD_REQUEST,
            "503": UNAVAILABLE,
          },
        },
      },
      "/editions/{slug}/diff.csv": {
        get: {
          operationId: "getEditionChanges",
          summary: "What an edition changed, as CSV",
          description:
            "Every figure a published (or retired) edition added, revised or dropped against what was published before it. Columns: change, indicator, year, level, geo_code, geo_name, old, new, unit, pct_change.",
          tags: ["sharing"],
          parameters: [
            { name: "slug", in: "path", required: true, description: "The edition's slug (published editions listed; retired ones answer too).", schema: { type: "string", ...(catalogue.editions.length ? { examples: [...catalogue.editions] } : {}) } },
            { name: "indicator", in: "query", description: "Only this indicator (blank: all).", schema: { type: "string", enum: ["", ...INDICATORS.map((i) => i.code)] } },
            { name: "geo", in: "query", description: "Only this geography code (blank: all).", schema: { type: "string", enum: ["", ...Object.values(catalogue.geos).flat()] } },
          ],
          responses: {
            "200": { description: "The changes.", headers: CACHE_HEADERS, content: { "text/csv": { schema: { type: "string" } } } },
            "304": NOT_MODIFIED,
            "400": BAD_REQUEST,
            "404": { description: "No published or retired edition with this slug.", content: { "application/json": { schema: ERROR_REF } } },
            "503": UNAVAILABLE,
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApi",
          summary: "This document",
          description: "OpenAPI 3.1, built from the code and the live catalogue. People-readable at /api/docs.",
          tags: ["service"],
          parameters: [],
          responses: { "200": { description: "The document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: { schemas: SCHEMAS },
  };
}
