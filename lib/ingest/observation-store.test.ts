import { describe, expect, it } from "vitest";
import { ObservationStore } from "@/lib/ingest/observation-store";
import type { IngestObservation } from "@/lib/ingest/types";

const obs = (geoCode: string, year: number, value: number, extra: Partial<IngestObservation> = {}): IngestObservation => ({
  indicatorCode: "revenue",
  year,
  geoLevel: "PROVINCE",
  geoCode,
  breakdown: "",
  value,
  note: null,
  sourceRef: null,
  sheet: null,
  row: 2,
  ...extra,
});

describe("ObservationStore", () => {
  it("gives back each observation and its extras as added, notes and sheets included", () => {
    const store = new ObservationStore();
    const first = obs("110000", 2019, 1.5, { note: "footnote 1 in the source", sourceRef: "表 2-3", sheet: "2019", row: 7 });
    expect(store.add(first, { column: "营业收入", roundingSlack: 0.05 })).toBe(-1);
    expect(store.add(obs("310000", 2019, -0, { geoLevel: "PARK", breakdown: "state_owned" }), { column: null, roundingSlack: 0 })).toBe(-1);
    expect(store.length).toBe(2);
    expect(store.at(0)).toEqual(first);
    expect(store.at(1)).toMatchObject({ geoLevel: "PARK", breakdown: "state_owned", note: null, sheet: null });
    expect(store.extrasAt(0)).toEqual({ column: "营业收入", roundingSlack: 0.05 });
    expect(store.toArray()).toEqual([store.at(0), store.at(1)]);
    const c = store.columns(1, 2);
    expect([c.codes[c.indicator[0]!], c.year[0], c.levels[c.level[0]!], c.texts[c.geo[0]!], c.codes[c.breakdown[0]!], c.value[0]]).toEqual(["revenue", 2019, "PARK", "310000", "state_owned", -0]);
    expect([c.texts[c.note[0]!], c.texts[c.sourceRef[0]!]]).toEqual([null, null]);
  });

  it("refuses a second observation of a key and says which one came first", () => {
    const store = new ObservationStore();
    store.add(obs("110000", 2019, 1), { column: null, roundingSlack: 0 });
    store.add(obs("110000", 2020, 2), { column: null, roundingSlack: 0 });
    expect(store.add(obs("110000", 2020, 3, { row: 9 }), { column: null, roundingSlack: 0 })).toBe(1);
    // Any part of the key makes it another key.
    expect(store.add(obs("110000", 2020, 3, { breakdown: "state_owned" }), { column: null, roundingSlack: 0 })).toBe(-1);
    expect(store.add(obs("110000", 2020, 3, { geoLevel: "PARK" }), { column: null, roundingSlack: 0 })).toBe(-1);
    expect(store.add(obs("110000", 2020, 3, { indicatorCode: "exports" }), { column: null, roundingSlack: 0 })).toBe(-1);
    expect(store.length).toBe(5);
    expect(store.valueAt(1)).toBe(2);
  });

  it("keeps every key and finds every duplicate across growth to 200,000 observations", () => {
    const store = new ObservationStore();
    for (let i = 0; i < 200_000; i++) store.add(obs(`zone-${i % 5000}`, 1990 + Math.floor(i / 5000), i), { column: null, roundingSlack: 0 });
    expect(store.length).toBe(200_000);
    expect(store.at(123_456)).toMatchObject({ geoCode: "zone-3456", year: 2014, value: 123_456 });
    let duplicates = 0;
    for (let i = 0; i < 200_000; i += 7) if (store.add(obs(`zone-${i % 5000}`, 1990 + Math.floor(i / 5000), -1), { column: null, roundingSlack: 0 }) === i) duplicates++;
    expect(duplicates).toBe(Math.ceil(200_000 / 7));
    expect(store.length).toBe(200_000);
  });
});
