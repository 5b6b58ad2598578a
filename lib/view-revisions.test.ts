import { describe, expect, it } from "vitest";
import type { ViewRow } from "@/lib/view-data";
import { compareViewRows, isSameValue } from "@/lib/view-revisions";
import { makeViewRow } from "@/lib/testing/view-row";

function row(geoCode: string, year: number, value: number, editions: string[] = ["old"]): ViewRow {
  return makeViewRow({ geoCode, year, value, editions });
}

const isNewer = (slug: string) => slug.startsWith("new");

describe("compareViewRows", () => {
  it("counts revised, added and removed figures and credits the newer editions behind them", () => {
    const pinned = [{ key: "", rows: [row("A", 2017, 10), row("A", 2018, 20), row("B", 2017, 5), row("C", 2017, 1)] }];
    const latest = [
      {
        key: "",
        rows: [
          row("A", 2017, 10), // unchanged
          row("A", 2018, 25, ["new-1"]), // revised
          row("B", 2017, 6, ["old", "new-2"]), // revised (a sum with one newer part)
          row("B", 2018, 7, ["new-2"]), // added
        ],
      },
    ];
    const result = compareViewRows(pinned, latest, isNewer);
    expect(result).toMatchObject({ total: 4, revised: 2, added: 1, removed: 1 });
    expect([...result.causes]).toEqual([
      ["new-1", 1],
      ["new-2", 2],
    ]);
  });

  it("keeps the table's metrics apart: the same place and year in two metrics are two figures", () => {
    const pinned = [
      { key: "", rows: [row("CN", 2017, 1)] },
      { key: "exports", rows: [row("CN", 2017, 100)] },
    ];
    const latest = [
      { key: "", rows: [row("CN", 2017, 1)] },
      { key: "exports", rows: [row("CN", 2017, 120, ["new"])] },
    ];
    expect(compareViewRows(pinned, latest, isNewer)).toMatchObject({ total: 2, revised: 1, added: 0, removed: 0 });
  });

  it("finds nothing when the values agree up to floating-point noise", () => {
    const pinned = [{ key: "", rows: [row("A", 2017, 0.1 + 0.2)] }];
    const latest = [{ key: "", rows: [row("A", 2017, 0.3, ["new"])] }];
    expect(compareViewRows(pinned, latest, isNewer)).toMatchObject({ revised: 0, added: 0, removed: 0 });
    expect(isSameValue(1e12, 1e12 + 1)).toBe(true);
    expect(isSameValue(1e12, 1.0001e12)).toBe(false);
    expect(isSameValue(0, 1e-6)).toBe(false);
  });
});
