import { describe, expect, it } from "vitest";
import { niceTicks } from "./nice-ticks";
// @ts-expect-error -- Recharts ships no types for its internals; the static charts' grid must sit where Recharts' does.
import { getNiceTickValues as rechartsNiceTicks } from "recharts/lib/util/scale/getNiceTickValues";

const getNiceTickValues = rechartsNiceTicks as (
  domain: [number, number],
  tickCount: number,
  allowDecimals: boolean,
  mode: string,
) => number[];

describe("niceTicks", () => {
  it("matches Recharts' auto-domain ticks", () => {
    expect(niceTicks(5, 30)).toEqual([0, 8, 16, 24, 32]);
    expect(niceTicks(10, 30)).toEqual([10, 15, 20, 25, 30]);
    expect(niceTicks(0, 97)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(3, 97)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0.1, 0.3)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(niceTicks(1200, 1300)).toEqual([1200, 1225, 1250, 1275, 1300]);
    expect(niceTicks(-5, 5)).toEqual([-6, -3, 0, 3, 6]);
    expect(niceTicks(0, 0)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0.5, 0.5)).toEqual([0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it("agrees with Recharts' own getNiceTickValues on many ranges", () => {
    // A fixed pseudo-random sequence: the same ranges on every run.
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const cases: [number, number][] = [
      [0, 1],
      [0.001, 0.0042],
      [-3.3, 12.7],
      [-120, -45],
      [1e9, 1e9],
      [42, 42],
      [-0.25, -0.25],
    ];
    for (let i = 0; i < 400; i++) {
      const magnitude = 10 ** Math.floor(next() * 16 - 4);
      const a = Number((next() * 10 * magnitude).toPrecision(4));
      const b = Number((next() * 10 * magnitude).toPrecision(4));
      const lo = next() < 0.25 ? -a : Math.min(a, b);
      cases.push([lo, Math.max(a, b)]);
    }
    const mismatches = cases.flatMap(([lo, hi]) => {
      const ours = niceTicks(lo, hi);
      const theirs = getNiceTickValues([lo, hi], 5, true, "adaptive");
      return JSON.stringify(ours) === JSON.stringify(theirs) ? [] : [`${lo}..${hi}: ${ours} ≠ ${theirs}`];
    });
    expect(cases.length).toBeGreaterThan(400);
    expect(mismatches).toEqual([]);
  });
});
