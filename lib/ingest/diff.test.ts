import { describe, expect, it } from "vitest";
import { diffObservations } from "@/lib/ingest/diff";
import type { GeoLevel, IngestObservation } from "@/lib/ingest/types";

function obs(
  indicatorCode: string,
  year: number,
  geoLevel: GeoLevel,
  geoCode: string,
  value: number,
  breakdown = "",
): IngestObservation {
  return { indicatorCode, year, geoLevel, geoCode, breakdown, value, note: null, sourceRef: null };
}

const published = [
  obs("revenue", 2019, "PROVINCE", "110000", 100), // changed to 110: +10, +10%
  obs("revenue", 2019, "PROVINCE", "310000", 200), // changed to 150: −50, −25%
  obs("revenue", 2019, "PROVINCE", "440000", 50), // not in the draft, same scope → removed
  obs("revenue", 2019, "PROVINCE", "330000", 42), // same value → unchanged
  obs("revenue", 2018, "PROVINCE", "110000", 10), // a year the draft does not cover → not removed
  obs("revenue", 2019, "NATION", "CN", 999), // a level the draft does not cover → not removed
  obs("exports", 2019, "REGION", "eastern", 0), // changed from 0 to 5: pct undefined
];

const draft = [
  obs("revenue", 2019, "PROVINCE", "110000", 110),
  obs("revenue", 2019, "PROVINCE", "310000", 150),
  obs("revenue", 2019, "PROVINCE", "330000", 42),
  obs("revenue", 2019, "PROVINCE", "320000", 70), // added
  obs("revenue", 2019, "PROVINCE", "110000", 5, "high_tech_industries"), // added: another breakdown is another key
  obs("exports", 2019, "REGION", "eastern", 5),
];

describe("diffObservations", () => {
  const diff = diffObservations(published, draft);

  it("finds added observations, sorted by key", () => {
    expect(diff.added.map((o) => `${o.geoCode}|${o.breakdown}`)).toEqual(["110000|high_tech_industries", "320000|"]);
  });

  it("computes changes by hand and sorts them by relative size, a change from zero first", () => {
    expect(diff.changed.map((c) => [c.key, c.old, c.new, c.absChange, c.pctChange])).toEqual([
      ["exports|2019|REGION|eastern|", 0, 5, 5, null],
      ["revenue|2019|PROVINCE|310000|", 200, 150, -50, -25],
      ["revenue|2019|PROVINCE|110000|", 100, 110, 10, 10],
    ]);
    expect(diff.changed[1]!.published.value).toBe(200);
    expect(diff.changed[1]!.draft.value).toBe(150);
  });

  it("counts unchanged observations", () => {
    expect(diff.unchangedCount).toBe(1);
  });

  it("lists as removed only published keys in an (indicator, year, level) the draft reports", () => {
    expect(diff.removed.map((o) => `${o.indicatorCode}|${o.year}|${o.geoLevel}|${o.geoCode}`)).toEqual([
      "revenue|2019|PROVINCE|440000",
    ]);
  });

  it("can list every missing key as removed, or none", () => {
    expect(
      diffObservations(published, draft, { removedScope: "all" }).removed.map((o) => `${o.year}|${o.geoCode}`),
    ).toEqual(["2018|110000", "2019|CN", "2019|440000"]);
    expect(diffObservations(published, draft, { removedScope: "none" }).removed).toEqual([]);
  });

  it("breaks ties in relative change by absolute change", () => {
    const tie = diffObservations(
      [obs("revenue", 2019, "PROVINCE", "110000", 10), obs("revenue", 2019, "PROVINCE", "120000", 100)],
      [obs("revenue", 2019, "PROVINCE", "110000", 11), obs("revenue", 2019, "PROVINCE", "120000", 110)],
    );
    expect(tie.changed.map((c) => [c.geoCode, c.absChange, c.pctChange])).toEqual([
      ["120000", 10, 10],
      ["110000", 1, 10],
    ]);
  });

  it("treats float noise as unchanged but a real difference as a change", () => {
    const noise = diffObservations(
      [obs("revenue", 2019, "NATION", "CN", 0.1 + 0.2)],
      [obs("revenue", 2019, "NATION", "CN", 0.3)],
    );
    expect(noise.unchangedCount).toBe(1);
    const real = diffObservations(
      [obs("revenue", 2019, "NATION", "CN", 1e12)],
      [obs("revenue", 2019, "NATION", "CN", 1e12 + 1e6)],
    );
    expect(real.changed).toHaveLength(1);
    expect(real.changed[0]!.pctChange).toBeCloseTo(1e-4, 10);
  });

  it("diffs an empty draft against published data as nothing at all in scope", () => {
    expect(diffObservations(published, [])).toEqual({ added: [], changed: [], removed: [], unchangedCount: 0 });
  });
});
