import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import oldUrls from "../lib/fixtures/old-urls.json" with { type: "json" };
import { seriousViolations } from "./support/axe";
import { ownAddress } from "./support/client-address";
import { queryDatabase } from "./support/database";
import { E2E_SERVERS } from "./support/servers";
import { E2E_USERS } from "./support/users";

// Sharing that lasts: short links, pinned links and their revision banner,
// embeds, and old links, on the PostgreSQL server. Serial: one test publishes
// an edition (and retires it again), which changes what pinned views show.

test.describe.configure({ mode: "serial" });
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const BASE = E2E_SERVERS.postgres.url;

/** The parts of the screen that define a view, to compare two visits. */
async function visibleState(page: Page) {
  return {
    url: new URL(page.url()).search,
    title: await page.getByTestId("chart-title").textContent(),
    metric: await page.getByLabel("Metric", { exact: true }).inputValue(),
    tab: await page.getByRole("tab", { selected: true }).textContent(),
    query: await page.getByTestId("chart-area").getAttribute("data-query"),
  };
}

async function openDashboard(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1);
}

async function openShareMenu(page: Page) {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const menu = page.getByRole("region", { name: "Share this view" });
  await expect(menu).toBeVisible();
  return menu;
}

test("a short link from the Share menu opens the identical view in a fresh browser", async ({ page, browser }) => {
  const canonical = "metric=registered_firms&view=compare&level=province&geo=110000,440000&from=2005&to=2017&year=2010";
  await openDashboard(page, `/?${canonical}`);
  const menu = await openShareMenu(page);
  await menu.getByRole("button", { name: "Copy short link" }).click();
  const output = page.getByTestId("share-output");
  await expect(output).toHaveValue(new RegExp(`^${BASE}/s/[2-9A-HJ-NP-Za-km-z]{9}$`));
  await expect(page.getByTestId("share-status")).toHaveText("Short link copied");
  const shortUrl = await output.inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shortUrl);
  const before = await visibleState(page);

  // The database holds the canonical view under that code.
  const code = shortUrl.split("/s/")[1]!;
  expect(await queryDatabase("SELECT state FROM short_link WHERE code = $1", [code])).toEqual([{ state: canonical }]);

  // Asking again gives the same code.
  await menu.getByRole("button", { name: "Copy link" }).click();
  await expect(output).toHaveValue(`${BASE}/?${canonical}`);
  await menu.getByRole("button", { name: "Copy short link" }).click();
  await expect(output).toHaveValue(shortUrl);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const response = await other.goto(shortUrl);
  expect(response?.request().redirectedFrom()?.url()).toBe(shortUrl);
  await expect(other.locator("html[data-hydrated=true]")).toHaveCount(1);
  expect(await visibleState(other)).toEqual(before);
  await expect(other.getByTestId("compare-chart")).toBeVisible();
  await fresh.close();
});

test("an unknown or malformed short code gets a friendly 404 with a way to the dashboard", async ({
  page,
  request,
}) => {
  for (const code of ["abcdefghj", "nope", "0O1lI0O1l"]) {
    const response = await page.goto(`/s/${code}`);
    expect(response?.status(), code).toBe(404);
    await expect(page.getByRole("heading", { name: "This short link does not exist" })).toBeVisible();
  }
  await page.getByRole("link", { name: "Open the dashboard" }).click();
  await expect(page.getByTestId("chart-title")).toBeVisible();
  // HEAD answers too, without a body.
  const head = await request.head("/s/abcdefghj", { maxRedirects: 0 });
  expect(head.status()).toBe(404);
});

