// The ingest library's public API: read an uploaded yearbook edition into
// observations with a validation report, build upload templates. Pure: no database, no HTTP.

export { ingestUpload } from "@/lib/ingest/ingest-upload";
export { ingestRegistryUpload } from "@/lib/ingest/registry-upload";
export type { RegistryChange, RegistryParkFields, RegistryUploadResult, RegistryZone } from "@/lib/ingest/registry-upload";
export { IngestLimitError, DEFAULT_LIMITS } from "@/lib/ingest/limits";
export { buildTemplate } from "@/lib/ingest/template";
export { catalogueIngestIndicators, toIngestIndicator, SEED_BREAKDOWNS } from "@/lib/ingest/reference";
export type {
  CsvEncoding,
  CsvSeparator,
  GeoLevel,
  IngestLimits,
  IngestObservation,
  IngestMessage,
  IngestNewZone,
  IngestProblem,
  IngestProblemCode,
  IngestReference,
  IngestReferenceIndicator,
  IngestResult,
  IngestSheetSummary,
} from "@/lib/ingest/types";
