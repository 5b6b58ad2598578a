import { expect, test, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

// Tables shared as sorted, compare in the same order, pages of a long table, and the zone
// ranking (README "Using the dashboard"), on the reference data: high-tech enterprises of the
// zones in 2020 (Shenzhen 5,082, Chengdu 2,705, Lanzhou 365, Baiyin 71) and their revenue
// (Zhongguancun 7.2 trillion yuan, Shenzhen 2.07 trillion).

const ZONE_FIRMS_2020 = "/?metric=high_tech_enterprises&view=table&level=park&from=2020&to=2020";
const ZONE_REVENUE_2020 = "/?metric=revenue&view=table&level=park&from=2020&to=2020&sort=value-desc";

const TEXT = {
  en: {
    sortByValue: "Sort by Value",
    sortByPlace: "Sort by Zone",
    value: "Value",
    zone: "Zone",
    zones: ["Zhongguancun Science Park", "Shenzhen High-tech Zone"],
    provinces: ["Beijing", "Guangdong"],
    rankNote: "Rank: among the zones of the same year, largest first",
    unranked: /(?<count>\d+) of (?<of>\d+) zones in 2020/,
  },
  zh: {
    sortByValue: "按数值排序",
    sortByPlace: "按高新区排序",
    value: "数值",
    zone: "高新区",
    zones: ["北京市新技术产业开发试验区（今中关村科技园区）", "深圳高新技术产业开发区（1991批）"],
    provinces: ["北京", "广东"],
    rankNote: "排名：同一年份的高新区按数值从大到小排列",
    unranked: /2020年 (?<of>\d+) 个高新区中的 (?<count>\d+) 个/,
  },
} as const;

async function openDashboard(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1);
}

/** The zone column's text of each body row, top to bottom. */
async function zoneOrder(table: Locator): Promise<string[]> {
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.children[1]?.textContent?.trim() ?? ""));
}

const BY_VALUE = ["Shenzhen High-tech Zone", "Chengdu High-tech Zone", "Lanzhou High-tech Zone", "Baiyin High-tech Zone"];
const BY_NAME = ["Baiyin High-tech Zone", "Chengdu High-tech Zone", "Lanzhou High-tech Zone", "Shenzhen High-tech Zone"];