test("the Share menu copies the latest or the pinned link, and an embed snippet", async ({ page }) => {
  const query = "metric=registered_firms&view=table&level=nation&from=2017&to=2017";
  await openDashboard(page, `/?${query}`);
  const menu = await openShareMenu(page);
  const latest = menu.getByRole("radio", { name: /^Latest data/ });
  const pinned = menu.getByRole("radio", { name: /^As published in Public sources/ });
  await expect(latest).toBeChecked();
  const output = page.getByTestId("share-output");

  await pinned.check();
  await menu.getByRole("button", { name: "Copy link" }).click();
  await expect(output).toHaveValue(`${BASE}/?${query}&edition=public-sources`);
  await menu.getByRole("button", { name: "Copy embed code" }).click();
  await expect(output).toHaveValue(
    `<iframe src="${BASE}/embed?${query.replace(/&/g, "&amp;")}&amp;edition=public-sources" width="100%" height="480" style="border:0" loading="lazy" title="Torch Atlas: Registered firms"></iframe>`,
  );
  await menu.getByRole("button", { name: "Copy short link" }).click();
  await expect(output).toHaveValue(/\/s\/\w{9}$/);
  const [row] = await queryDatabase<{ state: string }>("SELECT state FROM short_link WHERE code = $1", [
    (await output.inputValue()).split("/s/")[1],
  ]);
  expect(row?.state).toBe(`${query}&edition=public-sources`);

  await latest.check();
  await menu.getByRole("button", { name: "Copy link" }).click();
  await expect(output).toHaveValue(`${BASE}/?${query}`);
  expect(await seriousViolations(page)).toEqual([]);

  // Escape closes the menu and gives focus back to its button.
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(page.getByRole("button", { name: "Share", exact: true })).toBeFocused();
});

