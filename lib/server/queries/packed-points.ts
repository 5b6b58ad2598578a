import "server-only";
import type { SeriesPoint } from "@/lib/series-math";

// Reported points packed into typed arrays: a year, a value and the index of
// what the point shares with many others (its edition, flags, note, source and
// confidence), 14 bytes a point. A million points as objects took the heap to
// over a gigabyte and made every major GC long; packed they are 14 MB, and a
// view builds objects only for the points it shows.

type TPointTraits = Pick<SeriesPoint, "editions" | "isSample" | "isLowerBound" | "note" | "sourceRef" | "confidence">;

/** What reported points share, each combination once: one table for every block of a data version. */
export class PointTraits {
  private readonly traits: TPointTraits[] = [];
  private readonly indexByKey = new Map<string, number>();

  indexOf(point: SeriesPoint): number {
    const key = JSON.stringify([point.editions, point.isSample, point.isLowerBound, point.note, point.sourceRef, point.confidence]);
    let index = this.indexByKey.get(key);
    if (index === undefined) {
      index = this.traits.length;
      const { isSample, isLowerBound, note, sourceRef, confidence } = point;
      this.traits.push({ editions: Object.freeze([...point.editions]) as string[], isSample, isLowerBound, note, sourceRef, confidence });
      this.indexByKey.set(key, index);
    }
    return index;
  }

  at(index: number): TPointTraits {
    return this.traits[index]!;
  }
}

/** One indicator's reported points at one level and breakdown, every place over every year. */
export class PackedPoints {
  private readonly years: Uint16Array;
  private readonly values: Float64Array;
  private readonly traitIndexes: Uint32Array;
  /** Each place's points: [start, end) in the arrays, in year order. */
  private readonly ranges = new Map<string, readonly [number, number]>();
  /** The places in order, for views of them all. */
  readonly geos: readonly string[];

  /** `points` in place then year order (what resolveVintage gives), all of one breakdown and reported, not computed. */
  constructor(
    points: readonly SeriesPoint[],
    private readonly breakdown: string,
    private readonly traits: PointTraits,
  ) {
    this.years = new Uint16Array(points.length);
    this.values = new Float64Array(points.length);
    this.traitIndexes = new Uint32Array(points.length);
    let start = 0;
    points.forEach((point, i) => {
      this.years[i] = point.year;
      this.values[i] = point.value;
      this.traitIndexes[i] = traits.indexOf(point);
      if (i + 1 === points.length || points[i + 1]!.geoCode !== point.geoCode) {
        this.ranges.set(point.geoCode, [start, i + 1]);
        start = i + 1;
      }
    });
    this.geos = [...this.ranges.keys()].sort((x, y) => x.localeCompare(y));
  }

  get size(): number {
    return this.years.length;
  }

  /** Appends the place's points from `from` to `to` to `out`, as resolveVintage made them. */
  collect(geoCode: string, from: number, to: number, out: SeriesPoint[]): void {
    const range = this.ranges.get(geoCode);
    if (!range) return;
    for (let i = range[0]; i < range[1]; i++) {
      const year = this.years[i]!;
      if (year < from || year > to) continue;
      const traits = this.traits.at(this.traitIndexes[i]!);
      out.push({
        geoCode,
        year,
        breakdown: this.breakdown,
        value: this.values[i]!,
        editions: traits.editions,
        isSample: traits.isSample,
        isComputed: false,
        isLowerBound: traits.isLowerBound,
        note: traits.note,
        sourceRef: traits.sourceRef,
        confidence: traits.confidence,
      });
    }
  }
}
