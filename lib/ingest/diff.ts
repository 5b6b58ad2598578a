import { observationKey } from "@/lib/ingest/validate";
import type { DiffOptions, IngestObservation, ObservationChange, ObservationDiff } from "@/lib/ingest/types";

// The diff an admin reads before publishing: what a draft edition adds,
// changes and no longer reports compared with the currently published data.
// Observations are matched on indicator|year|level|geo|breakdown.
//
// "Removed" is narrow by default: a published figure counts as removed only
// when the draft reports the same indicator, year and level but not that
// place/breakdown — a yearbook that covers 2019 provinces says nothing about
// 2005 or about zones. (Publishing never deletes: the newest edition that
// reports a key wins, so a "removed" figure stays visible from its older
// edition; the list says what this edition does not restate.)

function scopeKey(o: IngestObservation): string {
  return `${o.indicatorCode}|${o.year}|${o.geoLevel}`;
}

/** Sort order of changes: biggest relative change first (from zero counts as biggest), then biggest absolute change, then key. */
function byMagnitude(a: ObservationChange, b: ObservationChange): number {
  const pa = a.pctChange === null ? Infinity : Math.abs(a.pctChange);
  const pb = b.pctChange === null ? Infinity : Math.abs(b.pctChange);
  if (pa !== pb) return pb - pa;
  const aa = Math.abs(a.absChange);
  const ab = Math.abs(b.absChange);
  if (aa !== ab) return ab - aa;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Compares a draft with the published observations (one per key, e.g. the current vintage). */
export function diffObservations(
  published: IngestObservation[],
  draft: IngestObservation[],
  opts: DiffOptions = {},
): ObservationDiff {
  const removedScope = opts.removedScope ?? "scope";
  const tolerance = opts.relativeTolerance ?? 1e-12;

  const publishedByKey = new Map<string, IngestObservation>();
  for (const o of published) publishedByKey.set(observationKey(o), o);

  const added: { key: string; o: IngestObservation }[] = [];
  const changed: ObservationChange[] = [];
  const draftKeys = new Set<string>();
  const draftScopes = new Set<string>();
  let unchangedCount = 0;

  for (const o of draft) {
    const key = observationKey(o);
    draftKeys.add(key);
    draftScopes.add(scopeKey(o));
    const before = publishedByKey.get(key);
    if (!before) {
      added.push({ key, o });
      continue;
    }
    const absChange = o.value - before.value;
    if (Math.abs(absChange) <= tolerance * Math.max(Math.abs(o.value), Math.abs(before.value))) {
      unchangedCount++;
      continue;
    }
    changed.push({
      key,
      indicatorCode: o.indicatorCode,
      year: o.year,
      geoLevel: o.geoLevel,
      geoCode: o.geoCode,
      breakdown: o.breakdown,
      old: before.value,
      new: o.value,
      absChange,
      pctChange: before.value === 0 ? null : (absChange / Math.abs(before.value)) * 100,
      published: before,
      draft: o,
    });
  }

  const removed: { key: string; o: IngestObservation }[] = [];
  if (removedScope !== "none") {
    for (const [key, o] of publishedByKey) {
      if (!draftKeys.has(key) && (removedScope === "all" || draftScopes.has(scopeKey(o)))) removed.push({ key, o });
    }
  }

  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    added: added.sort(byKey).map(({ o }) => o),
    changed: changed.sort(byMagnitude),
    removed: removed.sort(byKey).map(({ o }) => o),
    unchangedCount,
  };
}
