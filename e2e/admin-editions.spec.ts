import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { formatValue } from "@/lib/format";
import { ownAddress } from "./support/client-address";
import { queryDatabase } from "./support/database";
import { E2E_SERVERS } from "./support/servers";
import { E2E_USERS } from "./support/users";
import { writeWorkbook } from "./support/workbook";

// Admins publish yearbook editions, on the PostgreSQL server: upload a wide
// XLSX, review its report and diff, publish it, see the dashboard change,
// retire it and see the dashboard change back. The dashboard tests run against
// the same server and assert seeded figures, so this file only touches a
// metric and year they never look at (revenue, 2019) and retires whatever it
// publishes, even when a test fails half-way.

const BASE_URL = E2E_SERVERS.postgres.url;
const DASHBOARD_BEIJING_REVENUE_2019 = "/?metric=revenue&view=table&level=province&geo=110000&from=2019&to=2019";

/** Editions this file published; retired again in afterAll if a test stopped before it did. */
const publishedIds = new Set<number>();
let tempDir: string;

async function signInAsEditor(page: Page, next: string): Promise<void> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": ownAddress("203.0.113") });
  await page.goto(`/admin/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(E2E_USERS.editor.email);
  await page.getByLabel("Password").fill(E2E_USERS.editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("admin-user-email")).toHaveText(E2E_USERS.editor.email);
}

/** The value readers see now: the newest published edition that reports the key wins. */
async function publishedValue(indicator: string, adcode: string, year: number): Promise<number> {
  const [row] = await queryDatabase<{ value: number }>(
    `SELECT o.value FROM observation o JOIN edition e ON e.id = o.edition_id
     WHERE e.status = 'PUBLISHED' AND o.indicator_code = $1 AND o.year = $2
       AND o.geo_level = 'PROVINCE' AND o.geo_code = $3 AND o.breakdown = ''
     ORDER BY e.published_at DESC, e.id DESC LIMIT 1`,
    [indicator, year, adcode],
  );
  if (!row) throw new Error(`Nothing published for ${indicator} ${adcode} ${year}`);
  return Number(row.value);
}

async function upload(page: Page, file: string, title: string): Promise<void> {
  await page.getByLabel(/^File/).setInputFiles(file);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Source").fill("中国火炬统计年鉴 2020 (e2e)");
  await page.getByRole("button", { name: "Upload and check" }).click();
}

/** Clicks an edition action and accepts its confirm dialog. */
async function confirmAction(page: Page, name: string): Promise<void> {
  // window.confirm blocks the page, so the click only completes once the dialog is answered.
  const [type] = await Promise.all([
    page.waitForEvent("dialog").then(async (dialog) => {
      await dialog.accept();
      return dialog.type();
    }),
    page.getByRole("button", { name }).click(),
  ]);
  expect(type).toBe("confirm");
}

test.beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "torch-e2e-editions-"));
});

test.afterAll(async ({ browser }) => {
  fs.rmSync(tempDir, { recursive: true, force: true });
  const ids = [...publishedIds];
  const stillPublished = ids.length
    ? await queryDatabase<{ id: number }>(`SELECT id FROM edition WHERE status = 'PUBLISHED' AND id = ANY($1::int[])`, [
        ids,
      ])
    : [];
  if (stillPublished.length === 0) return;
  // A test stopped between publish and retire: retire through the API, as the edition page would.
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await signInAsEditor(page, "/admin/editions");
  for (const { id } of stillPublished) {
    const response = await page.request.post(`/api/admin/editions/${id}/retire`, { headers: { origin: BASE_URL } });
    expect(response.status(), `retiring edition ${id}`).toBe(200);
  }
  await context.close();
});

test.describe("admin editions", () => {
  test("an editor uploads a wide XLSX, reviews the diff, publishes it, sees the dashboard change, and retires it", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const seeded = await publishedValue("revenue", "110000", 2019);
    const seededText = formatValue(seeded, "CNY", "en");
    // 1.5 亿元 = 150,000,000 yuan; 2,000 千美元 = 2,000,000 US dollars.
    const newText = formatValue(150_000_000, "CNY", "en");
    expect(newText).toBe("150 million yuan");
    expect(seededText).not.toBe(newText);

    await page.goto(DASHBOARD_BEIJING_REVENUE_2019);
    await expect(page.getByTestId("data-table")).toContainText(seededText);

    await signInAsEditor(page, "/admin/editions");
    await expect(page).toHaveURL(/\/admin\/editions$/);
    const title = `E2E yearbook 2019 ${Date.now()}`;
    const file = await writeWorkbook(tempDir, "torch-yearbook-2019.xlsx", "2019", [
      ["地区", "营业收入（亿元）", "出口总额（千美元）"],
      ["北京", 1.5, 2000],
      ["上海市", 1, 1000],
    ]);
    await upload(page, file, title);

    // The draft's page: its report and its diff against what is published now.
    await expect(page).toHaveURL(/\/admin\/editions\/\d+$/);
    const id = Number(/\/admin\/editions\/(\d+)$/.exec(page.url())![1]);
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByTestId("edition-status")).toHaveText("draft");
    await expect(page.getByTestId("validation-report")).toContainText("0 errors, 0 warnings");
    const changed = page.getByTestId("diff-changed").locator("tbody tr");
    await expect(changed).toHaveCount(4);
    const beijingRevenue = changed.filter({ hasText: "Operating revenue" }).filter({ hasText: "Beijing" });
    await expect(beijingRevenue).toHaveCount(1);
    await expect(beijingRevenue.locator("td")).toHaveText([
      "Operating revenue",
      "2019",
      /Beijing/,
      seededText,
      newText,
      /^-\d+(\.\d)?%$/,
    ]);
    const beijingExports = changed.filter({ hasText: "Exports" }).filter({ hasText: "Beijing" });
    await expect(beijingExports.locator("td").nth(4)).toHaveText("$2 million");
    // Still a draft: the dashboard has not changed.
    expect(await publishedValue("revenue", "110000", 2019)).toBe(seeded);

    publishedIds.add(id);
    await confirmAction(page, "Publish");
    await expect(page.getByTestId("edition-status")).toHaveText("published");
    await expect(page.getByTestId("edition-action-message")).toHaveText("Published.");

    await page.goto(DASHBOARD_BEIJING_REVENUE_2019);
    const table = page.getByTestId("data-table");
    await expect(table).toContainText(newText);
    await expect(table).not.toContainText(seededText);

    await page.goto(`/admin/editions/${id}`);
    await confirmAction(page, "Retire (roll back)");
    await expect(page.getByTestId("edition-status")).toHaveText("retired");
    await expect(page.getByRole("button", { name: "Retire (roll back)" })).toHaveCount(0);
    publishedIds.delete(id);

    await page.goto(DASHBOARD_BEIJING_REVENUE_2019);
    await expect(page.getByTestId("data-table")).toContainText(seededText);
    await expect(page.getByTestId("data-table")).not.toContainText(newText);
    expect(await publishedValue("revenue", "110000", 2019)).toBe(seeded);

    const events = await queryDatabase<{ action: string; email: string }>(
      `SELECT a.action, u.email FROM audit_event a JOIN "user" u ON u.id = a.actor_id WHERE a.edition_id = $1 ORDER BY a.id`,
      [id],
    );
    expect(events).toEqual(
      ["edition.uploaded", "edition.published", "edition.retired"].map((action) => ({
        action,
        email: E2E_USERS.editor.email,
      })),
    );
  });

  test("in Chinese, a yearbook table as printed (title rows, a unit line, a two-row header, “/”, a 注 row) goes in, is published and shows on the dashboard", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // 2018 figures of two provinces no other test looks at; 入统企业数 and #高新技术企业 have no
    // unit of their own: the unit line's 个 applies, 千元 to revenue, 千美元 to exports.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("2-3");
    sheet.addRow(["2-3 2018年各地区国家高新区企业主要经济指标"]);
    sheet.mergeCells("A1:F1");
    sheet.addRow([null, null, null, null, null, "单位：个、千元、千美元"]);
    sheet.addRow(["地区\nRegion", "入统企业数", "#高新技术企业", "年末从业人员", "营业收入", "出口总额"]);
    sheet.addRow([
      null,
      "Number of Enterprises",
      "High-tech Enterprises",
      "Employees at Year-end",
      "Operating Revenue",
      "Exports",
    ]);
    sheet.mergeCells("A3:A4");
    sheet.addRow(["宁 夏 Ningxia", 812, 301, 91234, 123456789, 4321]);
    sheet.addRow(["青 海 Qinghai", 455, 123, 45678, 98765432, "/"]);
    sheet.addRow(["注：#为其中项。"]);
    sheet.mergeCells("A7:F7");
    const file = path.join(tempDir, "2019年鉴-2-3.xlsx");
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const revenueText = formatValue(123_456_789_000, "CNY", "zh");

    await signInAsEditor(page, "/admin/editions");
    await page.goto("/admin/editions?lang=zh");
    await expect(page.getByRole("heading", { name: "上传年鉴版本", level: 1 })).toBeVisible();
    const title = `E2E 年鉴 2018 ${Date.now()}`;
    await page.getByLabel(/^文件（/).setInputFiles(file);
    await page.getByLabel("标题").fill(title);
    await page.getByLabel("来源").fill("中国火炬统计年鉴 2019（e2e）");
    await page.getByRole("button", { name: "上传并校验" }).click();

    // The report, in Chinese: no errors; employees read in 人 (个 is no unit for persons), one “/” skipped.
    await expect(page).toHaveURL(/\/admin\/editions\/\d+\?lang=zh$/);
    const id = Number(/\/admin\/editions\/(\d+)/.exec(page.url())![1]);
    publishedIds.add(id);
    await expect(page.getByTestId("edition-status")).toHaveText("草稿");
    const report = page.getByTestId("validation-report");
    await expect(report).toContainText("0 个错误，2 个警告");
    await expect(page.getByTestId("report-warnings")).toContainText("“年末从业人员”列没有注明计量单位，按“人”读取");
    await expect(page.getByTestId("read-summary")).toContainText("宽表");

    await confirmAction(page, "发布");
    await expect(page.getByTestId("edition-status")).toHaveText("已发布");

    await page.goto("/?metric=revenue&view=table&level=province&geo=640000&from=2018&to=2018&lang=zh");
    const table = page.getByTestId("data-table");
    await expect(table).toContainText(revenueText);
    // The figure names the edition it comes from (its slug, from the title's ASCII part).
    await expect(table).toContainText(/e2e-2018-\d+/);

    await page.goto(`/admin/editions/${id}?lang=zh`);
    await confirmAction(page, "撤回（回滚）");
    await expect(page.getByTestId("edition-status")).toHaveText("已撤回");
    publishedIds.delete(id);
    await page.goto("/?metric=revenue&view=table&level=province&geo=640000&from=2018&to=2018&lang=zh");
    await expect(page.getByTestId("data-table")).not.toContainText(revenueText);
  });

  test("a file with errors is reported row by row and nothing is added", async ({ page }) => {
    await signInAsEditor(page, "/admin/editions");
    const rows = page.getByTestId("editions-table").locator("tbody tr");
    const editionsBefore = await rows.count();
    const title = `E2E broken upload ${Date.now()}`;
    const file = await writeWorkbook(tempDir, "broken-2019.xlsx", "2019", [
      ["地区", "营业收入（亿元）", "高新技术企业数（家）", "上缴税费（亿美元）"],
      ["北京", 1.5, 10, null],
      ["火星省", 1, 1, null],
      ["上海", "abc", 5, null],
      ["广东", 2, -5, null],
      ["江苏", 3, 7, 4],
    ]);
    await upload(page, file, title);

    await expect(page.getByTestId("upload-error")).toContainText("The file has 4 errors; nothing was saved.");
    await expect(page).toHaveURL(/\/admin\/editions$/);
    const errors = page.getByTestId("report-errors").locator("tbody tr");
    await expect(errors).toHaveCount(4);
    const where = [
      ["2019", "1", "上缴税费（亿美元）", "亿美元"], // taxes are in yuan: the column cannot be converted
      ["2019", "3", "地区", "火星省"], // no such province
      ["2019", "4", "营业收入（亿元）", "abc"], // not a number
      ["2019", "5", "高新技术企业数（家）", "-5"], // a negative count
    ];
    for (const [index, [sheet, row, column, value]] of where.entries()) {
      const cells = errors.nth(index).locator("td");
      await expect(cells.nth(0)).toHaveText(sheet!);
      await expect(cells.nth(1)).toHaveText(row!);
      await expect(cells.nth(2)).toHaveText(column!);
      await expect(cells.nth(4)).toHaveText(value!);
    }
    await expect(errors.nth(1).locator("td").nth(3)).toContainText("“火星省” is not a province");

    await page.reload();
    await expect(rows).toHaveCount(editionsBefore);
    await expect(page.getByTestId("editions-table")).not.toContainText(title);
    const saved = await queryDatabase<{ count: string }>(`SELECT count(*) FROM edition WHERE title = $1`, [title]);
    expect(Number(saved[0]!.count)).toBe(0);
  });

  test("anonymous visitors are sent to sign-in, and their uploads are refused", async ({ page, request }) => {
    await page.goto("/admin/editions");
    await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Feditions$/);
    await expect(page.getByTestId("editions-table")).toHaveCount(0);

    const response = await request.post("/api/admin/uploads?fileName=a.csv&title=Anonymous&source=nobody", {
      headers: { "content-type": "text/csv", origin: BASE_URL },
      data: "year,level,geo,indicator,value,unit\n2019,province,北京,revenue,1,亿元\n",
    });
    expect(response.status()).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    const saved = await queryDatabase<{ count: string }>(`SELECT count(*) FROM edition WHERE title = 'Anonymous'`);
    expect(Number(saved[0]!.count)).toBe(0);
  });
});
