// The ingest library's public API: read an uploaded yearbook edition into
// observations with a validation report, build upload templates. Pure: no database, no HTTP.

export { ingestUpload } from "@/lib/ingest/ingest-upload";
export { IngestLimitError, DEFAULT_LIMITS } from "@/lib/ingest/limits";
export { buildTemplate } from "@/lib/ingest/template";
export { catalogueIngestIndicators, toIngestIndicator, SEED_BREAKDOWNS } from "@/lib/ingest/reference";
export type {
  GeoLevel,
  IngestLimits,
  IngestObservation,
  IngestMessage,
  IngestProblem,
  IngestProblemCode,
  IngestReference,
  IngestReferenceIndicator,
  IngestResult,
} from "@/lib/ingest/types";
