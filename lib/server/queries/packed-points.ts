import "server-only";
import type { SeriesPoint } from "@/lib/series-math";

// Reported points packed into typed arrays: a year, a value and the index of
// what the point shares with many others (its edition, flags, note, source and
// confidence), 14 bytes a point. A million points as objects took the heap to
// over a gigabyte and made every major GC long; packed they take about 12 MB,
// and a view builds objects only for the points it shows.

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

interface Part {
  years: number[];
  values: number[];
  traitIndexes: number[];
  /** Each place's points: [start, end) in the arrays. */
  ranges: Map<string, [number, number]>;
}

/**
 * Packs one indicator's reported points at one level, a block per breakdown, as they are read a few places
 * at a time, so that only those are objects at once.
 */
export class PackedPointsBuilder {
  private readonly parts = new Map<string, Part>([["", { years: [], values: [], traitIndexes: [], ranges: new Map() }]]);

  constructor(private readonly traits: PointTraits) {}

  /** Points of places not added before, in place then year order (as resolveVintage gives them). */
  add(points: readonly SeriesPoint[]): void {
    for (const point of points) {
      let part = this.parts.get(point.breakdown);
      if (!part) this.parts.set(point.breakdown, (part = { years: [], values: [], traitIndexes: [], ranges: new Map() }));
      const at = part.years.length;
      part.years.push(point.year);
      part.values.push(point.value);
      part.traitIndexes.push(this.traits.indexOf(point));
      const range = part.ranges.get(point.geoCode);
      if (range) range[1] = at + 1;
      else part.ranges.set(point.geoCode, [at, at + 1]);
    }
  }

  /** Each breakdown's block, the whole ("") always, empty if nothing was added. */
  build(): Map<string, PackedPoints> {
    const blocks = new Map<string, PackedPoints>();
    for (const [breakdown, part] of this.parts) {
      const { years, values, traitIndexes, ranges } = part;
      blocks.set(
        breakdown,
        new PackedPoints(
          Uint16Array.from(years),
          Float64Array.from(values),
          Uint32Array.from(traitIndexes),
          ranges,
          breakdown,
          this.traits,
        ),
      );
    }
    return blocks;
  }
}

/** One indicator's reported points at one level and breakdown, every place over every year. */
export class PackedPoints {
  /** The places in order, for views of them all. */
  readonly geos: readonly string[];

  constructor(
    private readonly years: Uint16Array,
    private readonly values: Float64Array,
    private readonly traitIndexes: Uint32Array,
    /** Each place's points: [start, end) in the arrays, in year order. */
    private readonly ranges: ReadonlyMap<string, readonly [number, number]>,
    private readonly breakdown: string,
    private readonly traits: PointTraits,
  ) {
    this.geos = [...ranges.keys()].sort((x, y) => x.localeCompare(y));
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
