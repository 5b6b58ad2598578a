// The arithmetic of series, kept pure so it can be checked by hand:
// the vintage rule, sums of parts, and ratios of sums. Isomorphic.

export interface EditionInfo {
  id: number;
  slug: string;
  isSample: boolean;
  /** Higher is newer: the publication order of the edition. */
  rank: number;
}

export interface ObservationRow {
  editionId: number;
  geoCode: string;
  year: number;
  breakdown: string;
  value: number;
  note: string | null;
  sourceRef: string | null;
  confidence: string | null;
  isLowerBound: boolean;
}

export interface SeriesPoint {
  geoCode: string;
  year: number;
  breakdown: string;
  value: number;
  /** Slugs of the editions the value comes from (several for sums and ratios). */
  editions: string[];
  /** True when any part comes from the synthetic sample edition. */
  isSample: boolean;
  /** True for sums of parts and ratios, false for values as reported. */
  isComputed: boolean;
  /**
   * The value is a lower bound ("at least N"): a sum whose parts are
   * incomplete, or a source that says "more than". Never drawn as the total.
   */
  isLowerBound: boolean;
  note: string | null;
  /** The note in Chinese, where the app wrote it (computed figures); a reported note is as its source gives it. */
  noteZh?: string;
  sourceRef: string | null;
  confidence: string | null;
}

/** A text the app writes, in both of its languages. */
export interface TBilingual {
  en: string;
  zh: string;
}

/** What the parts of a sum are. */
export type TPartLabel = "provinces" | "regions";

const PART_ZH: Record<TPartLabel, string> = { provinces: "省份", regions: "地区" };

export const keyOf = (point: { geoCode: string; year: number; breakdown: string }) =>
  `${point.geoCode}|${point.year}|${point.breakdown}`;

export function compareByGeoThenYear(a: SeriesPoint, b: SeriesPoint): number {
  return a.geoCode.localeCompare(b.geoCode) || a.year - b.year || a.breakdown.localeCompare(b.breakdown);
}

/**
 * The vintage rule: for each (geo, year, breakdown) the value from the newest
 * edition that reports it wins. Rows from editions not in `editions` (drafts,
 * retired, or newer than a pinned edition) must not be passed in; they are
 * ignored here as a second line of defence.
 */
export function resolveVintage(rows: readonly ObservationRow[], editions: readonly EditionInfo[]): SeriesPoint[] {
  const editionById = new Map(editions.map((edition) => [edition.id, edition]));
  const winners = new Map<string, { row: ObservationRow; edition: EditionInfo }>();
  for (const row of rows) {
    const edition = editionById.get(row.editionId);
    if (!edition) continue;
    const key = keyOf(row);
    const current = winners.get(key);
    if (!current || edition.rank > current.edition.rank) winners.set(key, { row, edition });
  }
  return [...winners.values()]
    .map(({ row, edition }) => ({
      geoCode: row.geoCode,
      year: row.year,
      breakdown: row.breakdown,
      value: row.value,
      editions: [edition.slug],
      isSample: edition.isSample,
      isComputed: false,
      isLowerBound: row.isLowerBound,
      note: row.note,
      sourceRef: row.sourceRef,
      confidence: row.confidence,
    }))
    .sort(compareByGeoThenYear);
}

const union = (lists: string[][]) => [...new Set(lists.flat())].sort();

function joinSources(points: readonly SeriesPoint[]): string | null {
  const sources = [...new Set(points.map((p) => p.sourceRef).filter((s): s is string => !!s))];
  return sources.length ? sources.join(" · ") : null;
}

/** Says how a sum of parts was made and, when its parts are incomplete, why it is only a lower bound. */
export function describeSum(summed: number, expected: number, lowerBoundParts: number, partLabel: TPartLabel): TBilingual {
  const partZh = PART_ZH[partLabel];
  if (summed >= expected && lowerBoundParts === 0) {
    return { en: `Computed: sum of all ${expected} ${partLabel}`, zh: `计算值：全部 ${expected} 个${partZh}之和` };
  }
  const gaps = [
    summed < expected
      ? { en: `${expected - summed} of ${expected} ${partLabel} not reported`, zh: `${expected} 个${partZh}中 ${expected - summed} 个未报告` }
      : null,
    lowerBoundParts > 0
      ? {
          en: `${lowerBoundParts} ${lowerBoundParts === 1 ? "part is itself a lower bound" : "parts are themselves lower bounds"}`,
          zh: `${lowerBoundParts} 个分项本身仅为下限`,
        }
      : null,
  ].filter((gap) => gap !== null);
  return {
    en: `At least: sum of ${summed} of ${expected} ${partLabel} (${gaps.map((gap) => gap.en).join("; ")}), not the total`,
    zh: `至少：${expected} 个${partZh}中 ${summed} 个之和（${gaps.map((gap) => gap.zh).join("；")}），并非总量`,
  };
}

/**
 * Sums the parts (e.g. provinces) of each parent (e.g. a region) per year.
 * `parentOf` maps a part's geo code to its parent's; `partsPerParent` is how
 * many parts a parent has. The sum is the total only when every part reports
 * and none is a lower bound; otherwise it is a lower bound, and says so.
 */
