import { expect, test, type APIResponse } from "@playwright/test";

// Link previews, the editions pages and the API docs, against the production build on
// PostgreSQL with the seeded editions ("public-sources" and the "synthetic-sample").

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function expectPng(response: APIResponse, size = { width: 1200, height: 630 }) {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const body = await response.body();
  expect([...body.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(body.subarray(12, 16).toString("latin1")).toBe("IHDR");
  expect({ width: body.readUInt32BE(16), height: body.readUInt32BE(20) }).toEqual(size);
}

function metaContent(html: string, attribute: "property" | "name", key: string): string | undefined {
  const tag = html.match(new RegExp(`<meta[^>]*${attribute}="${key}"[^>]*>`))?.[0];
  return tag?.match(/content="([^"]*)"/)?.[1]?.replace(/&amp;/g, "&");
}

test.describe("link previews", () => {
  test("a dashboard URL has Open Graph and Twitter tags whose image is a PNG of that view", async ({ request }) => {
    const path = "/?metric=registered_firms&view=compare&level=province&geo=110000,440000&year=2017&lang=zh";
    // A link-preview crawler that reads no JavaScript gets the tags in <head>.
    const response = await request.get(path, { headers: { "user-agent": "facebookexternalhit/1.1" } });
    expect(response.status()).toBe(200);
    const html = await response.text();
    const head = html.slice(0, html.indexOf("</head>"));
    const ogImage = metaContent(head, "property", "og:image");
    expect(ogImage).toMatch(/^http:\/\/127\.0\.0\.1:3101\/og\?metric=registered_firms&view=compare&level=province&geo=110000,440000&year=2017&lang=zh&v=\d+$/);
    expect(metaContent(head, "name", "twitter:image")).toBe(ogImage);
    expect(metaContent(head, "name", "twitter:card")).toBe("summary_large_image");
    expect(metaContent(head, "property", "og:title")).toBe("注册企业数 — 北京、广东，2017年 | 火炬图谱");
    expect(metaContent(head, "property", "og:image:width")).toBe("1200");
    expect(metaContent(head, "name", "description")).toMatch(/单位：家/);
    await expectPng(await request.get(ogImage!));
  });

  test("a view with sample figures says so in its description; the image answers 304 to its ETag", async ({ page, request }) => {
    await page.goto("/?level=province&edition=synthetic-sample");
    const description = await page.locator('meta[name="description"]').first().getAttribute("content");
    expect(description).toMatch(/^SYNTHETIC SAMPLE — not official statistics\./);
    const image = await page.locator('meta[property="og:image"]').first().getAttribute("content");
    const first = await request.get(image!);
    await expectPng(first);
    const again = await request.get(image!, { headers: { "if-none-match": first.headers()["etag"]! } });
    expect(again.status()).toBe(304);
  });
});

test.describe("editions for readers", () => {
  test("the dashboard header links to /editions, which lists the seeded editions with the sample one labelled", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Editions", exact: true }).click();
    await expect(page).toHaveURL(/\/editions$/);
    await expect(page.getByRole("heading", { name: "Editions", level: 1 })).toBeVisible();
    const published = page.getByRole("table", { name: "Published editions" });
    const sources = published.getByTestId("edition-public-sources");
    await expect(sources).toContainText("public-sources");
    await expect(sources).not.toContainText("Synthetic sample");
    const sample = published.getByTestId("edition-synthetic-sample");
    await expect(sample).toContainText("Synthetic sample");
    await expect(sample).toContainText("not official statistics");
    await expect(page.getByRole("heading", { name: /Retired/ })).toBeVisible();
  });

  test("an edition page shows what it changed, filters with a GET form, and downloads the CSV", async ({ page }) => {
    await page.goto("/editions");
    await page.getByTestId("edition-public-sources").getByRole("link").click();
    await expect(page).toHaveURL(/\/editions\/public-sources$/);
    await expect(page.getByTestId("change-totals")).toContainText("added");
    await page.getByLabel("Indicator").selectOption("park_count");
    await page.getByLabel("Geography").selectOption("CN");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/\/editions\/public-sources\?indicator=park_count&geo=CN$/);
    await expect(page.getByText(/Added \(\d+ matching the filter\)/)).toBeVisible();
    const added = page.getByTestId("changes-added");
    await expect(added).toContainText("National high-tech zones");
    await expect(added).toContainText("zones");
    await expect(added.locator("tbody tr")).not.toHaveCount(0);
    const rows = await added.locator("tbody tr").count();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download CSV/ }).click()]);
    const lines = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe("change,indicator,year,level,geo_code,geo_name,old,new,unit,pct_change");
    expect(lines).toHaveLength(rows + 1);
    expect(lines.slice(1).every((line) => line.startsWith("added,park_count,") && line.includes(",nation,CN,China (national),,") && line.includes(",zones,"))).toBe(true);
  });

  test("an unknown edition is a friendly 404", async ({ page }) => {
    const response = await page.goto("/editions/no-such-edition");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No such edition" })).toBeVisible();
    await expect(page.getByRole("link", { name: "See every published edition" })).toBeVisible();
  });
});

test.describe("API docs", () => {
  test("the docs page renders every endpoint, and its curl example answers 200 JSON", async ({ page, request }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "API", exact: true }).click();
    await expect(page).toHaveURL(/\/api\/docs$/);
    await expect(page.getByRole("heading", { name: "API", level: 1 })).toBeVisible();
    for (const id of ["getSeries", "getMeta", "getHealth", "getPreviewImage", "getEditionChanges"]) {
      await expect(page.getByTestId(`endpoint-${id}`)).toBeVisible();
    }
    await expect(page.getByTestId("endpoint-getSeries").getByTestId("param-view")).toContainText("trend | compare | map | table");
    await expect(page.getByTestId("error-shape")).toContainText('"parameter": "view"');
    const curl = await page.getByTestId("example-curl").textContent();
    const url = curl!.match(/^curl '([^']+)'$/)![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3101\/api\/v1\/series\?/);
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    const body = (await response.json()) as { rows: unknown[]; unit: { unit: string } };
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.unit.unit).toBe("CNY");
    const csv = await request.get(`${url}&format=csv`);
    expect(csv.status()).toBe(200);
    const document = await request.get("/api/v1/openapi.json");
    expect(await document.json()).toMatchObject({ openapi: "3.1.0", paths: { "/api/v1/series": {}, "/og": {} } });
  });
});
