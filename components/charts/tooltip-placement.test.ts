import { describe, expect, it } from "vitest";
import { placeTooltip } from "./tooltip-placement";

describe("placeTooltip", () => {
  const size = { width: 200, height: 80 };

  it("goes right of and above the anchor when there is room", () => {
    expect(placeTooltip({ x: 50, y: 200 }, size, 800, 10)).toEqual({ left: 60, top: 110 });
  });

  it("flips left near the right edge and below near the top", () => {
    expect(placeTooltip({ x: 700, y: 30 }, size, 800, 10)).toEqual({ left: 490, top: 40 });
  });

  it("stays inside a 375 px container", () => {
    for (const x of [0, 100, 187, 250, 375]) {
      const { left } = placeTooltip({ x, y: 100 }, size, 375);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + size.width).toBeLessThanOrEqual(375);
    }
  });

  it("starts at the left edge when wider than the container", () => {
    expect(placeTooltip({ x: 100, y: 100 }, { width: 400, height: 80 }, 375).left).toBe(0);
  });
});
