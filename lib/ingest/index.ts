// The ingest library's public API: read an uploaded yearbook edition, diff it
// against published data, build upload templates. Pure: no database, no HTTP.

export { ingestUpload } from "@/lib/ingest/ingest-upload";
export { ingestRegistryUpload } from "@/lib/ingest/registry-upload";
export type { RegistryChange, RegistryParkFields, RegistryUploadResult, RegistryZone } from "@/lib/ingest/registry-upload";
export { IngestLimitError, DEFAULT_LIMITS } from "@/lib/ingest/limits";
export { diffObservations } from "@/lib/ingest/diff";
export { buildTemplate } from "@/lib/ingest/template";
export { catalogueIngestIndicators, toIngestIndicator, SEED_BREAKDOWNS } from "@/lib/ingest/reference";
export type {
  CsvEncoding,
  CsvSeparator,
  DiffOptions,
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
  ObservationChange,
  ObservationDiff,
} from "@/lib/ingest/types";
