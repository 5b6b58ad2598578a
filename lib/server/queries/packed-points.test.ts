import { describe, expect, it } from "vitest";
import { resolveVintage, type EditionInfo, type ObservationRow, type SeriesPoint } from "@/lib/series-math";
import { PackedPointsBuilder, PointTraits } from "./packed-points";

const editions: EditionInfo[] = [
  { id: 1, slug: "older", isSample: false, rank: 1 },
  { id: 2, slug: "sample", isSample: true, rank: 2 },
];

function row(geoCode: string, year: number, editionId: number, extra: Partial<ObservationRow> = {}): ObservationRow {
  return {
    editionId,
    geoCode,
    year,
    breakdown: "",
    value: year * 10 + editionId + 0.25,
    note: null,
    sourceRef: `Table ${editionId}`,
    confidence: editionId === 1 ? "high" : null,
    isLowerBound: false,
    ...extra,
  };
}

/** Two reads of a few places each, as the read model makes them, one place with a breakdown of its own. */
const reads: ObservationRow[][] = [
  [
    row("zone-a", 2001, 1),
    row("zone-a", 2000, 1, { note: "Preliminary", isLowerBound: true }),
    row("zone-a", 2001, 2),
    row("zone-b", 2003, 2, { breakdown: "preliminary" }),
    row("zone-b", 2003, 1),
  ],
  [row("zone-c", 1999, 1), row("zone-c", 2020, 2, { sourceRef: null })],
];

function collect(blocks: ReturnType<PackedPointsBuilder["build"]>, breakdown: string, geos: string[], from = 0, to = 9999) {
  const out: SeriesPoint[] = [];
  for (const geo of geos) blocks.get(breakdown)!.collect(geo, from, to, out);
  return out;
}

describe("packed points", () => {
  const builder = new PackedPointsBuilder(new PointTraits());
  for (const rows of reads) builder.add(resolveVintage(rows, editions));
  const blocks = builder.build();
  const expected = resolveVintage(reads.flat(), editions);

  it("give back what the vintage rule gave, field for field, by breakdown and place", () => {
    expect([...blocks.keys()].sort()).toEqual(["", "preliminary"]);
    expect(blocks.get("")!.geos).toEqual(["zone-a", "zone-b", "zone-c"]);
    expect(collect(blocks, "", ["zone-a", "zone-b", "zone-c"])).toEqual(expected.filter((p) => p.breakdown === ""));
    expect(collect(blocks, "preliminary", ["zone-b"])).toEqual(expected.filter((p) => p.breakdown === "preliminary"));
  });

  it("keep only the years asked for, and nothing for a place they do not hold", () => {
    expect(collect(blocks, "", ["zone-a", "zone-x"], 2001, 2001).map((p) => [p.geoCode, p.year, p.value, p.editions])).toEqual([
      ["zone-a", 2001, 20012.25, ["sample"]],
    ]);
  });

  it("always have the whole, empty when nothing was read", () => {
    const empty = new PackedPointsBuilder(new PointTraits()).build();
    expect([...empty.keys()]).toEqual([""]);
    expect(empty.get("")!.geos).toEqual([]);
  });
});
