import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

// The policy timeline and breaks in series on trend charts (README "Using the dashboard").
// Operating revenue, nationally, 2002–2021: five events of the timeline fall in those years
// (2006, 2010, 2015, 2017, 2018), and one break (2015: 营业总收入 → 营业收入, and Suzhou
// Industrial Park in the zones' totals). The zone count has no break.

const REVENUE = "/?metric=revenue&level=nation&from=2002&to=2021";
const ZONE_COUNT = "/?metric=park_count&level=nation&from=1991&to=2023";

const TEXT = {
  en: { checkbox: "Policy events", fyp: "11th Five-Year Plan", seriesBreak: "Series break", breaks: "Breaks in series", svg: "Download SVG" },
  zh: { checkbox: "政策事件", fyp: "“十一五”规划", seriesBreak: "口径变化", breaks: "统计口径变化", svg: "下载 SVG" },
} as const;

/** The interactive trend chart, once it has replaced the server-drawn one. */
async function interactiveTrend(page: Page) {
  await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1);
  const chart = page.getByTestId("trend-chart");
  await expect(chart.locator(".recharts-wrapper")).toBeVisible();
  return chart;
}

for (const lang of ["en", "zh"] as const) {
  const text = TEXT[lang];
  const query = lang === "zh" ? "&lang=zh" : "";

  test.describe(`policy timeline and breaks in series (${lang})`, () => {
    test("a trend chart marks the events of its years and the break in its series, listed with their sources", async ({ page }) => {
      await page.goto(`${REVENUE}${query}`);
      const chart = await interactiveTrend(page);
      const events = chart.locator("g[data-timeline=event]");
      await expect(events).toHaveCount(5);
      expect(await events.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute("data-year"))).sort())).toEqual([2006, 2010, 2015, 2017, 2018]);
      await expect(chart.locator("g[data-timeline=event][data-year='2006'] text")).toHaveText(text.fyp);
      // One dashed line for the year's two changes, labelled as a break.
      const seriesBreak = chart.locator("g[data-timeline=break]");
      await expect(seriesBreak).toHaveCount(1);
      await expect(seriesBreak).toHaveAttribute("data-year", "2015");
      await expect(seriesBreak.locator("text")).toHaveText(text.seriesBreak);
      await expect(seriesBreak.locator("line")).toHaveAttribute("stroke-dasharray", /\d/);
      await expect(seriesBreak.locator("title")).toContainText("营业总收入");

      const legend = page.getByTestId("trend-chart-timeline");
      await expect(legend).toContainText(text.breaks);
      await expect(legend.locator("[data-timeline-note=break]")).toHaveCount(2);
      await expect(legend.locator("[data-timeline-note=break]").first()).toContainText("qdn.cn");
      await expect(legend.locator("[data-timeline-note=event]")).toHaveCount(5);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("events=off hides the events (not the breaks), is in the URL and survives a reload", async ({ page }) => {
      await page.goto(`${REVENUE}${query}`);
      const chart = await interactiveTrend(page);
      const checkbox = page.getByRole("checkbox", { name: text.checkbox, exact: true });
      await expect(checkbox).toBeChecked();
      await checkbox.uncheck();
      await expect(page).toHaveURL(/&events=off$/);
      await expect(chart.locator("g[data-timeline=event]")).toHaveCount(0);
      await expect(chart.locator("g[data-timeline=break]")).toHaveCount(1);

      await page.reload();
      const reloaded = await interactiveTrend(page);
      await expect(page.getByRole("checkbox", { name: text.checkbox, exact: true })).not.toBeChecked();
      await expect(reloaded.locator("g[data-timeline=event]")).toHaveCount(0);
      await page.getByRole("checkbox", { name: text.checkbox, exact: true }).check();
      await expect(page).not.toHaveURL(/events=/);
      await expect(reloaded.locator("g[data-timeline=event]")).toHaveCount(5);
    });

    test("the zone count has no break; the server-drawn chart marks the same events before any script runs", async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${ZONE_COUNT}${query}`);
      const chart = page.getByTestId("trend-chart-static");
      await expect(chart.locator("g[data-timeline=break]")).toHaveCount(0);
      // 1991, 1992, 2006, 2010, 2015, 2017, 2018, 2023; the launch and the first zone (1988) are before the range.
      await expect(chart.locator("g[data-timeline=event]")).toHaveCount(8);
      await expect(chart.locator("g[data-timeline=event][data-year='2006'] text")).toHaveText(text.fyp);
      await page.goto(`${REVENUE}${query}&events=off`);
      await expect(page.getByTestId("trend-chart-static").locator("g[data-timeline=event]")).toHaveCount(0);
      await expect(page.getByTestId("trend-chart-static").locator("g[data-timeline=break]")).toHaveCount(1);
      await context.close();
    });

    test("the SVG download keeps the markers, and its caption says each event and break with its source", async ({ page }) => {
      await page.goto(`${REVENUE}${query}`);
      await interactiveTrend(page);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: text.svg }).click()]);
      const svg = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
      expect(svg.match(/data-timeline="event"/g)).toHaveLength(5);
      expect(svg).toContain('data-timeline="break"');
      expect(svg).toContain(text.fyp);
      expect(svg).toContain(`${text.seriesBreak} ·`);
      expect(svg).toContain("MacroPolo, Torchbearer (2019)");
    });
  });
}

test("the table and the CSV note the break in the row of its first year", async ({ page }) => {
  await page.goto("/?metric=tax_revenue&view=table&level=nation&from=2002&to=2019");
  const table = page.getByTestId("data-table");
  const row = (year: number) => table.locator("tbody tr").filter({ has: page.locator("td:nth-child(2)").getByText(String(year), { exact: true }) });
  // 上缴税额 → 上缴税费 by 2017; nothing changed in 2013.
  await expect(row(2017).locator("[data-series-break]")).toHaveText("series break");
  await expect(row(2013).locator("[data-series-break]")).toHaveCount(0);
  await expect(page.getByTestId("table-breaks-tax_revenue")).toContainText("上缴税额 (taxes paid) is reported as 上缴税费");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  const lines = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8").split("\r\n");
  expect(lines.find((line) => line.startsWith("CN,") && line.includes(",2017,"))).toContain("series break after 2013, by 2017 at the latest");
  expect(await seriousViolations(page)).toEqual([]);
});
