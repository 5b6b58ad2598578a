import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { CoverageMatrix } from "@/lib/coverage";
import { seriousViolations } from "./support/axe";

// The coverage view: years × provinces, what kind of figure each cell is, on the PostgreSQL server.
// The counts are compared with the API's answer for the same view rather than written down, so
// an edition another spec publishes cannot make this one wrong.

const QUERY = "metric=park_count&view=coverage&level=province";
const STATUS_EN = { reported: "Reported", computed: "Computed", partial: "Partial", sample: "Sample", missing: "Missing" } as const;
const STATUS_ZH = { reported: "报告值", computed: "计算值", partial: "不完整", sample: "合成示例", missing: "缺失" } as const;

async function coverageFromApi(request: APIRequestContext, query = QUERY): Promise<CoverageMatrix> {
  const response = await request.get(`/api/v1/series?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()).coverage as CoverageMatrix;
}

/** Waits for the page the way the other specs do: controls live, no view loading, not dimmed. */
async function settled(page: Page) {
  await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1);
  const chartArea = page.getByTestId("chart-area");
  await expect(chartArea).toHaveAttribute("data-state", "ready");
  await expect(chartArea).toHaveCSS("opacity", "1");
}

test.describe("coverage view", () => {
  test("a table of provinces × years with the status of every cell, and a legend with the counts", async ({ page, request }) => {
    await page.goto(`/?${QUERY}`);
    await expect(page.getByRole("tab", { selected: true })).toHaveText("Coverage");
    const table = page.getByRole("table", { name: /National high-tech zones \(zones\): what kind of figure each place has, 1991–2023/ });
    await expect(table).toBeVisible();
    const coverage = await coverageFromApi(request);
    expect(coverage.places).toHaveLength(31);

    // One column per year after the place column, one row header per province.
    await expect(table.getByRole("columnheader")).toHaveCount(1 + coverage.years.length);
    await expect(table.getByRole("columnheader", { name: "2017", exact: true })).toBeVisible();
    await expect(table.getByRole("rowheader")).toHaveCount(31);
    await expect(table.getByRole("rowheader", { name: "Beijing" })).toBeVisible();
    await expect(table.getByRole("cell")).toHaveCount(31 * coverage.years.length);

    // Every cell says its status in words (not colour alone), as the API has it.
    const beijing = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Beijing" }) });
    const status2000 = coverage.places.find((p) => p.code === "110000")!.statuses[coverage.years.indexOf(2000)]!;
    const cell2000 = beijing.getByRole("cell").nth(coverage.years.indexOf(2000));
    await expect(cell2000).toHaveText(new RegExp(STATUS_EN[status2000]));
    await expect(cell2000).toHaveAttribute("title", new RegExp(`^Beijing, 2000: ${STATUS_EN[status2000]} \\(`));

    const legend = page.getByRole("list", { name: "Cells by status" });
    for (const [status, label] of Object.entries(STATUS_EN) as [keyof typeof STATUS_EN, string][]) {
      await expect(legend).toContainText(`${label} ${coverage.counts[status].toLocaleString("en-US")}`);
    }
    expect(Object.values(coverage.counts).reduce((a, b) => a + b, 0)).toBe(31 * coverage.years.length);
  });

  test("is in the server's HTML, before any script runs", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/?${QUERY}`);
    const table = page.getByRole("table", { name: /what kind of figure each place has/ });
    await expect(table.getByRole("rowheader", { name: "Guangdong" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Cells by status" })).toContainText("Missing");
    await context.close();
  });

  test("speaks Chinese with lang=zh", async ({ page, request }) => {
    await page.goto(`/?${QUERY}&lang=zh`);
    await expect(page.getByRole("tab", { selected: true })).toHaveText("数据覆盖");
    const table = page.getByRole("table", { name: /国家高新区数量.*各地区各年份的数据类型/ });
    await expect(table.getByRole("rowheader", { name: "北京" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "地区" })).toBeVisible();
    const coverage = await coverageFromApi(request, `${QUERY}&lang=zh`);
    const legend = page.getByRole("list", { name: "各类单元格数量" });
    for (const [status, label] of Object.entries(STATUS_ZH) as [keyof typeof STATUS_ZH, string][]) {
      await expect(legend).toContainText(`${label} ${coverage.counts[status].toLocaleString("zh-CN")}`);
    }
  });

  test("the keyboard reaches the scrolling region and scrolls it", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`/?${QUERY}`);
    await settled(page);
    const region = page.getByRole("region", { name: "Coverage table (scrolls: use the arrow keys)" });
    // From the Coverage tab, the next stop is the table's region.
    await page.getByRole("tab", { name: "Coverage" }).focus();
    await page.keyboard.press("Tab");
    await expect(region).toBeFocused();
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth && el.scrollHeight > el.clientHeight)).toBe(true);
    // Arrow keys scroll sideways through the years, End down to the last province.
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.keyboard.press("End");
    await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  });

  test("the tab switches another view to coverage, and the CSV has one line per cell", async ({ page, request }) => {
    await page.goto("/?metric=park_count&level=province");
    await settled(page);
    await page.getByRole("tab", { name: "Coverage" }).click();
    await expect(page).toHaveURL(/\?metric=park_count&view=coverage&level=province$/);
    await expect(page.getByRole("table", { name: /what kind of figure each place has/ })).toBeVisible();
    await settled(page);
    const coverage = await coverageFromApi(request);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const lines = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe("geo_code,geography,geography_zh,year,status");
    expect(lines).toHaveLength(1 + 31 * coverage.years.length);
    expect(lines).toContain(`110000,Beijing,北京,2000,${coverage.places[0]!.statuses[coverage.years.indexOf(2000)]}`);
  });

  test("the embed shows the coverage table", async ({ page }) => {
    await page.goto(`/embed?${QUERY}`);
    const embed = page.getByTestId("embed");
    await expect(embed.getByRole("table", { name: /what kind of figure each place has/ })).toBeVisible();
    await expect(embed.getByRole("list", { name: "Cells by status" })).toBeVisible();
  });

  for (const lang of ["en", "zh"] as const) {
    test(`no serious accessibility violations: coverage, ${lang}`, async ({ page }) => {
      // axe checks every one of the ~1,000 cells: allow for a busy machine.
      test.setTimeout(60_000);
      await page.goto(`/?${QUERY}${lang === "zh" ? "&lang=zh" : ""}`);
      await settled(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
