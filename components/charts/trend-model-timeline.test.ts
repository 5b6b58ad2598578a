import { describe, expect, it } from "vitest";
import { assignLabelLanes, layoutTimeline, type TimelineItem, timelineLabelClasses, TIMELINE_LAYOUT } from "./trend-model";

const event = (year: number, label = "11th FYP"): TimelineItem => ({ key: `e${year}${label}`, kind: "event", year, label, title: label });
const seriesBreak = (year: number): TimelineItem => ({ key: `b${year}`, kind: "break", year, label: "Series break", title: "what changed" });

describe("label lanes", () => {
  const box = (x: number, width = 60, anchor: "start" | "end" = "start") => ({ x, width, anchor });

  it("keep labels that are far apart in the top lane", () => {
    expect(assignLabelLanes([box(0), box(0.2), box(0.4)], 700)).toEqual([0, 0, 0]);
  });

  it("move a label that would overlap the one before down a lane, and give none when the lanes are full", () => {
    expect(assignLabelLanes([box(0.1), box(0.12), box(0.14), box(0.16)], 700)).toEqual([0, 1, 2, null]);
    expect(assignLabelLanes([box(0.1), box(0.12), box(0.14), box(0.16)], 700, 4)).toEqual([0, 1, 2, 3]);
  });

  it("see labels that run left from their line, and a narrower plot", () => {
    // 0.5 and 0.6 on 700 px: 350 → 413 and 357 ← 417 overlap; on 2000 px they do not.
    expect(assignLabelLanes([box(0.5), box(0.6, 60, "end")], 700)).toEqual([0, 1]);
    expect(assignLabelLanes([box(0.5), box(0.6, 60, "end")], 2000)).toEqual([0, 0]);
    // A lane is free again after the labels it holds.
    expect(assignLabelLanes([box(0.1), box(0.11), box(0.3)], 700)).toEqual([0, 1, 0]);
  });
});

describe("layoutTimeline", () => {
  it("keeps the markers within the years, at their year's place, breaks first", () => {
    const markers = layoutTimeline([event(1988), event(2006), event(2015, "2015 batch"), seriesBreak(2015), event(2030)], { from: 1995, to: 2015 }, 700);
    expect(markers.map((m) => [m.key, m.x, m.anchor])).toEqual([
      ["b2015", 1, "end"],
      ["e200611th FYP", 0.55, "end"],
      ["e20152015 batch", 1, "end"],
    ]);
    // The event in the break's year cannot share its lane.
    expect(markers.map((m) => m.lane)).toEqual([0, 0, 1]);
  });

  it("puts a year alone in the middle, and runs labels in the left half rightwards", () => {
    expect(layoutTimeline([event(2010)], { from: 2010, to: 2010 }, 700)[0]).toMatchObject({ x: 0.5, anchor: "start", lane: 0 });
    expect(layoutTimeline([event(2000)], { from: 2000, to: 2010 }, 700)[0]).toMatchObject({ x: 0, anchor: "start" });
  });

  it("gives none of the Torch milestones of 1991–2023 a label that overlaps another in its lane", () => {
    const items = [1991, 1992, 2006, 2010, 2015, 2017, 2018, 2023].map((year) => event(year, `${year} milestone`));
    for (const width of [300, 700, 1200]) {
      const markers = layoutTimeline(items, { from: 1991, to: 2023 }, width);
      const spans = markers.map((m) => {
        const w = m.label.length * 7;
        const at = m.x * width;
        return { lane: m.lane, span: m.anchor === "start" ? [at, at + w] : [at - w, at] };
      });
      expect(markers.filter((m) => m.lane === null).length).toBeLessThan(markers.length);
      for (const a of spans) for (const b of spans) {
        if (a === b || a.lane === null || a.lane !== b.lane) continue;
        expect(a.span[0]! >= b.span[1]! || b.span[0]! >= a.span[1]!).toBe(true);
      }
    }
  });
});

describe("timelineLabelClasses", () => {
  it("hides a label in a narrow chart where it would run into the one before in its lane", () => {
    const markers = layoutTimeline([event(2000, "First"), event(2004, "Second")], { from: 2000, to: 2023 }, TIMELINE_LAYOUT.referencePlotWidth);
    expect(markers.map((m) => m.lane)).toEqual([0, 0]);
    const [first, second] = timelineLabelClasses(markers);
    expect(first).toBe("");
    expect(second).toMatch(/^@max-[a-z0-9]+:hidden$/);
  });

  it("gives no class to a label without a lane", () => {
    const markers = layoutTimeline([1, 2, 3, 4].map(() => event(2000, "Same place")), { from: 2000, to: 2010 }, TIMELINE_LAYOUT.referencePlotWidth);
    expect(timelineLabelClasses(markers)).toEqual(["", "", "", null]);
  });
});
