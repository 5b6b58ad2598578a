import "server-only";
import { joinNotes } from "@/lib/server/seed/notes";
import type { ParkRecord } from "@/lib/server/seed/reference-data";

// Zone counts for every year from sourced counts, the rule of issue 11:
// a year's count is the latest sourced count dated in or before it, plus the
// registry's approvals after that date within the year where the registry is
// complete. Each count says its basis in words. Pure: reads nothing.

/** The registry lists every zone approved up to the end of this year, and only some after. */
export const REGISTRY_COMPLETE_THROUGH = 2009;

/** A count of zones at a date ("1992-11-09", "2012-09" or "2004"), as a source states it. */
export interface DatedCount {
  asOf: string;
  value: number;
  statement: string;
  sourceRef: string;
  confidence: string;
  note: string | null;
}

/** A year-end count of State-Council-approved zones, and the Torch statistics' count with Suzhou Industrial Park. */
export interface YearEndCount {
  year: number;
  stateCouncil: number;
  inclSuzhou: number | null;
  sourceRef: string;
  confidence: string;
  note: string | null;
}

/** One year's count and how it was arrived at. */
export interface DerivedCount {
  year: number;
  value: number;
  /** "at least": approvals after the last sourced count may be missing. */
  isLowerBound: boolean;
  note: string | null;
  sourceRef: string;
  confidence: string;
}

