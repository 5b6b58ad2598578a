import { describe, expect, it } from "vitest";
import { ZPolicyEvent } from "@/lib/api/reference-schemas";
import { eventsWithin } from "@/lib/policy-events";
import { getPolicyEvents } from "@/lib/server/policy-events";

describe("the policy timeline (torch_policy_events.csv)", () => {
  const events = getPolicyEvents();

  it("reads every event, valid, in date order, each with its source", () => {
    expect(events.length).toBeGreaterThanOrEqual(9);
    for (const event of events) {
      expect(ZPolicyEvent.parse(event)).toEqual(event);
      expect(event.year).toBe(Number(event.date.slice(0, 4)));
      expect(event.source.length).toBeGreaterThan(5);
    }
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
  });

  it("has the milestones of the issue, in both languages", () => {
    const years = new Set(events.map((e) => e.year));
    for (const year of [1988, 1991, 1992, 2006, 2010, 2015, 2017, 2018, 2023]) expect(years).toContain(year);
    const secondBatch = events.find((e) => e.date === "1992-11-09");
    expect(secondBatch).toMatchObject({ labelEn: "Second batch", labelZh: "第二批高新区", confidence: "high" });
    expect(secondBatch?.titleZh).toMatch(/国函〔1992〕169号/);
    expect(events.find((e) => e.year === 2023)?.titleEn).toMatch(/MIIT/);
    // An event no URL supports names its source in words.
    expect(events.find((e) => e.year === 2006)).toMatchObject({ sourceUrl: null, source: expect.stringMatching(/Torchbearer/) });
  });

  it("eventsWithin keeps the chart's years", () => {
    expect(eventsWithin(events, { from: 1991, to: 2010 }).map((e) => e.year)).toEqual([1991, 1992, 2006, 2010]);
    expect(eventsWithin(events, { from: 2024, to: 2025 })).toEqual([]);
  });
});
