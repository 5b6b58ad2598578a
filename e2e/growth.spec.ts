import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

// Growth mode (README "Using the dashboard"): the national zone count, whose every year has a
// sourced figure, as its change on the year before in the table and as the compound annual
// growth rate in Compare; each figure checked against the absolute figures it comes from.

const TEXT = {
  en: {
    growth: "Growth",
    formula: "(value − previous year's) ÷ previous year's × 100",
    unit: "% change on previous year",
    cagr: "% a year, CAGR 2010–2017",
    compare: "Compare",
  },
  zh: {
    growth: "增长",
    formula: "（当年数值 − 上年数值）÷ 上年数值 × 100",
    unit: "%（比上年增长）",
    cagr: "%（2010–2017年年均复合增长）",
    compare: "对比",
  },
} as const;

/** The national zone count in each year, from the API's absolute view. */
async function zoneCounts(request: APIRequestContext): Promise<Map<number, number>> {
  const response = await request.get("/api/v1/series?metric=park_count&level=nation&from=2009&to=2017");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { rows: { year: number; value: number }[] };
  return new Map(body.rows.map((row) => [row.year, row.value]));
}

/** A percentage as the dashboard prints it: three significant digits. */
const shown = (value: number, lang: "en" | "zh") =>
  `${new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 2 }).format(Number(value.toPrecision(3)))}%`;

async function settled(page: Page) {
  const chartArea = page.getByTestId("chart-area");
  await expect(chartArea).toHaveAttribute("data-state", "ready");
  await expect(chartArea).toHaveCSS("opacity", "1");
}

for (const lang of ["en", "zh"] as const) {
  const text = TEXT[lang];

  test(`growth mode: the table's change on the year before and Compare's CAGR, from the absolute figures (${lang})`, async ({ page }) => {
    // axe checks every cell of the table view: slow on a busy 2-core machine.
    test.setTimeout(60_000);
    const counts = await zoneCounts(page.request);
    await page.goto(`/?metric=park_count&view=table&level=nation&from=2010&to=2017${lang === "zh" ? "&lang=zh" : ""}`);
    await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1);

    const growth = page.getByRole("radio", { name: text.growth, exact: true });
    // Its description says the formula.
    await expect(growth).toHaveAccessibleDescription(new RegExp(text.formula.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await growth.check();
    await expect(page).toHaveURL(/&mode=growth(&|$)/);
    await expect(page.getByTestId("chart-title")).toContainText(text.unit);
    await settled(page);

    const table = page.getByTestId("data-table");
    const row = (year: number) =>
      table.locator("tbody tr").filter({ has: page.getByRole("cell", { name: String(year), exact: true }) });
    const change = (year: number) => ((counts.get(year)! - counts.get(year - 1)!) / counts.get(year - 1)!) * 100;
    for (const year of [2010, 2017]) {
      await expect(row(year)).toHaveCount(1);
      await expect(row(year).getByRole("cell").nth(2)).toHaveText(`${shown(change(year), lang)}${lang === "zh" ? "（比上年增长）" : " change on previous year"}`);
    }
    // 156 zones in 2017 against 146 in 2016: +6.85%.
    expect(shown(change(2017), "en")).toBe("6.85%");
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("tab", { name: text.compare }).click();
    await expect(page).toHaveURL(/view=compare&.*mode=growth/);
    await expect(page.getByTestId("chart-title")).toContainText(text.cagr);
    await settled(page);
    const cagr = ((counts.get(2017)! / counts.get(2010)!) ** (1 / 7) - 1) * 100;
    await expect(page.getByTestId("compare-chart")).toContainText(shown(cagr, lang).replace(/%$/, ""));
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("growth mode turns the log scale off, and says why", async ({ page }) => {
  await page.goto("/?metric=park_count&level=nation&from=2010&to=2017&scale=log");
  await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1);
  await page.getByRole("radio", { name: "Growth", exact: true }).check();
  await expect(page).toHaveURL(/\?metric=park_count&level=nation&from=2010&to=2017&mode=growth$/);
  const log = page.getByRole("radio", { name: "Log" });
  await expect(log).toBeDisabled();
  await expect(log).toHaveAccessibleDescription(/zero or negative/);
  await expect(page.getByTestId("trend-chart")).toBeVisible();
});

for (const [lang, text] of [
  ["en", { density: "Density", share: "Share of national", why: /^Density is high-tech enterprises ÷ registered firms/, nation: /^The nation is 100% of itself/ }],
  ["zh", { density: "密度", share: "占全国比重", why: /^密度为高新技术企业数 ÷ 注册企业数/, nation: /^全国占其自身的 100%/ }],
] as const) {
  test(`a mode the metric or level rules out is off and says why, in the page's language (${lang})`, async ({ page }) => {
    await page.goto(`/?metric=registered_firms&level=nation${lang === "zh" ? "&lang=zh" : ""}`);
    await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1);
    const density = page.getByRole("radio", { name: text.density, exact: true });
    await expect(density).toBeDisabled();
    await expect(density).toHaveAccessibleDescription(text.why);
    const share = page.getByRole("radio", { name: text.share, exact: true });
    await expect(share).toBeDisabled();
    await expect(share).toHaveAccessibleDescription(text.nation);
  });
}