/** Signs the e2e editor in on an API context of its own (its own client address, for the sign-in limit). */
async function signInAsEditor(request: APIRequestContext): Promise<void> {
  const { email, password } = E2E_USERS.editor;
  const response = await request.post("/api/auth/sign-in/email", {
    data: { email, password },
    headers: { "x-forwarded-for": ownAddress("203.0.113") },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test("a pinned link shows what a newer edition revised, and Switch to latest drops the pin", async ({
  page,
  request,
}) => {
  const view = "level=province&geo=440000&from=2016&to=2020";
  const pinnedPath = `/?${view}&edition=synthetic-sample`;
  await openDashboard(page, pinnedPath);
  await expect(page.getByTestId("chart-title")).toContainText("High-tech enterprises");
  await expect(page.getByTestId("revision-banner")).toHaveCount(0);

  // The pinned view's own figures, then a newer edition that restates two of them (and one the same).
  const series = (await (await request.get(`/api/v1/series?${view}&edition=synthetic-sample`)).json()) as {
    rows: { year: number; value: number }[];
  };
  const valueIn = (year: number) => series.rows.find((row) => row.year === year)!.value;
  const title = `E2E share ${Date.now()}`;
  const csv = [
    "year,level,geo,indicator,value,unit,source_ref",
    `2016,province,440000,high_tech_enterprises,${valueIn(2016) + 500},家,${title} table 1`,
    `2017,province,440000,high_tech_enterprises,${valueIn(2017) + 900},家,${title} table 1`,
    `2018,province,440000,high_tech_enterprises,${valueIn(2018)},家,${title} table 1`,
  ].join("\n");

  await signInAsEditor(request);
  const upload = await request.post(
    `/api/admin/uploads?fileName=e2e-share.csv&title=${encodeURIComponent(title)}&source=${encodeURIComponent(`${title}, browser test`)}`,
    {
      data: Buffer.from(csv),
      headers: { "content-type": "text/csv" },
    },
  );
  expect(upload.status(), await upload.text()).toBe(201);
  const { edition } = (await upload.json()) as { edition: { id: number; slug: string } };
  try {
    expect((await request.post(`/api/admin/editions/${edition.id}/publish`)).status()).toBe(200);

    await openDashboard(page, pinnedPath);
    const banner = page.getByTestId("revision-banner");
    await expect(banner).toContainText(`Newer data: the ${title} edition revised 2 of these figures.`);
    await expect(banner).toContainText("You are looking at the data as published in Synthetic sample");
    expect(await seriousViolations(page)).toEqual([]);
    // The pinned view still shows the pinned figures; the Share menu starts on the pinned choice.
    await page.getByRole("tab", { name: "Table" }).click();
    await expect(page).toHaveURL(/view=table/);
    await expect(page.getByTestId("revision-banner")).toBeVisible();
    const menu = await openShareMenu(page);
    await expect(menu.getByRole("radio", { name: /^As published in Synthetic sample/ })).toBeChecked();

    await banner.getByRole("button", { name: "Switch to latest" }).click();
    await expect(page).not.toHaveURL(/edition=/);
    await expect(page.getByTestId("revision-banner")).toHaveCount(0);
    await expect(page.getByTestId("chart-area")).toHaveAttribute("data-query", `view=table&${view}`);
    await expect(page.getByTestId("data-table")).toContainText(title);

    // In Chinese too.
    await openDashboard(page, `${pinnedPath}&lang=zh`);
    await expect(page.getByTestId("revision-banner")).toContainText("修订了其中 2 个数值");
    await expect(page.getByTestId("revision-banner").getByRole("button", { name: "切换到最新数据" })).toBeVisible();
  } finally {
    expect((await request.post(`/api/admin/editions/${edition.id}/retire`)).status()).toBe(200);
  }
  await openDashboard(page, pinnedPath);
  await expect(page.getByTestId("chart-title")).toBeVisible();
  await expect(page.getByTestId("revision-banner")).toHaveCount(0);
});

/**
 * Shows `html` as a page of another site: served by a tiny server of the test's
 * own on another port (another origin). Chromium lets only a page on the local
 * network frame a local server, so about:blank or a routed page would not do.
 */
async function showOnAnotherSite(page: Page, html: string): Promise<void> {
  const server = http.createServer((_, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(`<!doctype html><title>Another site</title>${html}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
  } finally {
    server.close();
  }
}

test("the embed page renders the view inside another site's iframe; the dashboard refuses to be framed", async ({
  page,
  request,
}) => {
  const query = "metric=park_count&level=nation&from=1995&to=2017";
  await showOnAnotherSite(
    page,
    `<h1>Another site</h1><iframe src="${BASE}/embed?${query}" width="100%" height="480" title="embedded chart"></iframe>`,
  );
  const frame = page.frameLocator("iframe");
  await expect(frame.getByTestId("chart-title")).toContainText("National high-tech zones");
  await expect(frame.getByTestId("trend-chart")).toBeVisible();
  await expect(frame.getByTestId("embed-sources")).toContainText("Public sources");
  await expect(frame.getByRole("link", { name: /Open in full/ })).toHaveAttribute("href", `/?${query}`);
  // No app chrome: no filters, no header, no share menu.
  await expect(frame.getByLabel("Metric", { exact: true })).toHaveCount(0);
  await expect(frame.getByRole("button", { name: "Share", exact: true })).toHaveCount(0);
  // It fills the frame's width without a horizontal scrollbar, and a trend fits the snippet's 480 px.
  const embedFrame = page.frames().find((f) => f.url().includes("/embed"))!;
  expect(await embedFrame.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
    0,
  );
  expect(await embedFrame.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(480);

  // A table with sample figures says so.
  await showOnAnotherSite(
    page,
    `<iframe src="${BASE}/embed?view=table&level=province&geo=440000&from=2017&to=2017" width="600" height="480" title="embedded table"></iframe>`,
  );
  await expect(page.frameLocator("iframe").getByTestId("data-table")).toContainText("Guangdong");
  await expect(page.frameLocator("iframe").getByTestId("sample-banner")).toContainText("synthetic sample");

  const embed = await request.get(`/embed?${query}`);
  expect(embed.headers()["content-security-policy"]).toMatch(/frame-ancestors \*$/);
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  for (const path of ["/", `/?${query}`, "/overview", "/admin/sign-in", "/api/v1/meta", `/api/v1/series?${query}`]) {
    const response = await request.get(path);
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
    expect(response.headers()["content-security-policy"], path).toMatch(/frame-ancestors 'none'$/);
  }
  // And the browser obeys: the dashboard in another site's frame stays empty, while the embed next to it loads.
  await showOnAnotherSite(
    page,
    `<iframe src="${BASE}/?${query}" width="800" height="400" title="framed dashboard"></iframe><iframe src="${BASE}/embed?${query}" width="800" height="400" title="framed embed"></iframe>`,
  );
  await expect(page.frameLocator('iframe[title="framed embed"]').getByTestId("chart-title")).toBeVisible();
  await expect(page.frameLocator('iframe[title="framed dashboard"]').getByTestId("chart-title")).toHaveCount(0);
});

test.describe("old links (lib/fixtures/old-urls.json) still open their view", () => {
  for (const entry of oldUrls.urls) {
    test(entry.label, async ({ page }) => {
      const response = await page.goto(entry.url);
      expect(response?.status()).toBe(200);
      await expect(page.getByTestId("chart-title")).toBeVisible();
      await expect(page.getByTestId("view-notes")).toHaveCount(0);
      // Legacy forms are written back in the current, canonical form.
      expect(new URL(page.url()).search).toBe(entry.canonical ? `?${entry.canonical}` : "");
      await expect(page.getByTestId("chart-area")).toHaveAttribute("data-query", entry.canonical);
    });
  }
});
