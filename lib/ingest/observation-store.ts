import { GEO_LEVELS, type GeoLevel } from "@/lib/geo-level";
import type { IngestObservation } from "@/lib/ingest/types";
import type { ObservationExtras } from "@/lib/ingest/validate";

// The observations of one upload, kept compactly: a million of them as objects
// (with their keys in a Map for the duplicate check) took over a gigabyte here.
// Every text field is interned (an upload names a few thousand places, 18
// indicators and a handful of notes), every number sits in a typed array, and
// the duplicate check is an open-addressing hash table of row indexes.

const LEVELS: readonly GeoLevel[] = GEO_LEVELS;
const EMPTY = -1;

/** Strings by small integer id; id 0 is null. */
class StringTable {
  private readonly ids = new Map<string, number>();
  readonly values: (string | null)[] = [null];

  id(value: string | null): number {
    if (value === null) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

function grown<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

/** A power of two at least twice `capacity`: the hash table's size. */
function slotCount(capacity: number): number {
  return 2 ** Math.ceil(Math.log2(2 * capacity));
}

type ObservationKey = Pick<IngestObservation, "indicatorCode" | "year" | "geoLevel" | "geoCode" | "breakdown">;

/** The columns of one observation, as ids into the store's string tables. */
interface KeyIds {
  indicator: number;
  year: number;
  level: number;
  geo: number;
  breakdown: number;
}

export class ObservationStore {
  private readonly strings = new StringTable();
  /** Indicator and breakdown codes: a few dozen, from the reference. */
  private readonly codes = new StringTable();
  private capacity = 1024;
  private indicator = new Uint16Array(this.capacity);
  private year = new Uint16Array(this.capacity);
  private level = new Uint8Array(this.capacity);
  private geo = new Uint32Array(this.capacity);
  private breakdown = new Uint16Array(this.capacity);
  private value = new Float64Array(this.capacity);
  private note = new Uint32Array(this.capacity);
  private sourceRef = new Uint32Array(this.capacity);
  private sheet = new Uint32Array(this.capacity);
  private row = new Uint32Array(this.capacity);
  private column = new Uint32Array(this.capacity);
  private slack = new Float64Array(this.capacity);
  /** Row indexes by key hash, at most half full, so probes stay short. */
  private slots = new Int32Array(slotCount(this.capacity)).fill(EMPTY);
  length = 0;

  /**
   * Adds an observation unless one with the same key is already there; returns
   * the index of that earlier one (its sheet and row are `at(index)`'s), or -1 when added.
   */
  add(o: IngestObservation, extras: ObservationExtras): number {
    const ids = this.idsOf(o);
    const slot = this.findSlot(ids);
    const existing = this.slots[slot]!;
    if (existing !== EMPTY) return existing;
    if (this.length === this.capacity) {
      this.grow();
      return this.add(o, extras);
    }
    const i = this.length++;
    this.slots[slot] = i;
    this.indicator[i] = ids.indicator;
    this.year[i] = ids.year;
    this.level[i] = ids.level;
    this.geo[i] = ids.geo;
    this.breakdown[i] = ids.breakdown;
    this.value[i] = o.value;
    this.note[i] = this.strings.id(o.note);
    this.sourceRef[i] = this.strings.id(o.sourceRef);
    this.sheet[i] = this.strings.id(o.sheet ?? null);
    this.row[i] = o.row ?? 0;
    this.column[i] = this.strings.id(extras.column);
    this.slack[i] = extras.roundingSlack;
    return -1;
  }

  /** The index of the observation with this key, or -1. */
  find(key: ObservationKey): number {
    return this.slots[this.findSlot(this.idsOf(key))]!;
  }

  /** The observation at `index`, as a new object. */
  at(index: number): IngestObservation {
    const s = this.strings.values;
    const codes = this.codes.values;
    const row = this.row[index]!;
    return {
      indicatorCode: codes[this.indicator[index]!]!,
      year: this.year[index]!,
      geoLevel: LEVELS[this.level[index]!]!,
      geoCode: s[this.geo[index]!]!,
      breakdown: codes[this.breakdown[index]!]!,
      value: this.value[index]!,
      note: s[this.note[index]!] ?? null,
      sourceRef: s[this.sourceRef[index]!] ?? null,
      sheet: s[this.sheet[index]!] ?? null,
      ...(row > 0 ? { row } : {}),
    };
  }

  extrasAt(index: number): ObservationExtras {
    return { column: this.strings.values[this.column[index]!] ?? null, roundingSlack: this.slack[index]! };
  }

  /** The fields a check reads often, without building the whole observation. */
  valueAt(index: number): number {
    return this.value[index]!;
  }

  levelAt(index: number): GeoLevel {
    return LEVELS[this.level[index]!]!;
  }

  /**
   * Rows `from`…`to` column by column for a bulk writer: each text column as ids
   * into `texts` (geo, note, source) or `codes` (indicator, breakdown), so a
   * writer encodes each distinct string once. Views of the store: read, don't keep.
   */
  columns(from: number, to: number) {
    return {
      texts: this.strings.values as readonly (string | null)[],
      codes: this.codes.values as readonly (string | null)[],
      levels: LEVELS,
      indicator: this.indicator.subarray(from, to),
      year: this.year.subarray(from, to),
      level: this.level.subarray(from, to),
      geo: this.geo.subarray(from, to),
      breakdown: this.breakdown.subarray(from, to),
      value: this.value.subarray(from, to),
      note: this.note.subarray(from, to),
      sourceRef: this.sourceRef.subarray(from, to),
    };
  }

  toArray(): IngestObservation[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  private idsOf(key: ObservationKey): KeyIds {
    return {
      indicator: this.codes.id(key.indicatorCode),
      year: key.year,
      level: LEVELS.indexOf(key.geoLevel),
      geo: this.strings.id(key.geoCode),
      breakdown: this.codes.id(key.breakdown),
    };
  }

  private hash(ids: KeyIds): number {
    let h = Math.imul(ids.indicator, 0x9e3779b1);
    h = Math.imul(h ^ ids.year, 0x85ebca6b);
    h = Math.imul(h ^ ids.level, 0xc2b2ae35);
    h = Math.imul(h ^ ids.geo, 0x27d4eb2f);
    h = Math.imul(h ^ ids.breakdown, 0x165667b1);
    return (h ^ (h >>> 15)) >>> 0;
  }

  private findSlot(ids: KeyIds): number {
    const mask = this.slots.length - 1;
    for (let slot = this.hash(ids) & mask; ; slot = (slot + 1) & mask) {
      const i = this.slots[slot]!;
      if (
        i === EMPTY ||
        (this.indicator[i] === ids.indicator &&
          this.year[i] === ids.year &&
          this.level[i] === ids.level &&
          this.geo[i] === ids.geo &&
          this.breakdown[i] === ids.breakdown)
      )
        return slot;
    }
  }

  private grow(): void {
    // By half: while growing, the old and the new columns are both alive.
    this.capacity = Math.ceil(this.capacity * 1.5);
    this.indicator = grown(this.indicator, this.capacity);
    this.year = grown(this.year, this.capacity);
    this.level = grown(this.level, this.capacity);
    this.geo = grown(this.geo, this.capacity);
    this.breakdown = grown(this.breakdown, this.capacity);
    this.value = grown(this.value, this.capacity);
    this.note = grown(this.note, this.capacity);
    this.sourceRef = grown(this.sourceRef, this.capacity);
    this.sheet = grown(this.sheet, this.capacity);
    this.row = grown(this.row, this.capacity);
    this.column = grown(this.column, this.capacity);
    this.slack = grown(this.slack, this.capacity);
    this.slots = new Int32Array(slotCount(this.capacity)).fill(EMPTY);
    const mask = this.slots.length - 1;
    for (let i = 0; i < this.length; i++) {
      const ids = { indicator: this.indicator[i]!, year: this.year[i]!, level: this.level[i]!, geo: this.geo[i]!, breakdown: this.breakdown[i]! };
      let slot = this.hash(ids) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = i;
    }
  }
}