test.describe("tables shared as sorted", () => {
  test("a header click sorts, writes sort= to the URL and aria-sort; Back restores the one before, reload keeps it", async ({ page }) => {
    await openDashboard(page, ZONE_FIRMS_2020);
    const table = page.getByTestId("data-table");
    const valueHeader = table.getByRole("columnheader", { name: /Value/ });
    const zoneHeader = table.getByRole("columnheader", { name: /Zone/ });
    await expect(zoneHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(valueHeader).toHaveAttribute("aria-sort", "none");
    expect(await zoneOrder(table)).toEqual(BY_NAME);
    // A sort orders the rows the page has: no request for the same data again.
    const seriesRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/v1/series")) seriesRequests.push(request.url());
    });

    await table.getByRole("button", { name: "Sort by Value" }).click();
    await expect(page).toHaveURL(/&to=2020&sort=value-desc$/);
    await expect(valueHeader).toHaveAttribute("aria-sort", "descending");
    await expect(zoneHeader).toHaveAttribute("aria-sort", "none");
    expect(await zoneOrder(table)).toEqual(BY_VALUE);
    await expect(table.getByTestId("rank")).toHaveText(["1", "2", "3", "4"]);

    await table.getByRole("button", { name: "Sort by Value" }).click();
    await expect(page).toHaveURL(/&sort=value-asc$/);
    await expect(valueHeader).toHaveAttribute("aria-sort", "ascending");
    expect(await zoneOrder(table)).toEqual([...BY_VALUE].reverse());
    // The rank is the zone's in its year, whatever the order shown.
    await expect(table.getByTestId("rank")).toHaveText(["4", "3", "2", "1"]);

    await page.goBack();
    await expect(page).toHaveURL(/&sort=value-desc$/);
    await expect(valueHeader).toHaveAttribute("aria-sort", "descending");
    expect(await zoneOrder(table)).toEqual(BY_VALUE);
    await page.goBack();
    await expect(page).toHaveURL(/&to=2020$/);
    await expect(zoneHeader).toHaveAttribute("aria-sort", "ascending");
    expect(await zoneOrder(table)).toEqual(BY_NAME);
    expect(seriesRequests).toEqual([]);

    await page.goForward();
    await expect(page).toHaveURL(/&sort=value-desc$/);
    await page.reload();
    await expect(page).toHaveURL(/&sort=value-desc$/);
    await expect(table.getByRole("columnheader", { name: /Value/ })).toHaveAttribute("aria-sort", "descending");
    expect(await zoneOrder(table)).toEqual(BY_VALUE);
  });

  test("the server renders the shared order before any script runs", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${ZONE_FIRMS_2020}&sort=value-desc`);
    const table = page.getByTestId("data-table");
    expect(await zoneOrder(table)).toEqual(BY_VALUE);
    await expect(table.getByRole("columnheader", { name: /Value/ })).toHaveAttribute("aria-sort", "descending");
    await context.close();
  });

  test("compare takes the table's order, and a sort left at its default follows the view", async ({ page }) => {
    await openDashboard(page, `${ZONE_FIRMS_2020}&sort=value-asc`);
    await page.getByRole("tab", { name: "Compare" }).click();
    await expect(page).toHaveURL(/view=compare&.*&sort=value-asc$/);
    const bars = page.getByTestId("compare-chart").locator("g[data-geo]");
    await expect(bars).toHaveCount(4);
    expect(await bars.evaluateAll((gs) => gs.map((g) => g.getAttribute("data-geo")))).toEqual(["baiyin", "lanzhou", "chengdu", "shenzhen"]);

    // The table by place (its default) opens compare largest first (compare's), and back.
    await openDashboard(page, ZONE_FIRMS_2020);
    await page.getByRole("tab", { name: "Compare" }).click();
    await expect(page).toHaveURL(/view=compare&level=park&from=2020&to=2020$/);
    await expect(bars).toHaveCount(4);
    expect(await bars.evaluateAll((gs) => gs.map((g) => g.getAttribute("data-geo")))).toEqual(["shenzhen", "chengdu", "lanzhou", "baiyin"]);
    await page.getByRole("tab", { name: "Table" }).click();
    await expect(page).toHaveURL(/view=table&level=park&from=2020&to=2020$/);
    expect(await zoneOrder(page.getByTestId("data-table"))).toEqual(BY_NAME);
  });

  test("a long table draws 200 rows a page, with Previous and Next; sorting goes back to the first page", async ({ page }) => {
    test.setTimeout(60_000);
    await openDashboard(page, "/?metric=high_tech_enterprises&view=table&level=province");
    const table = page.getByTestId("data-table");
    const pages = page.getByRole("navigation", { name: "Pages of the table" });
    const status = pages.getByText(/^Rows /);
    await expect(status).toHaveText(/^Rows 1–200 of [\d,]+$/);
    const total = Number((await status.textContent())!.replace(/.* of /, "").replace(/,/g, ""));
    expect(total).toBeGreaterThan(600);
    await expect(table.locator("tbody tr")).toHaveCount(200);
    await expect(pages.getByRole("button", { name: "Previous" })).toBeDisabled();

    const firstRow = async () => (await table.locator("tbody tr").first().textContent()) ?? "";
    const pageOne = await firstRow();
    await pages.getByRole("button", { name: "Next" }).click();
    await expect(status).toHaveText(`Rows 201–400 of ${total.toLocaleString("en-US")}`);
    expect(await firstRow()).not.toBe(pageOne);
    await expect(pages.getByRole("button", { name: "Previous" })).toBeEnabled();

    await table.getByRole("button", { name: "Sort by Value" }).click();
    await expect(page).toHaveURL(/&sort=value-desc$/);
    await expect(status).toHaveText(`Rows 1–200 of ${total.toLocaleString("en-US")}`);
    expect(await page.evaluate(() => document.querySelectorAll("[data-testid=data-table] tbody tr").length)).toBe(200);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

for (const lang of ["en", "zh"] as const) {
  const text = TEXT[lang];
  test(`zone ranking (${lang}): ranks in order, each zone's province and region and source, the unranked counted`, async ({ page }) => {
    test.setTimeout(60_000);
    await openDashboard(page, `${ZONE_REVENUE_2020}${lang === "zh" ? "&lang=zh" : ""}`);
    const table = page.getByTestId("data-table");
    await expect(table.getByRole("columnheader", { name: new RegExp(text.value) })).toHaveAttribute("aria-sort", "descending");
    await expect(table.getByRole("columnheader", { name: new RegExp(text.zone) })).toHaveAttribute("aria-sort", "none");
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(table.getByTestId("rank")).toHaveText(["1", "2"]);
    for (const [index, zone] of text.zones.entries()) {
      await expect(rows.nth(index)).toContainText(zone);
      await expect(rows.nth(index)).toContainText(text.provinces[index]!);
      await expect(rows.nth(index)).toContainText(lang === "zh" ? "东部" : "Eastern");
      await expect(rows.nth(index)).toContainText(lang === "zh" ? "元" : "yuan");
      await expect(rows.nth(index)).toContainText("public-sources-subnational");
      await expect(rows.nth(index).locator("td").last()).toContainText("http");
    }
    // Every zone of the registry but the two is left unranked, and the note says how many.
    const note = table.getByTestId("ranking-note");
    await expect(note).toContainText(text.rankNote);
    const { count, of } = text.unranked.exec((await note.textContent()) ?? "")?.groups ?? {};
    expect(Number(of)).toBeGreaterThanOrEqual(127);
    expect(Number(count)).toBe(Number(of) - 2);

    // The headers are buttons in either language, and say which way the table is sorted.
    await table.getByRole("button", { name: text.sortByPlace }).click();
    await expect(page).not.toHaveURL(/sort=/);
    await expect(table.getByRole("columnheader", { name: new RegExp(text.zone) })).toHaveAttribute("aria-sort", "ascending");
    await table.getByRole("button", { name: text.sortByValue }).click();
    await expect(page).toHaveURL(/sort=value-desc/);
    await expect(table.getByTestId("rank")).toHaveText(["1", "2"]);
    await expect(page.getByTestId("chart-area")).toHaveAttribute("data-state", "ready");
    expect(await seriousViolations(page)).toEqual([]);
  });
}
