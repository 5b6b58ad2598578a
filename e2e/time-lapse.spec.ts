import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";

// The time-lapse of the compare and map views (README "Using the dashboard"): Play steps the
// year from `from` to the year shown, the years load in one request, Pause writes the year shown.

const COMPARE = "/?metric=park_count&view=compare&from=2010&year=2013";

const WORDS = {
  en: { play: "Play", pause: "Pause", previous: "Previous year", next: "Next year", showing: (y: number) => `Showing ${y}`, oneYear: "choose a From year", reducedMotion: "reduced motion" },
  zh: { play: "播放", pause: "暂停", previous: "上一年", next: "下一年", showing: (y: number) => `显示 ${y} 年`, oneYear: "起始年份", reducedMotion: "减少动态效果" },
} as const;

/** The query strings of every /api/v1/series request the page makes from now on. */
function recordSeriesRequests(page: Page): string[] {
  const queries: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/v1/series") queries.push(url.search);
  });
  return queries;
}

async function openHydrated(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}

async function yearShown(page: Page): Promise<number> {
  const text = await page.getByTestId("time-lapse-year").textContent();
  const match = /\d{4}/.exec(text ?? "");
  if (!match) throw new Error(`no year in ${JSON.stringify(text)}`);
  return Number(match[0]);
}

for (const lang of ["en", "zh"] as const) {
  const words = WORDS[lang];
  const langQuery = lang === "zh" ? "&lang=zh" : "";

  test.describe(`time-lapse (${lang})`, () => {
    test("Play steps through the years, loaded in one request; Pause writes the year shown; the buttons step by keyboard", async ({ page }) => {
      await openHydrated(page, `${COMPARE}${langQuery}`);
      const year = page.getByTestId("time-lapse-year");
      await expect(year).toContainText("2013");
      await expect(page.getByTestId("compare-chart").locator(".recharts-wrapper")).toBeVisible();

      const requests = recordSeriesRequests(page);
      await page.getByRole("button", { name: words.play, exact: true }).click();
      await expect(year).toContainText("2010");
      await expect(year).toContainText("2011", { timeout: 5_000 });
      // While playing, the URL stays put and the chart shows the frame's year.
      await expect(page).toHaveURL(/year=2013/);
      await expect(page.getByTestId("chart-area")).toHaveAttribute("data-query", /year=201[12]/);
      // The years of the span came in one request, the table of the same selection.
      expect(requests).toHaveLength(1);
      expect(requests[0]).toContain("view=table");
      expect(requests[0]).toContain("from=2010&to=2013");

      await page.getByRole("button", { name: words.pause, exact: true }).click();
      await expect(page.getByRole("button", { name: words.play, exact: true })).toBeVisible();
      const paused = await yearShown(page);
      expect(paused).toBeGreaterThanOrEqual(2011);
      if (paused < 2013) await expect(page).toHaveURL(new RegExp(`year=${paused}(&|$)`));
      await expect(page.getByTestId("chart-area")).toHaveAttribute("data-query", new RegExp(`year=${paused}(&|$)`));
      await expect(page.getByTestId("time-lapse-announcement")).toHaveText(words.showing(paused));

      // Step back and forward with the keyboard: each step is in the URL and announced.
      await page.getByRole("button", { name: words.previous, exact: true }).focus();
      await page.keyboard.press("Enter");
      await expect(year).toContainText(String(paused - 1));
      await expect(page).toHaveURL(new RegExp(`year=${paused - 1}(&|$)`));
      await expect(page.getByTestId("time-lapse-announcement")).toHaveText(words.showing(paused - 1));
      await page.getByRole("button", { name: words.next, exact: true }).focus();
      await page.keyboard.press("Space");
      await expect(year).toContainText(String(paused));
      await expect(page.getByTestId("time-lapse-announcement")).toHaveText(words.showing(paused));
      await expect(page.getByTestId("time-lapse-scale")).toContainText("2010–2013");

      expect(await seriousViolations(page)).toEqual([]);

      // The paused year is the view: a reload shows it.
      await page.getByRole("button", { name: words.previous, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`year=${paused - 1}(&|$)`));
      await page.reload();
      await expect(year).toContainText(String(paused - 1));
    });

    test("with one year only the time-lapse is off and says why", async ({ page }) => {
      await openHydrated(page, `/?metric=park_count&view=compare&from=2013&year=2013${langQuery}`);
      const group = page.getByRole("group", { name: lang === "zh" ? "动态播放" : "Time-lapse" });
      await expect(group.getByRole("button", { name: words.play, exact: true })).toHaveAttribute("aria-disabled", "true");
      await expect(group.getByRole("button", { name: words.previous, exact: true })).toHaveAttribute("aria-disabled", "true");
      await expect(page.getByTestId("time-lapse")).toContainText(words.oneYear);
      const requests = recordSeriesRequests(page);
      // aria-disabled keeps the button focusable; pressing it does nothing.
      await group.getByRole("button", { name: words.play, exact: true }).focus();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("time-lapse-year")).toContainText("2013");
      expect(requests).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test("the map keeps one colour scale for every year of the time-lapse, and says so", async ({ page }) => {
  await openHydrated(page, "/?view=map&from=2010&year=2012");
  const map = page.getByTestId("province-map");
  await expect(map.locator("[data-adcode][role=button]")).toHaveCount(31);
  const classes = page.getByTestId("province-map-legend").locator("ul");

  await page.getByRole("button", { name: "Previous year", exact: true }).click();
  await expect(page.getByTestId("province-map-legend")).toContainText("2011; scale of 2010–2012");
  const spanClasses = await classes.textContent();
  await page.getByRole("button", { name: "Previous year", exact: true }).click();
  await expect(page.getByTestId("province-map-legend")).toContainText("2010; scale of 2010–2012");
  expect(await classes.textContent()).toBe(spanClasses);
  await expect(page).toHaveURL(/year=2010/);
  await expect(page.getByTestId("time-lapse-scale")).toContainText("2010–2012");
  expect(await seriousViolations(page)).toEqual([]);
});

test("with reduced motion the years do not advance by themselves; stepping still works", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openHydrated(page, COMPARE);
  await expect(page.getByRole("button", { name: "Play", exact: true })).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByTestId("time-lapse")).toContainText(WORDS.en.reducedMotion);
  await page.getByRole("button", { name: "Previous year", exact: true }).click();
  await expect(page.getByTestId("time-lapse-year")).toContainText("2012");
  await expect(page).toHaveURL(/year=2012/);
});
