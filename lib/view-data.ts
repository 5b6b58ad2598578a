import type { CoverageMatrix } from "@/lib/coverage";
import type { DisplayUnit } from "@/lib/display-unit";
import type { TLevel, ViewCatalogue, ViewNote, ViewState } from "@/lib/view-state";

// The data behind one view, as the server sends it to the page, the API and
// the exports. Isomorphic types only.

/** The geo code of the remainder row (ViewRow.isRemainder). */
export const UNATTRIBUTED = "unattributed";

export interface ViewRow {
  /** Geo code, with ":category" appended for indicators reported by category. */
  geoCode: string;
  geoNameEn: string;
  geoNameZh: string;
  year: number;
  value: number;
  /** Slugs of the editions the value comes from. */
  editions: string[];
  isSample: boolean;
  isComputed: boolean;
  /** The value is a lower bound: show it as "at least N", never as the total (see SeriesPoint). */
  isLowerBound: boolean;
  /**
   * The row "Not attributed to a province" (or region): the reported total minus
   * the sum of the places shown, so the rows add up to the total. geoCode is UNATTRIBUTED.
   */
  isRemainder: boolean;
  note: string | null;
  source: string | null;
  confidence: string | null;
}

export interface MetricInfo {
  code: string;
  nameEn: string;
  nameZh: string;
  descriptionEn: string;
  descriptionZh: string;
  /** For derived metrics and modes: how the figure is computed. */
  formulaEn: string | null;
  formulaZh: string | null;
  unit: DisplayUnit;
  isDerived: boolean;
  isAdditive: boolean;
}

export interface EditionInfoForView {
  slug: string;
  title: string;
  source: string;
  isSample: boolean;
  publishedAt: string | null;
}

export interface ViewData {
  /** The view actually shown (after fallbacks), and its canonical query string. */
  state: ViewState;
  query: string;
  notes: ViewNote[];
  metric: MetricInfo;
  /** The unit of every value in rows (differs from metric.unit in per-zone and share modes). */
  unit: DisplayUnit;
  /** The level rows are at (the map always shows provinces). */
  level: TLevel;
  rows: ViewRow[];
  /** The extra metrics the table shows (ViewState.also), each absolute, with its own unit. */
  extra: { metric: MetricInfo; unit: DisplayUnit; rows: ViewRow[] }[];
  /** Editions that contributed at least one row. */
  editions: EditionInfoForView[];
  hasSample: boolean;
  dataVersion: number;
  /** For a pinned view: what newer published editions changed on screen; null when nothing did (or not pinned). */
  revisions: ViewRevisions | null;
  /** The coverage view: what kind of figure each place has in each year (lib/coverage.ts); null in the other views. */
  coverage: CoverageMatrix | null;
}

/** What newer editions changed in a pinned view (lib/server/queries/get-view-revisions.ts). */
export interface ViewRevisions {
  /** The newest edition published after the pinned one that changed a figure on screen. */
  edition: { slug: string; title: string };
  /** How many other newer editions changed figures too. */
  otherEditions: number;
  /** Figures on screen whose value differs in the latest data. */
  revised: number;
  /** Figures the latest data adds to the view. */
  added: number;
  /** Figures of the pinned view the latest data no longer has. */
  removed: number;
  /** Figures on screen (rows of the pinned view). */
  total: number;
  /** The same view on the latest data: the query without its edition. */
  latestQuery: string;
}

/** What the dashboard knows about the data, sent once with the page (and by /api/v1/meta). */
export interface Catalogue extends ViewCatalogue {
  dataVersion: number;
  /** Levels at which some published edition reports figures (zones only once an edition has them). */
  levelsWithData: TLevel[];
  metricInfo: MetricInfo[];
  regions: { code: string; nameEn: string; nameZh: string }[];
  provinces: { code: string; nameEn: string; nameZh: string; nameZhShort: string; regionCode: string }[];
  parks: { code: string; nameEn: string | null; nameZh: string; provinceCode: string; approvedOn: string | null }[];
  publishedEditions: EditionInfoForView[];
}
