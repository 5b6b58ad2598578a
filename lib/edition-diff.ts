import type { GeoLevel } from "@/lib/ingest";
import { findIndicator } from "@/lib/metrics";
import type { TLang } from "@/lib/view-state";

// An edition's diff against published data (computed in lib/server/editions/edition-diff.ts):
// its shapes, and how a figure of it reads. The admin's draft diff shows DiffRows; the readers'
// /editions/<slug> page shows EditionChanges (lib/edition-changes.ts), the same figures with
// names and units. Both draw them with components/editions/changes-table.tsx.

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

/** One figure of a diff: its key, what readers saw before and what the edition says. */
export interface DiffFigure {
  indicatorCode: string;
  /** "" for the whole; a category such as "state_owned" for indicators reported by category. */
  breakdown: string;
  year: number;
  geoCode: string;
  /** What readers saw before (null when added). */
  old: number | null;
  /** What the edition says (null when not restated). */
  new: number | null;
  /** (new − old) ÷ |old| × 100, for changes; null otherwise and when old is 0. */
  pctChange: number | null;
}

export interface DiffRow extends DiffFigure {
  geoLevel: GeoLevel;
  /** new − old, for changes; null otherwise. */
  absChange: number | null;
  /** The edition readers saw the old value from (null when added). */
  shownFrom: { slug: string; title: string } | null;
}

/** Unique within a list of a diff (geo codes do not repeat across levels). */
export function figureKey(figure: DiffFigure): string {
  return `${figure.indicatorCode}|${figure.breakdown}|${figure.year}|${figure.geoCode}`;
}

/** The indicator in the page's language, with its category: "Share of firms: state-owned"; the code if unknown. */
export function indicatorLabel(figure: Pick<DiffFigure, "indicatorCode" | "breakdown">, lang: TLang): string {
  const indicator = findIndicator(figure.indicatorCode);
  const name = (lang === "zh" ? indicator?.nameZh : indicator?.nameEn) ?? figure.indicatorCode;
  return figure.breakdown ? `${name}: ${indicator?.breakdowns?.[figure.breakdown]?.[lang] ?? figure.breakdown}` : name;
}

/** A revision as a percentage, "+12.5%" or "-3.0%"; `fromZero` ("from 0") when the old value was 0. */
export function formatPctChange(pctChange: number | null, fromZero: string): string {
  if (pctChange === null) return fromZero;
  return `${pctChange > 0 ? "+" : ""}${pctChange.toFixed(1)}%`;
}

/** The edition says less than readers saw before (a revision downwards). */
export function isDecrease(figure: Pick<DiffFigure, "old" | "new">): boolean {
  return (figure.new ?? 0) < (figure.old ?? 0);
}