/** The first and last day a partial date ("2012", "2012-09", "2012-09-30") can mean. */
export function dateSpan(date: string): { first: string; last: string } {
  const [year, month, day] = date.split("-");
  if (day) return { first: date, last: date };
  if (month) return { first: `${year}-${month}-01`, last: `${year}-${month}-31` };
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

const yearOf = (date: string) => Number(date.slice(0, 4));
const zones = (count: number) => `${count} ${count === 1 ? "zone" : "zones"}`;

/** Zones the registry dates surely after `date` and by the end of `year`. */
function approvalsAfter(parks: readonly ParkRecord[], date: string, year: number): ParkRecord[] {
  const after = dateSpan(date).last;
  return parks.filter(
    (p) => p.approvedOn !== null && dateSpan(p.approvedOn).first > after && yearOf(p.approvedOn) <= year,
  );
}

function registryCountBy(parks: readonly ParkRecord[], year: number): number {
  return parks.filter((p) => p.approvalYear !== null && p.approvalYear <= year).length;
}

const SUZHOU_NOTE =
  "from the 2015 data year the Torch statistics also count Suzhou Industrial Park, which is not a State-Council high-tech zone";

/**
 * National zone counts for each year from..to. Order of preference: a sourced
 * year-end count; a count dated within the year (plus the registry's later
 * approvals that year, where the registry is complete); the registry's own
 * count where it is complete; else the latest earlier count carried forward,
 * as a lower bound.
 */
export function deriveNationalZoneCounts(input: {
  yearEnd: readonly YearEndCount[];
  byDate: readonly DatedCount[];
  parks: readonly ParkRecord[];
  from: number;
  to: number;
}): DerivedCount[] {
  const { yearEnd, parks, from, to } = input;
  const byDate = [...input.byDate].sort((a, b) => dateSpan(a.asOf).last.localeCompare(dateSpan(b.asOf).last));
  const counts: DerivedCount[] = [];
  for (let year = from; year <= to; year++) {
    const end = yearEnd.find((row) => row.year === year);
    if (end) {
      const suzhou =
        end.inclSuzhou === null ? null : `the Torch statistics count ${end.inclSuzhou}, adding Suzhou Industrial Park`;
      counts.push({
        year,
        value: end.stateCouncil,
        isLowerBound: false,
        note: joinNotes(
          `Reported: ${end.stateCouncil} State-Council-approved zones at the end of ${year}`,
          suzhou,
          end.note,
        ),
        sourceRef: end.sourceRef,
        confidence: end.confidence,
      });
      continue;
    }
    const earlier = byDate.filter((row) => yearOf(row.asOf) <= year);
    const latest = earlier.at(-1);
    const isRegistryComplete = year <= REGISTRY_COMPLETE_THROUGH;
    const suzhou = year >= 2015 ? `${SUZHOU_NOTE}; this source does not say whether its count includes it` : null;

    if (latest && yearOf(latest.asOf) === year) {
      const added = isRegistryComplete ? approvalsAfter(parks, latest.asOf, year) : [];
      const stated = `${latest.value} as of ${latest.asOf}: ${latest.statement}`;
      const registry = registryCountBy(parks, year);
      const registryDiffers =
        isRegistryComplete && registry !== latest.value + added.length
          ? `the zone registry dates ${registry} zones by the end of ${year}`
          : null;
      counts.push({
        year,
        value: latest.value + added.length,
        isLowerBound: false,
        note: added.length
          ? joinNotes(
              `Derived: ${stated}; plus ${added.length} approved later in ${year} (zone registry: ${added.map((p) => p.nameZh).join("、")})`,
              latest.note,
              registryDiffers,
            )
          : joinNotes(`Reported: ${stated}`, latest.note, registryDiffers, suzhou),
        sourceRef: latest.sourceRef,
        confidence: latest.confidence,
      });
      continue;
    }
    if (isRegistryComplete) {
      const value = registryCountBy(parks, year);
      const carried = latest ? latest.value + approvalsAfter(parks, latest.asOf, year).length : null;
      const conflict =
        latest && carried !== value
          ? `the count of ${latest.asOf} (${latest.value}: ${latest.statement}) plus the registry's later approvals would give ${carried}; the registry's dates are kept`
          : null;
      counts.push({
        year,
        value,
        isLowerBound: false,
        note: joinNotes(
          `From the zone registry: ${zones(value)} approved by the end of ${year} (the registry lists every zone approved up to ${REGISTRY_COMPLETE_THROUGH})`,
          conflict,
        ),
        sourceRef: "Zone registry (zones_registry_partial.csv), compiled from State Council approvals named per zone",
        confidence: "medium",
      });
      continue;
    }
    if (latest) {
      counts.push({
        year,
        value: latest.value,
        isLowerBound: true,
        note: joinNotes(
          `At least: ${latest.value} as of ${latest.asOf} (${latest.statement}), carried forward; no count is sourced for ${year} and the registry is incomplete after ${REGISTRY_COMPLETE_THROUGH}, so later approvals may be missing`,
          suzhou,
        ),
        sourceRef: latest.sourceRef,
        confidence: "low",
      });
    }
  }
  return counts;
}

/** A province's count of zones at a date, as a source states it (already read as State-Council zones). */
export interface ProvinceCount {
  adcode: number;
  year: number;
  value: number;
}

/** One province-year count from the registry. */
export interface RegistryProvinceCount {
  adcode: number;
  year: number;
  value: number;
  isLowerBound: boolean;
  note: string;
}

/**
 * Zones per province per year from the registry. Up to 2009 the registry is
 * complete, so its count is the count. After that it undercounts: the value is
 * a lower bound, raised to the latest sourced count for the province where
 * that is higher (zones are not delisted). Years a source counts are left to
 * the source (`sourced`), as are zero counts after 2009, which say nothing.
 */
export function countZonesByProvince(input: {
  parks: readonly ParkRecord[];
  adcodes: readonly number[];
  sourced: readonly ProvinceCount[];
  from: number;
  to: number;
}): RegistryProvinceCount[] {
  const { parks, adcodes, sourced, from, to } = input;
  const dated = parks.filter((park) => park.approvalYear !== null);
  const counts: RegistryProvinceCount[] = [];
  for (let year = from; year <= to; year++) {
    const existing = dated.filter((park) => park.approvalYear! <= year);
    for (const adcode of adcodes) {
      if (sourced.some((s) => s.adcode === adcode && s.year === year)) continue;
      const registry = existing.filter((park) => park.provinceAdcode === adcode).length;
      if (year <= REGISTRY_COMPLETE_THROUGH) {
        counts.push({
          adcode,
          year,
          value: registry,
          isLowerBound: false,
          note: `From the zone registry: ${zones(registry)} approved by the end of ${year} (complete up to ${REGISTRY_COMPLETE_THROUGH})`,
        });
        continue;
      }
      const known = sourced
        .filter((s) => s.adcode === adcode && s.year < year)
        .sort((a, b) => a.year - b.year)
        .at(-1);
      const value = Math.max(registry, known?.value ?? 0);
      if (value === 0) continue;
      const basis =
        known && known.value > registry
          ? `${known.value} counted by a source for ${known.year} (the registry dates only ${registry} by ${year})`
          : `the registry dates ${registry} zones by ${year}`;
      counts.push({
        adcode,
        year,
        value,
        isLowerBound: true,
        note: `At least: ${basis}; the registry lists ${dated.length} of the zones with a date and is complete only up to ${REGISTRY_COMPLETE_THROUGH}`,
      });
    }
  }
  return counts;
}
