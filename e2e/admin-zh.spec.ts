import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { formatValue } from "@/lib/format";
import { ownAddress } from "./support/client-address";
import { queryDatabase } from "./support/database";
import { E2E_SERVERS } from "./support/servers";
import { E2E_USERS } from "./support/users";
import { writeWorkbook } from "./support/workbook";

// The admin area, /overview and /editions in Chinese (lang=zh), on the PostgreSQL server: the
// language is kept across links, redirects and forms. Uploads here only make drafts, which the
// test deletes again, so published data never changes.

const BASE_URL = E2E_SERVERS.postgres.url;
let tempDir: string;

/** Opens an admin page in Chinese while signed out, and signs in on the Chinese sign-in page it leads to. */
async function signInInChinese(page: Page, pathInChinese: string): Promise<void> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": ownAddress("192.0.2") });
  await page.goto(pathInChinese);
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=.*&lang=zh$/);
  await expect(page.getByRole("heading", { name: "登录 Torch Atlas 管理后台" })).toBeVisible();
  await page.getByLabel("电子邮箱").fill(E2E_USERS.editor.email);
  await page.getByLabel("密码").fill(E2E_USERS.editor.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("admin-user-email")).toHaveText(E2E_USERS.editor.email);
}

async function uploadInChinese(page: Page, file: string, title: string): Promise<void> {
  await page.getByLabel(/^文件（/).setInputFiles(file);
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("来源").fill("中国火炬统计年鉴 2020（e2e）");
  await page.getByRole("button", { name: "上传并校验" }).click();
}

test.beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "torch-e2e-admin-zh-"));
});

test.afterAll(async ({ browser }) => {
  fs.rmSync(tempDir, { recursive: true, force: true });
  const left = await queryDatabase<{ id: number }>(
    `SELECT id FROM edition WHERE status = 'DRAFT' AND title LIKE 'E2E 中文%'`,
  );
  if (left.length === 0) return;
  // A test stopped before deleting its draft: delete it through the API, as the edition page would.
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await signInInChinese(page, "/admin/editions?lang=zh");
  for (const { id } of left) {
    const response = await page.request.delete(`/api/admin/editions/${id}`, { headers: { origin: BASE_URL } });
    expect(response.status(), `deleting draft ${id}`).toBe(204);
  }
  await context.close();
});

