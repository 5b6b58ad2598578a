import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { ownAddress } from "./support/client-address";
import { queryDatabase } from "./support/database";
import { E2E_USERS } from "./support/users";

// Admin sign-in on the PostgreSQL server, with the accounts serve.ts created
// through `npm run admin:create`.

async function useOwnAddress(page: Page): Promise<void> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": ownAddress("198.51.100") });
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("admin sign-in", () => {
  test("anonymous visitors of admin pages are sent to sign-in, which is also in Chinese", async ({ page }) => {
    await page.goto("/admin/audit");
    await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Faudit$/);
    await expect(page.getByRole("heading", { name: "Sign in to Torch Atlas admin" })).toBeVisible();
    await expect(page.getByTestId("admin-user-email")).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin$/);

    await page.getByRole("link", { name: "中文" }).click();
    await expect(page.getByRole("heading", { name: "登录 Torch Atlas 管理后台" })).toBeVisible();
    await expect(page.getByLabel("电子邮箱")).toBeVisible();
  });

  test("a wrong password gets a clear error; the right one signs in; Sign out signs out", async ({ page }) => {
    await useOwnAddress(page);
    const { email, password } = E2E_USERS.admin;
    // A failed sign-in whose "email" is markup: the audit page must show it as text.
    const markup = `<b>bold-${Date.now()}</b>@example.org`;
    const attempt = await page.request.post("/api/auth/sign-in/email", {
      data: { email: markup, password: "whatever it is" },
      headers: { "x-forwarded-for": "203.0.113.77" },
    });
    expect(attempt.status()).toBe(400);

    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/sign-in/);

    await signIn(page, email, "not the right password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Wrong email or password. Check both and try again.",
    );
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(page).toHaveURL(/\/admin\/sign-in/);

    // The keyboard alone: type the password and press Enter.
    await page.getByLabel("Password").fill(password);
    await page.getByLabel("Password").press("Enter");
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("admin-user-email")).toHaveText(email);
    await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to editions" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    const events = await queryDatabase<{ action: string; email: string }>(
      `SELECT action, details->>'email' AS email FROM audit_event WHERE action LIKE 'auth.%' AND details->>'email' = $1 ORDER BY id DESC LIMIT 2`,
      [email],
    );
    expect(events).toEqual([
      { action: "auth.sign_in", email },
      { action: "auth.sign_in_failed", email },
    ]);

    // The audit page lists them, newest first.
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit" }).click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    // Other specs write events at the same time: find this test's sign-in among the newest rows.
    const rows = page.getByTestId("audit-table").locator("tbody tr");
    await expect(rows.filter({ hasText: email }).filter({ hasText: "auth.sign_in" }).first()).toBeVisible();
    await expect(page.getByTestId("audit-table")).toContainText(`email: ${markup}`);
    await expect(page.getByTestId("audit-table").locator("b")).toHaveCount(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/admin\/sign-in$/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin$/);
    const [signOut] = await queryDatabase<{ action: string }>(
      `SELECT action FROM audit_event WHERE details->>'email' = $1 ORDER BY id DESC LIMIT 1`,
      [email],
    );
    expect(signOut?.action).toBe("auth.sign_out");
  });

  test("an admin creates a user and changes its role on /admin/users", async ({ page }) => {
    await useOwnAddress(page);
    await page.goto("/admin/sign-in?next=%2Fadmin%2Fusers");
    await signIn(page, E2E_USERS.admin.email, E2E_USERS.admin.password);
    await expect(page).toHaveURL(/\/admin\/users$/);
    const table = page.getByTestId("users-table");
    await expect(table).toContainText(E2E_USERS.editor.email);
    expect(await seriousViolations(page)).toEqual([]);

    const email = `new-${Date.now()}@example.org`;
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Initial password").fill("short");
    await page.getByLabel("Initial password").evaluate((input: HTMLInputElement) => input.removeAttribute("minlength"));
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "The password is too weak: use at least 12 characters",
    );

    await page.getByLabel("Initial password").fill("a new user's long password");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(
      `Created editor ${email}. Give them their password through a safe channel.`,
    );
    await expect(table).toContainText(email);

    await page.getByLabel(`Role of ${email}`, { exact: true }).selectOption("admin");
    await page.getByRole("button", { name: `Change role of ${email}` }).click();
    await expect(page.getByText("Role set to admin.")).toBeVisible();
    const [row] = await queryDatabase<{ role: string }>(`SELECT role FROM "user" WHERE email = $1`, [email]);
    expect(row?.role).toBe("admin");
  });

  test("an editor gets 403 on /admin/users and sees no Users link", async ({ page }) => {
    await useOwnAddress(page);
    await page.goto("/admin/sign-in");
    await signIn(page, E2E_USERS.editor.email, E2E_USERS.editor.password);
    await expect(page.getByTestId("admin-user-email")).toHaveText(E2E_USERS.editor.email);
    await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" })).toHaveCount(0);

    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "403 — Not allowed" })).toBeVisible();
    await expect(page.getByTestId("users-table")).toHaveCount(0);
  });

  test("signing in works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await useOwnAddress(page);
    await page.goto("/admin/sign-in?next=%2Fadmin%2Faudit");
    await signIn(page, E2E_USERS.editor.email, E2E_USERS.editor.password);
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(page.getByTestId("admin-user-email")).toHaveText(E2E_USERS.editor.email);
    await context.close();
  });
});
