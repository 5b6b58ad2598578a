import type { GeoLevel } from "@/lib/ingest";

// The shapes of an edition's diff against published data (computed in
// lib/server/editions/edition-diff.ts), shared with the admin page that shows it.

/** The lists of a diff; `changed` is biggest relative change first, the others by key. */
export const DIFF_LISTS = ["changed", "added", "notRestated"] as const;
export type TDiffList = (typeof DIFF_LISTS)[number];

export interface DiffFilter {
  indicator?: string;
  /** A geo code (CN, a region code, an adcode or a zone slug). */
  geo?: string;
}

export interface DiffCounts {
  added: number;
  changed: number;
  unchanged: number;
  notRestated: number;
}

export interface DiffRow {
  indicatorCode: string;
  year: number;
  geoLevel: GeoLevel;
  geoCode: string;
  breakdown: string;
  /** What readers saw before (null when added). */
  old: number | null;
  /** What the edition says (null when not restated). */
  new: number | null;
  /** new − old, for changes; null otherwise. */
  absChange: number | null;
  /** (new − old) ÷ |old| × 100, for changes; null otherwise and when old is 0. */
  pctChange: number | null;
  /** The edition readers saw the old value from (null when added). */
  shownFrom: { slug: string; title: string } | null;
}