export function sumParts(
  parts: readonly SeriesPoint[],
  parentOf: ReadonlyMap<string, string>,
  partsPerParent: ReadonlyMap<string, number>,
  partLabel: TPartLabel,
): SeriesPoint[] {
  const groups = new Map<string, { geoCode: string; year: number; breakdown: string; members: SeriesPoint[] }>();
  for (const part of parts) {
    const parent = parentOf.get(part.geoCode);
    if (!parent) continue;
    const key = keyOf({ geoCode: parent, year: part.year, breakdown: part.breakdown });
    const group = groups.get(key) ?? { geoCode: parent, year: part.year, breakdown: part.breakdown, members: [] };
    group.members.push(part);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ geoCode, year, breakdown, members }) => {
      const expected = partsPerParent.get(geoCode) ?? members.length;
      const lowerBoundParts = members.filter((m) => m.isLowerBound).length;
      const note = describeSum(members.length, expected, lowerBoundParts, partLabel);
      return {
        geoCode,
        year,
        breakdown,
        value: members.reduce((total, member) => total + member.value, 0),
        editions: union(members.map((m) => m.editions)),
        isSample: members.some((m) => m.isSample),
        isComputed: true,
        isLowerBound: members.length < expected || lowerBoundParts > 0,
        note: note.en,
        noteZh: note.zh,
        sourceRef: joinSources(members),
        confidence: null,
      };
    })
    .sort(compareByGeoThenYear);
}

/** Reported values win over computed ones for the same (geo, year, breakdown). */
export function preferReported(reported: readonly SeriesPoint[], computed: readonly SeriesPoint[]): SeriesPoint[] {
  const byKey = new Map(computed.map((point) => [keyOf(point), point]));
  for (const point of reported) byKey.set(keyOf(point), point);
  return [...byKey.values()].sort(compareByGeoThenYear);
}

/**
 * numerator ÷ denominator × scale for each key present in both. Both sides
 * must already be totals for the same geography (sum parts first, then divide:
 * a region's density is not the mean of its provinces' densities). A missing
 * or zero denominator leaves a gap, never a zero or an infinity; so does a
 * part that is only a lower bound (the ratio of an incomplete sum is no figure).
 */
export function divideSeries(
  numerator: readonly SeriesPoint[],
  denominator: readonly SeriesPoint[],
  scale: number,
  formula: TBilingual,
): SeriesPoint[] {
  const denominatorByYearGeo = new Map(denominator.map((point) => [`${point.geoCode}|${point.year}`, point]));
  const result: SeriesPoint[] = [];
  for (const top of numerator) {
    const bottom = denominatorByYearGeo.get(`${top.geoCode}|${top.year}`);
    if (!bottom || bottom.value === 0 || top.isLowerBound || bottom.isLowerBound) continue;
    result.push({
      geoCode: top.geoCode,
      year: top.year,
      breakdown: top.breakdown,
      value: (top.value / bottom.value) * scale,
      editions: union([top.editions, bottom.editions]),
      isSample: top.isSample || bottom.isSample,
      isComputed: true,
      isLowerBound: false,
      note: `Computed: ${formula.en}`,
      noteZh: `计算值：${formula.zh}`,
      sourceRef: joinSources([top, bottom]),
      confidence: null,
    });
  }
  return result.sort(compareByGeoThenYear);
}

/**
 * Each point as a percentage of the total for its year (e.g. a province's
 * share of the national figure). Years without a total are left out.
 */
export function shareOfTotal(
  parts: readonly SeriesPoint[],
  totals: readonly SeriesPoint[],
  formula: TBilingual,
): SeriesPoint[] {
  const totalByYear = new Map(totals.map((total) => [total.year, total]));
  return divideSeries(
    parts,
    parts.flatMap((part) => {
      const total = totalByYear.get(part.year);
      return total ? [{ ...total, geoCode: part.geoCode }] : [];
    }),
    100,
    formula,
  );
}

/**
 * What a reported total has that its parts don't account for, per year: the
 * row "not attributed to a province/region" that makes the parts add up to the
 * total. Only for years whose parts are incomplete (a place missing, or a part
 * that is a lower bound) and whose total is exact; nothing when the parts
 * account for all of it.
 */
export function remainderOfTotal(
  parts: readonly SeriesPoint[],
  totals: readonly SeriesPoint[],
  placeCount: number,
  geoCode: string,
  partLabel: TPartLabel,
): SeriesPoint[] {
  const result: SeriesPoint[] = [];
  for (const total of totals) {
    if (total.isLowerBound) continue;
    const members = parts.filter((part) => part.year === total.year && part.breakdown === total.breakdown);
    if (members.length === placeCount && members.every((m) => !m.isLowerBound)) continue;
    const accounted = members.reduce((sum, member) => sum + member.value, 0);
    const remainder = total.value - accounted;
    if (remainder <= 0) continue;
    result.push({
      geoCode,
      year: total.year,
      breakdown: total.breakdown,
      value: remainder,
      editions: union([total.editions, ...members.map((m) => m.editions)]),
      isSample: total.isSample || members.some((m) => m.isSample),
      isComputed: true,
      isLowerBound: false,
      note: `Computed: the national total ${total.value} (${total.isComputed ? "computed" : "reported"}) minus the ${members.length} ${partLabel} shown, ${accounted}; the ${partLabel} are incomplete, so this part is attributed to none of them`,
      noteZh: `计算值：全国合计 ${total.value}（${total.isComputed ? "计算值" : "报告值"}）减去所示 ${members.length} 个${PART_ZH[partLabel]}之和 ${accounted}；各${PART_ZH[partLabel]}数据不全，此部分不归属于任何${PART_ZH[partLabel]}`,
      sourceRef: total.sourceRef,
      confidence: total.confidence,
    });
  }
  return result;
}
