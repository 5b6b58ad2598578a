import { expect, test, type Locator, type Page } from "@playwright/test";

// Lower bounds and the "not attributed" row on screen (README "Using the dashboard").
// The Torchbearer view: zones per region in 2017, summed from a registry that lists 127
// of the 178 national zones, so each region's figure is only a lower bound; the row
// "Not attributed to a region" is the national count (156) minus the four regions.

const NATIONAL_2017 = 156;
const COMPARE = "/?metric=park_count&view=compare&to=2017";
const TABLE = "/?metric=park_count&view=table&from=2017&to=2017";

const TEXT = {
  en: { atLeast: "at least", remainder: "Not attributed to a region", legend: "At least: some parts are missing" },
  zh: { atLeast: "至少", remainder: "未归属地区", legend: "至少：部分组成数据缺失" },
} as const;

/** The first whole number in a text ("at least 46 zones" → 46, "至少 46个" → 46). */
function numberIn(text: string | null): number {
  const match = /\d[\d,]*/.exec(text ?? "");
  if (!match) throw new Error(`no number in ${JSON.stringify(text)}`);
  return Number(match[0].replace(/,/g, ""));
}

/** The interactive compare chart, once it has replaced the server-drawn one. */
async function interactiveBars(page: Page): Promise<Locator> {
  const chart = page.getByTestId("compare-chart");
  await expect(chart.locator(".recharts-wrapper")).toBeVisible();
  return chart;
}

for (const lang of ["en", "zh"] as const) {
  const text = TEXT[lang];
  const query = lang === "zh" ? "&lang=zh" : "";

  test.describe(`lower bounds and the remainder (${lang})`, () => {
    test("compare: four regions labelled 'at least', then the 'not attributed' bar, last", async ({ page }) => {
      await page.goto(`${COMPARE}${query}`);
      const chart = await interactiveBars(page);
      const bars = chart.locator("g[data-geo]");
      await expect(bars).toHaveCount(5);

      const titles = await bars.locator("title").allTextContents();
      for (const title of titles.slice(0, 4)) expect(title).toContain(text.atLeast);
      for (let i = 0; i < 4; i++) await expect(bars.nth(i)).toHaveAttribute("data-lower-bound", "true");
      // The bar-end labels: "≥46" for each region, a plain number for the remainder.
      const labels = await chart.locator(".recharts-label-list text").allTextContents();
      expect(labels).toHaveLength(5);
      for (const label of labels.slice(0, 4)) expect(label.trim()).toMatch(/^≥\d/);
      expect(labels[4]!.trim()).toMatch(/^\d/);

      const last = bars.last();
      await expect(last).toHaveAttribute("data-geo", "unattributed");
      await expect(last).toHaveAttribute("data-remainder", "true");
      expect(titles[4]).toContain(text.remainder);
      expect(titles[4]).not.toContain(text.atLeast);
      // The parts add up to the national count.
      expect(titles.map(numberIn).reduce((sum, n) => sum + n, 0)).toBe(NATIONAL_2017);

      const legend = page.getByTestId("compare-chart-marks");
      await expect(legend).toContainText(text.legend);
      await expect(legend).toContainText(text.remainder);
    });

    test("compare before any script runs: the server-drawn chart shows the same marks", async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${COMPARE}${query}`);
      const bars = page.getByTestId("compare-chart-static").locator("rect[data-geo]");
      await expect(bars).toHaveCount(5);
      for (let i = 0; i < 4; i++) {
        await expect(bars.nth(i)).toHaveAttribute("data-lower-bound", "true");
        await expect(bars.nth(i).locator("title")).toContainText(text.atLeast);
      }
      await expect(bars.last()).toHaveAttribute("data-geo", "unattributed");
      await expect(bars.last().locator("title")).toContainText(text.remainder);
      await expect(page.getByTestId("compare-chart-static-marks")).toContainText(text.legend);
      await context.close();
    });

    test("table: the regions read 'at least', the remainder is a row of its own, last", async ({ page }) => {
      await page.goto(`${TABLE}${query}`);
      const table = page.getByTestId("data-table");
      const rows = table.locator("tbody tr");
      await expect(rows).toHaveCount(5);
      for (let i = 0; i < 4; i++) {
        await expect(rows.nth(i)).toHaveAttribute("data-lower-bound", "true");
        await expect(rows.nth(i)).toContainText(text.atLeast);
      }
      const last = rows.last();
      await expect(last).toHaveAttribute("data-remainder", "true");
      await expect(last).toContainText(text.remainder);
      await expect(last).not.toContainText(text.atLeast);
      await expect(table.getByTestId("lower-bound-legend")).toContainText(text.legend);

      // Sorting never moves the remainder among the regions.
      await table.getByRole("button", { name: lang === "zh" ? "按数值排序" : "Sort by Value" }).click();
      await expect(rows.last()).toHaveAttribute("data-remainder", "true");
    });

    test("the places to pick do not include the remainder", async ({ page }) => {
      await page.goto(`${COMPARE}${query}`);
      await interactiveBars(page);
      const places = page.getByRole("list", { name: lang === "zh" ? "地区选择" : "Places" }).getByRole("checkbox");
      await expect(places).toHaveCount(4);
      await expect(page.getByRole("checkbox", { name: new RegExp(text.remainder) })).toHaveCount(0);
    });
  });
}
