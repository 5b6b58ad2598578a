import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StaticTrendChart } from "@/components/charts/static-trend-chart";
import { dictionary } from "@/lib/i18n";
import type { PolicyEvent } from "@/lib/policy-events";
import { makeViewRow } from "@/lib/testing/view-row";
import { timelineCaptionLines, trendTimeline } from "./chart-timeline";

const event = (date: string, labelEn: string, confidence: PolicyEvent["confidence"] = "high"): PolicyEvent => ({
  date,
  year: Number(date.slice(0, 4)),
  labelEn,
  labelZh: `${labelEn}（中）`,
  titleEn: `${labelEn}, in full`,
  titleZh: `${labelEn}（全文）`,
  source: "State Council",
  sourceUrl: null,
  confidence,
  note: null,
});

const EVENTS = [event("1988", "Launch"), event("2006", "11th FYP", "medium"), event("2017-02-13", "2017 batch")];
const request = { events: EVENTS, showEvents: true, metricCode: "revenue", geoCodes: ["CN"], years: { from: 2002, to: 2021 } };

describe("trendTimeline", () => {
  it("marks the events within the years and one break line per year, in the page's language", () => {
    const en = trendTimeline({ ...request, lang: "en", t: dictionary("en") });
    expect(en.items.map((item) => [item.kind, item.year, item.label])).toEqual([
      ["break", 2015, "Series break"],
      ["event", 2006, "11th FYP"],
      ["event", 2017, "2017 batch"],
    ]);
    // The year's two changes (renaming, Suzhou Industrial Park) are one line, two notes.
    expect(en.notes.filter((note) => note.kind === "break").map((note) => note.when)).toEqual([
      "After 2013, by 2015 at the latest:",
      "From 2015:",
    ]);
    expect(en.notes.find((note) => note.kind === "event" && note.when === "2006")?.source).toBe("State Council; medium confidence");
    const zh = trendTimeline({ ...request, lang: "zh", t: dictionary("zh") });
    expect(zh.items.map((item) => item.label)).toEqual(["口径变化", "11th FYP（中）", "2017 batch（中）"]);
    expect(zh.notes[0]?.text).toBe("营业总收入改为营业收入");
  });

  it("leaves the events out with events=off, never the breaks; and Beijing has no Suzhou", () => {
    const off = trendTimeline({ ...request, showEvents: false, geoCodes: ["110000"], lang: "en", t: dictionary("en") });
    expect(off.items.map((item) => item.kind)).toEqual(["break"]);
    expect(off.notes).toHaveLength(1);
  });

  it("gives the export's caption a line for each, with its source", () => {
    const t = dictionary("en");
    const lines = timelineCaptionLines(trendTimeline({ ...request, lang: "en", t }), t);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe("Policy events · 2006 11th FYP, in full (Source: State Council; medium confidence)");
    expect(lines.every((line) => line.length <= 180)).toBe(true);
  });

  it("is drawn by the static chart: a line per marker, labels, and the list under it", () => {
    const t = dictionary("en");
    const html = renderToStaticMarkup(
      createElement(StaticTrendChart, {
        rows: [makeViewRow({ geoCode: "CN", year: 2002, value: 1 }), makeViewRow({ geoCode: "CN", year: 2021, value: 5 })],
        seriesOrder: ["CN"],
        nameOf: () => "China",
        years: request.years,
        scale: "linear",
        formatTick: String,
        unitLabel: "yuan",
        marks: { lowerBound: "", remainder: "" },
        timeline: trendTimeline({ ...request, lang: "en", t }),
      }),
    );
    expect(html.match(/data-timeline="event"/g)).toHaveLength(2);
    expect(html).toMatch(/<g data-timeline="break" data-year="2015"[^>]*><title>Series break: After 2013/);
    expect(html).toContain('stroke-dasharray="5 3"');
    expect(html).toContain(">11th FYP</text>");
    expect(html).toContain('data-testid="trend-chart-static-timeline"');
  });
});