test.describe("the admin area in Chinese", () => {
  test("signs in in Chinese, and the editions list, the audit trail and the header stay in Chinese", async ({
    page,
  }) => {
    await signInInChinese(page, "/admin/editions?lang=zh");
    await expect(page).toHaveURL(/\/admin\/editions\?lang=zh$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "上传年鉴版本", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "全部版本", level: 2 })).toBeVisible();
    const editions = page.getByTestId("editions-table");
    await expect(editions.getByRole("columnheader", { name: "状态" })).toBeVisible();
    await expect(editions.getByText("已发布").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "上传并校验" })).toBeVisible();
    await expect(page.getByText("当前用户")).toBeVisible();

    // The templates' instructions come in Chinese too.
    const longTemplate = page.getByRole("link", { name: "长表格式（CSV）" });
    await expect(longTemplate).toHaveAttribute("href", "/api/admin/templates/long.csv?lang=zh");
    const template = await page.request.get("/api/admin/templates/long.csv?lang=zh");
    expect(template.status()).toBe(200);
    expect(await template.text()).toContain("示例行：请替换为真实数据");

    // Links in the header keep the language.
    const nav = page.getByRole("navigation", { name: "管理" });
    await nav.getByRole("link", { name: "审计日志" }).click();
    await expect(page).toHaveURL(/\/admin\/audit\?lang=zh$/);
    await expect(page.getByRole("heading", { name: "审计日志", level: 1 })).toBeVisible();
    const audit = page.getByTestId("audit-table");
    await expect(audit.getByRole("columnheader", { name: "操作", exact: true })).toBeVisible();
    // This sign-in, described in words, its code beside.
    const signIn = audit
      .locator("tbody tr")
      .filter({ hasText: E2E_USERS.editor.email })
      .filter({ hasText: "auth.sign_in" })
      .first();
    await expect(signIn).toContainText("登录");
    await expect(page.getByText(/^共 [\d,]+ 条记录，第 1 页，共 \d+ 页。$/)).toBeVisible();

    await nav.getByRole("link", { name: "数据版本" }).click();
    await expect(page).toHaveURL(/\/admin\/editions\?lang=zh$/);

    // The language switch goes to the same page in English, and back.
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/admin\/editions$/);
    await expect(page.getByRole("heading", { name: "Upload a yearbook edition", level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("link", { name: "中文" }).click();
    await expect(page).toHaveURL(/\/admin\/editions\?lang=zh$/);
    await expect(page.getByRole("heading", { name: "上传年鉴版本", level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/admin\/sign-in\?lang=zh$/);
    await expect(page.getByRole("heading", { name: "登录 Torch Atlas 管理后台" })).toBeVisible();
  });

  test("a file with errors gets its report in Chinese, a clean one a draft page in Chinese, deleted again", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signInInChinese(page, "/admin/editions?lang=zh");

    const broken = await writeWorkbook(tempDir, "broken-zh-2019.xlsx", "2019", [
      ["地区", "营业收入（亿元）", "高新技术企业数（家）"],
      ["北京", "abc", 10],
      ["上海", 1, -5],
    ]);
    await uploadInChinese(page, broken, `E2E 中文 broken ${Date.now()}`);
    await expect(page.getByTestId("upload-error")).toContainText("文件中有 2 个错误，未保存任何内容。");
    await expect(page.getByTestId("upload-error")).toContainText("请修改文件后重新上传。");
    const report = page.getByTestId("validation-report");
    await expect(report).toContainText("2 个错误");
    await expect(report.getByRole("heading", { name: "错误（须先修正，版本才能发布）" })).toBeVisible();
    const errors = page.getByTestId("report-errors");
    await expect(errors.getByRole("columnheader", { name: "工作表" })).toBeVisible();
    await expect(errors.getByRole("columnheader", { name: "问题" })).toBeVisible();
    await expect(errors.locator("tbody tr")).toHaveCount(2);
    await expect(errors.locator("tbody tr").first().locator("td").nth(3)).not.toBeEmpty();

    const title = `E2E 中文 draft ${Date.now()}`;
    const clean = await writeWorkbook(tempDir, "clean-zh-2019.xlsx", "2019", [
      ["地区", "营业收入（亿元）"],
      // Not the 1.5 亿元 admin-editions.spec.ts may have published meanwhile: this must be a change either way.
      ["北京", 1.7],
    ]);
    await uploadInChinese(page, clean, title);
    await expect(page).toHaveURL(/\/admin\/editions\/\d+\?lang=zh$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByTestId("edition-status")).toHaveText("草稿");
    await expect(page.getByRole("heading", { name: "校验报告" })).toBeVisible();
    await expect(page.getByTestId("validation-report")).toContainText("0 个错误，0 个警告");
    await expect(page.getByRole("heading", { name: "差异" })).toBeVisible();
    const beijing = page.getByTestId("diff-changed").locator("tbody tr").filter({ hasText: "营业收入" });
    await expect(beijing).toHaveCount(1);
    await expect(beijing.locator("td").nth(4)).toHaveText(formatValue(170_000_000, "CNY", "zh"));
    await expect(page.getByRole("button", { name: "发布", exact: true })).toBeVisible();

    // The diff's filter form keeps the language.
    await page.getByLabel("指标").selectOption("revenue");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/\/admin\/editions\/\d+\?lang=zh&indicator=revenue(&geo=)?$/);
    await expect(page.getByRole("heading", { name: "差异" })).toBeVisible();

    // Delete the draft: the confirm dialog is in Chinese, and the list it returns to too.
    const [message] = await Promise.all([
      page.waitForEvent("dialog").then(async (dialog) => {
        const text = dialog.message();
        await dialog.accept();
        return text;
      }),
      page.getByRole("button", { name: "删除草稿" }).click(),
    ]);
    expect(message).toContain("删除草稿“");
    await expect(page).toHaveURL(/\/admin\/editions\?lang=zh$/);
    await expect(page.getByTestId("editions-table")).not.toContainText(title);
    const left = await queryDatabase<{ count: string }>(`SELECT count(*) FROM edition WHERE title = $1`, [title]);
    expect(Number(left[0]!.count)).toBe(0);
  });
});

test.describe("/overview and /editions in Chinese", () => {
  test("speak Chinese with lang=zh and keep it across their links", async ({ page }) => {
    await page.goto("/overview?lang=zh");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "火炬图谱", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "2017 年的国家高新区" })).toBeVisible();
    const figures = page.getByLabel("2017 年主要数字");
    await expect(figures.getByTestId("figure-registered_firms")).toHaveText(/万家$/);
    const zones = page.getByRole("table", { name: "历年国家高新区数量" });
    const row2017 = zones.getByRole("row").filter({ has: page.getByRole("cell", { name: "2017", exact: true }) });
    await expect(row2017.getByRole("cell").nth(1)).toHaveText(formatValue(156, "zones", "zh"));

    await page.getByRole("link", { name: "全部版本（含已撤回的）及各版本的变更" }).click();
    await expect(page).toHaveURL(/\/editions\?lang=zh$/);
    await expect(page.getByRole("heading", { name: "数据版本", level: 1 })).toBeVisible();
    const published = page.getByRole("table", { name: "已发布的版本" });
    await expect(published.getByTestId("edition-synthetic-sample")).toContainText("合成示例");
    await expect(page.getByRole("heading", { name: /^已撤回（\d+）$/ })).toBeVisible();

    await published.getByTestId("edition-public-sources").getByRole("link").click();
    await expect(page).toHaveURL(/\/editions\/public-sources\?lang=zh$/);
    await expect(page.getByRole("heading", { name: "变更内容" })).toBeVisible();
    await expect(page.getByTestId("change-totals")).toContainText("新增");
    await page.getByLabel("指标").selectOption("park_count");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/\/editions\/public-sources\?lang=zh&indicator=park_count(&geo=)?$/);
    await expect(page.getByTestId("changes-added")).toContainText("国家高新区数量");

    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/editions\/public-sources\?indicator=park_count(&geo=)?$/);
    await expect(page.getByRole("heading", { name: "What it changed" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("an unknown edition's 404 page is in Chinese too", async ({ page }) => {
    const response = await page.goto("/editions/no-such-edition?lang=zh");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "没有此版本" })).toBeVisible();
    await expect(page.getByRole("link", { name: "查看全部已发布版本" })).toHaveAttribute("href", "/editions?lang=zh");
  });
});
