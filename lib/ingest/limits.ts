import { z } from "zod";
import type { IngestLimits } from "@/lib/ingest/types";

// Upload limits and the one error thrown when an upload breaks one. Problems
// with the data itself go into the validation report instead.

export const DEFAULT_LIMITS: IngestLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 2_000_000,
  maxColumns: 200,
  maxCellChars: 10_000,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxCompressionRatio: 100,
};

const ZLimitOverrides = z
  .object({
    maxBytes: z.number().int().positive(),
    maxRows: z.number().int().positive(),
    maxColumns: z.number().int().positive(),
    maxCellChars: z.number().int().positive(),
    maxUncompressedBytes: z.number().int().positive(),
    maxCompressionRatio: z.number().positive(),
  })
  .partial()
  .strict();

/** The defaults with the caller's overrides; throws on a limit that is not a positive number. */
export function resolveLimits(overrides: Partial<IngestLimits> | undefined): IngestLimits {
  return { ...DEFAULT_LIMITS, ...ZLimitOverrides.parse(overrides ?? {}) };
}

/** Thrown when an upload is too big in some way (bytes, rows, columns, cell size, zip bomb); the message says which, in plain words. */
export class IngestLimitError extends Error {
  override name = "IngestLimitError";
  readonly limit: keyof IngestLimits;
  /** The message in Chinese; `message` is the English. */
  readonly zh: string;

  constructor(limit: keyof IngestLimits, message: { en: string; zh: string }) {
    super(message.en);
    this.limit = limit;
    this.zh = message.zh;
  }
}

/** "50 MB" or "812 bytes" — sizes in messages an admin reads. */
export function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1
    ? `${mb.toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`
    : `${bytes.toLocaleString("en-US")} bytes`;
}
