import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

/** The parts of the screen that define a view, to compare two visits. */
async function visibleState(page: Page) {
  return {
    url: new URL(page.url()).search,
    title: await page.getByTestId("chart-title").textContent(),
    metric: await page.getByLabel("Metric", { exact: true }).inputValue(),
    tab: await page.getByRole("tab", { selected: true }).textContent(),
  };
}

test.describe("dashboard", () => {
  test("the first view shows sourced figures only: the national zone count over the years", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/\?metric=park_count&level=nation$/);
    await expect(page.getByTestId("chart-title")).toContainText("National high-tech zones");
    await expect(page.getByTestId("sample-banner")).toHaveCount(0);
  });

  test("a shared link shows its data before any script runs", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/?metric=park_count&view=table&level=nation&from=2017&to=2017");
    const table = page.getByTestId("data-table");
    await expect(table).toContainText("China (national)");
    await expect(table).toContainText("156 zones");
    // Charts too: Recharts draws nothing on the server, so a static SVG of the same data stands in.
    await page.goto("/?metric=park_count&level=nation&from=1995&to=2017");
    const chart = page.getByTestId("trend-chart-static");
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAttribute("role", "img");
    await expect(chart.locator("path")).not.toHaveCount(0);
    await expect(chart).toContainText("China (national)");
    await context.close();
  });

  test("every control changes the chart and the URL; reload restores the view; back and forward walk through it", async ({ page }) => {
    await page.goto("/?metric=high_tech_enterprises");
    await expect(page.getByTestId("trend-chart")).toBeVisible();

    await page.getByLabel("Metric", { exact: true }).selectOption("registered_firms");
    await expect(page).toHaveURL(/\?metric=registered_firms$/);
    await expect(page.getByTestId("chart-title")).toContainText("Registered firms");

    await page.getByRole("radio", { name: "Provinces" }).check();
    await expect(page).toHaveURL(/metric=registered_firms&level=province$/);

    await page.getByRole("checkbox", { name: /Guangdong/ }).check();
    await page.getByRole("checkbox", { name: /Beijing/ }).check();
    await expect(page).toHaveURL(/level=province&geo=110000,440000$/);

    await page.getByLabel("From").selectOption("2000");
    await expect(page).toHaveURL(/&from=2000$/);

    await page.getByRole("radio", { name: "Share of national" }).check();
    await expect(page).toHaveURL(/&mode=share$/);
    await expect(page.getByTestId("chart-title")).toContainText("% of national total");

    await page.getByRole("radio", { name: "Log" }).check();
    await expect(page).toHaveURL(/&scale=log$/);

    await page.getByLabel("Edition").selectOption("synthetic-sample");
    await expect(page).toHaveURL(/&edition=synthetic-sample&scale=log$/);

    await page.getByRole("tab", { name: "Compare" }).click();
    await expect(page).toHaveURL(/&view=compare&/);
    await expect(page.getByTestId("compare-chart")).toBeVisible();

    await page.getByLabel(/^Year/).selectOption("2010");
    await expect(page).toHaveURL(/&year=2010&/);

    // Back and forward walk through the views (within this page load)…
    await page.goBack();
    await expect(page).not.toHaveURL(/year=2010/);
    await expect(page.getByTestId("chart-area")).not.toHaveAttribute("data-query", /year=2010/);
    await page.goBack();
    await expect(page).not.toHaveURL(/view=compare/);
    await expect(page.getByTestId("trend-chart")).toBeVisible();
    await page.goForward();
    await expect(page.getByTestId("compare-chart")).toBeVisible();
    await page.goForward();
    await expect(page).toHaveURL(/&year=2010&/);
    await expect(page.getByTestId("chart-area")).toHaveAttribute("data-query", /year=2010/);

    // …and a reload restores the identical view.
    const before = await visibleState(page);
    await page.reload();
    expect(await visibleState(page)).toEqual(before);
  });

  test("two ways to the same view give the same URL", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("radio", { name: "Provinces" }).check();
    await page.getByRole("checkbox", { name: /Beijing/ }).check();
    await page.getByRole("checkbox", { name: /Shanghai/ }).check();
    await page.getByLabel("Metric", { exact: true }).selectOption("tax_revenue");
    const first = page.url();

    await page.goto("/?metric=tax_revenue");
    await page.getByRole("radio", { name: "Provinces" }).check();
    await page.getByRole("checkbox", { name: /Shanghai/ }).check();
    await page.getByRole("checkbox", { name: /Beijing/ }).check();
    expect(page.url()).toBe(first);
  });

  test("malformed or stale parameters fall back with a visible note, never an error page", async ({ page }) => {
    for (const query of ["?metric=nope&view=pie", "?from=abc&to=1e9", "?edition=torch-1900&geo=%ZZ", "?level=nation&mode=share"]) {
      const response = await page.goto(`/${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(page.getByTestId("view-notes")).toBeVisible();
      await expect(page.getByTestId("chart-title")).toBeVisible();
    }
  });

  test("the language switch changes names and number formats and is kept in the URL", async ({ page }) => {
    await page.goto("/?metric=registered_firms&view=table&level=nation&from=2017&to=2017");
    await expect(page.getByTestId("data-table")).toContainText("1.85 million firms");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page).toHaveURL(/&lang=zh$/);
    await expect(page.getByTestId("data-table")).toContainText("185万家");
    await expect(page.getByTestId("data-table")).toContainText("全国");
    await expect(page.getByTestId("chart-title")).toContainText("注册企业数");
    await page.reload();
    await expect(page.getByTestId("data-table")).toContainText("185万家");
  });

  test("the map draws all 31 provinces with a legend; clicking one selects it", async ({ page }) => {
    await page.goto("/?view=map&to=2017");
    const map = page.getByTestId("province-map");
    await expect(map.locator("[data-adcode][role=button]")).toHaveCount(31);
    await expect(map).toContainText("High-tech enterprises");
    await map.locator('[data-adcode="440000"]').click();
    await expect(page).toHaveURL(/level=province&geo=440000/);
    await expect(map.locator('[data-adcode="440000"]')).toHaveAttribute("aria-pressed", "true");
    await map.locator('[data-adcode="440000"]').press("Enter");
    await expect(page).not.toHaveURL(/geo=/);
  });

  test("the CSV download has the table's rows, with unit, edition and source", async ({ page }) => {
    await page.goto("/?metric=tax_revenue&view=table&level=region&from=2015&to=2017");
    const tableRows = await page.getByTestId("data-table").locator("tbody tr").count();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const csv = await (await download.createReadStream()).toArray();
    const lines = Buffer.concat(csv).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe("geo_code,geography,geography_zh,year,metric,value,unit,editions,synthetic_sample,computed,confidence,source,note,lower_bound,remainder,note_zh");
    expect(lines).toHaveLength(tableRows + 1);
    expect(lines.slice(1).every((line) => line.includes(",tax_revenue,") && line.includes(",yuan,"))).toBe(true);
  });

  test("the chart downloads as SVG and PNG, with unit, edition and source in the caption", async ({ page }) => {
    await page.goto("/?metric=park_count&level=nation&from=1995&to=2017");
    // The interactive chart's surface.
    await expect(page.locator('[data-testid="trend-chart"] svg.recharts-surface').first()).toBeVisible();
    const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download SVG" }).click()]);
    expect(svgDownload.suggestedFilename()).toBe("torch-atlas-park_count-trend.svg");
    const svg = Buffer.concat(await (await svgDownload.createReadStream()).toArray()).toString("utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("recharts-line");
    expect(svg).toContain("National high-tech zones (zones), 1995–2017");
    expect(svg).toMatch(/Source: /);

    const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PNG" }).click()]);
    expect(pngDownload.suggestedFilename()).toBe("torch-atlas-park_count-trend.png");
    const png = Buffer.concat(await (await pngDownload.createReadStream()).toArray());
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(png.readUInt32BE(16)).toBeGreaterThan(300); // IHDR width
  });

  test("a downloaded chart of several lines carries their key; the key's icons are not read out", async ({ page }) => {
    await page.goto("/?metric=registered_firms&level=province&geo=110000,310000,440000&from=2010&to=2017");
    const chart = page.getByTestId("trend-chart");
    await expect(chart.locator(".recharts-line")).toHaveCount(3);
    const key = chart.locator('[data-part="legend"] li');
    await expect(key).toHaveText(["Beijing", "Shanghai", "Guangdong"]);
    await expect(page.locator('[aria-label$="legend icon"]')).toHaveCount(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download SVG" }).click()]);
    const svg = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
    for (const [index, name] of ["Beijing", "Shanghai", "Guangdong"].entries()) {
      const color = await key.nth(index).getAttribute("data-color");
      expect(svg).toContain(`fill="${color}">${name}</text>`);
    }
  });

  for (const lang of ["en", "zh"] as const) {
    for (const view of ["trend", "compare", "map", "table"] as const) {
      test(`no serious accessibility violations: ${view}, ${lang}`, async ({ page }) => {
        // axe checks every cell of the table view: well over 10 s on a busy 2-core machine.
        test.setTimeout(60_000);
        await page.goto(`/?view=${view}&lang=${lang}`);
        await expect(page.getByTestId("chart-title")).toBeVisible();
        if (view === "map") await expect(page.getByTestId("province-map")).toBeVisible();
        // Check the settled page: the interactive chart in place of the server-drawn one, and no view
        // loading (a loading view is dimmed on purpose, and fades back in).
        if (view === "trend" || view === "compare") await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
        const chartArea = page.getByTestId("chart-area");
        await expect(chartArea).toHaveAttribute("data-state", "ready");
        await expect(chartArea).toHaveCSS("opacity", "1");
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }

  test("works at 375 px wide", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    await expect(page.getByTestId("trend-chart")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("the Torchbearer figures (README permalinks)", () => {
  test("Figure 1: STIP count 1995–2017", async ({ page }) => {
    await page.goto("/?metric=park_count&level=nation&from=1995&to=2017");
    await expect(page.getByTestId("trend-chart")).toBeVisible();
    await page.getByRole("tab", { name: "Table" }).click();
    const table = page.getByTestId("data-table");
    const row = (year: string) => table.getByRole("row").filter({ has: page.getByRole("cell", { name: year, exact: true }) });
    await expect(row("2017")).toContainText("156 zones");
    await expect(row("1995")).toContainText("52 zones");
  });

  test("Figure 2: the zones' weight in 2017", async ({ page }) => {
    await page.goto("/?metric=registered_firms&also=exports,exports_share_national,high_tech_enterprises,tax_revenue&view=table&level=nation&from=2017&to=2017");
    const main = page.getByRole("main");
    for (const figure of ["1.85 million firms", "49,000 firms", "1.73 trillion yuan", "$478 billion", "20%"]) {
      await expect(main).toContainText(figure);
    }
    await expect(page.getByTestId("sources-panel")).toContainText("Public sources");
  });

  test("Figure 3: state-owned firms are 3% of the zones' firms", async ({ page }) => {
    await page.goto("/?metric=firm_ownership_share&view=table&level=nation&from=2017&to=2017");
    await expect(page.getByTestId("data-table")).toContainText("China (national): state-owned");
    await expect(page.getByTestId("data-table")).toContainText("3%");
    await expect(page.getByTestId("data-table")).toContainText("MacroPolo, Torchbearer (2019)");
  });

  test("Figure 4: concentration by the four regions", async ({ page }) => {
    await page.goto("/?metric=park_count&view=compare&to=2017");
    await expect(page.getByTestId("compare-chart")).toContainText("Eastern region");
    await page.getByRole("tab", { name: "Table" }).click();
    const table = page.getByTestId("data-table");
    // Four regions, each only "at least" its registry sum, and the zones no region accounts for.
    // Rows of the year 2017 (a source note of another year may mention 2017 too).
    const year2017 = table.locator("tbody tr").filter({ has: page.getByRole("cell", { name: "2017", exact: true }) });
    await expect(year2017).toHaveCount(5);
    await expect(table).toContainText("Northeastern region");
    await expect(table).toContainText("At least: sum of");
    await expect(table).toContainText("Not attributed to a region");
  });

  test("the four figures in Chinese", async ({ page }) => {
    const yearRow = (year: string) =>
      page.getByTestId("data-table").locator("tbody tr").filter({ has: page.getByRole("cell", { name: year, exact: true }) });

    await page.goto("/?metric=park_count&level=nation&from=1995&to=2017&view=table&lang=zh");
    await expect(yearRow("1995")).toContainText("52个");
    await expect(yearRow("2017")).toContainText("156个");

    await page.goto("/?metric=registered_firms&also=exports,exports_share_national,high_tech_enterprises,tax_revenue&view=table&level=nation&from=2017&to=2017&lang=zh");
    const main = page.getByRole("main");
    for (const figure of ["185万家", "4.9万家", "1.73万亿元", "4,780亿美元", "20%"]) await expect(main).toContainText(figure);

    await page.goto("/?metric=firm_ownership_share&view=table&level=nation&from=2017&to=2017&lang=zh");
    await expect(page.getByTestId("data-table")).toContainText("全国：国有");
    await expect(page.getByTestId("data-table")).toContainText("3%");

    await page.goto("/?metric=park_count&view=compare&to=2017&lang=zh");
    await expect(page.getByTestId("compare-chart")).toContainText("东部地区");
    await page.getByRole("tab", { name: "表格" }).click();
    await expect(yearRow("2017")).toHaveCount(5);
    await expect(yearRow("2017").last()).toContainText("未归属地区");
    // The notes the app writes are in Chinese too: how a sum was made, and the remainder's arithmetic.
    await expect(yearRow("2017").first()).toContainText(/至少：\d+ 个省份中 \d+ 个之和/);
    await expect(yearRow("2017").last()).toContainText("计算值：全国合计 156");
    await expect(page.getByTestId("data-table")).not.toContainText(/At least: sum of|Computed:/);
  });

  test("an old link naming zones by their hash codes opens them under their readable codes", async ({ page }) => {
    // zone-91adccbf and zone-64986c59 were Shenzhen's and Zhongguancun's codes before codes were readable.
    await page.goto("/?metric=revenue&view=compare&level=park&geo=zone-91adccbf,zone-64986c59&to=2020");
    await expect(page).toHaveURL(/[?&]geo=shenzhen,zhongguancun(&|$)/);
    const chart = page.getByTestId("chart-area");
    await expect(chart).toContainText("Zhongguancun Science Park: 7.2 trillion yuan");
    await expect(chart).toContainText("Shenzhen High-tech Zone: 2.07 trillion yuan");
  });
});
