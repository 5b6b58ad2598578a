import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { E2E_SERVERS } from "./support/servers";

test.describe("overview page on PostgreSQL", () => {
  test("shows the 2017 headline figures with units and sources", async ({ page }) => {
    await page.goto("/overview");
    await expect(page.getByRole("heading", { name: "Torch Atlas", level: 1 })).toBeVisible();
    const figures = page.getByLabel("2017 headline figures");
    await expect(figures.getByTestId("figure-registered_firms")).toHaveText("1.85 million firms");
    await expect(figures.getByTestId("figure-high_tech_enterprises")).toHaveText("49,000 firms");
    await expect(figures.getByTestId("figure-hte_density")).toHaveText("2.65% of registered firms");
    await expect(figures.getByTestId("figure-tax_revenue")).toHaveText("1.73 trillion yuan");
    await expect(figures.getByTestId("figure-exports")).toHaveText("$478 billion");
    await expect(figures.getByTestId("figure-exports_share_national")).toHaveText("20%");
    await expect(figures.getByTestId("figure-firm_ownership_share")).toHaveText("3%");
    await expect(figures.getByText(/Source: MacroPolo, Torchbearer \(2019\)/).first()).toBeVisible();
  });

  test("lists national zone counts by year, each with its basis, never falling", async ({ page }) => {
    await page.goto("/overview");
    const table = page.getByRole("table", { name: "National high-tech zones by year" });
    const row2017 = table.getByRole("row").filter({ has: page.getByRole("cell", { name: "2017", exact: true }) });
    await expect(row2017.getByRole("cell").nth(1)).toHaveText("156 zones");
    await expect(row2017).toContainText("Reported: 156 State-Council-approved zones at the end of 2017");
    await expect(row2017).toContainText("(medium confidence)");
    const row1995 = table.getByRole("row").filter({ has: page.getByRole("cell", { name: "1995", exact: true }) });
    await expect(row1995.getByRole("cell").nth(1)).toHaveText("52 zones");
    await expect(row1995).toContainText("From the zone registry: 52 zones approved by the end of 1995");
    const row2016 = table.getByRole("row").filter({ has: page.getByRole("cell", { name: "2016", exact: true }) });
    await expect(row2016.getByRole("cell").nth(1)).toHaveText("146 zones");
    await expect(row2016).toContainText("Suzhou Industrial Park");
  });

  test("lists the editions loaded, the sample one labelled", async ({ page }) => {
    await page.goto("/overview");
    const editions = page.getByRole("list", { name: "Editions loaded" });
    // The three seed editions (other specs may publish more in parallel).
    for (const slug of ["public-sources", "public-sources-subnational", "synthetic-sample"]) {
      await expect(editions.getByRole("listitem").filter({ hasText: `${slug} ·` })).toHaveCount(1);
    }
    const sample = editions.getByRole("listitem").filter({ hasText: "synthetic-sample" });
    await expect(sample).toContainText("Synthetic sample");
    await expect(sample).toContainText("not official statistics");
  });

  test("health names the database, migration and data version", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const health = (await response.json()) as { dataVersion: number };
    expect(health).toEqual({
      status: "ok",
      database: "postgres",
      migration: fs.readdirSync("prisma/migrations").filter((name) => /^\d{14}_/.test(name)).sort().at(-1),
      dataVersion: expect.any(Number),
      readModel: expect.stringMatching(/^(ready|resolving)$/),
    });
    // 3 after the seed; other specs (e2e/share.spec.ts) publish and retire editions, each a step further.
    expect(health.dataVersion).toBeGreaterThanOrEqual(3);
  });
});

test.describe("overview page on the embedded database", () => {
  test("serves the same figures from PGlite", async ({ page, request }) => {
    const health = await request.get(`${E2E_SERVERS.embedded.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: "ok", database: "embedded" });
    await page.goto(`${E2E_SERVERS.embedded.url}/overview`);
    await expect(page.getByTestId("figure-exports")).toHaveText("$478 billion");
  });
});

test.describe("with the database down", () => {
  test("health answers 503 with a clear JSON error", async ({ request }) => {
    const response = await request.get(`${E2E_SERVERS.down.url}/api/health`);
    expect(response.status()).toBe(503);
    const body = await response.json();
    expect(body).toEqual({
      status: "error",
      database: "postgres",
      error: { code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/^Cannot reach PostgreSQL at 127\.0\.0\.1:1\/nowhere/) },
    });
  });

  test("the page says so in plain words instead of crashing", async ({ page }) => {
    const response = await page.goto(E2E_SERVERS.down.url);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "The database is unavailable right now" })).toBeVisible();
  });
});

test.describe("content security policy", () => {
  test("every page runs under a nonce policy without a single violation, and only /embed may be framed", async ({ page }) => {
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = violations;
      document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    for (const path of ["/?level=province&view=map", "/embed?metric=park_count&level=nation", "/overview", "/editions", "/api/docs", "/admin/sign-in", "/no-such-page"]) {
      const response = await page.goto(path);
      const policy = response!.headers()["content-security-policy"] ?? "";
      const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
      expect(nonce, `${path} has a script nonce`).toBeTruthy();
      expect(policy).toContain(path.startsWith("/embed") ? "frame-ancestors *" : "frame-ancestors 'none'");
      expect(response!.headers()["x-frame-options"]).toBe(path.startsWith("/embed") ? undefined : "DENY");
      // Next.js put the nonce on its scripts, so they ran: the dashboard and embed are interactive.
      if (/^\/(embed)?\?/.test(path)) await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
      if (path.includes("view=map")) await expect(page.getByTestId("province-map")).toBeVisible();
      if (path === "/no-such-page") {
        expect(response!.status()).toBe(404);
        await expect(page.getByRole("heading", { name: "There is no page at this address" })).toBeVisible();
      }
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), path).toEqual([]);
    }
  });
});
