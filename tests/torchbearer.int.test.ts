import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/server/db";
import { migrate } from "@/lib/server/migrate";
import { viewOf } from "./support/view";
import { seedDatabase } from "@/lib/server/seed/seed-database";
import { UNATTRIBUTED, type ViewData, type ViewRow } from "@/lib/view-data";
import { dropTestDatabase, openTestDatabase } from "./support/test-database";

// The four figures of MacroPolo's "Torchbearer" (2019), checked against the
// article's own numbers through the README's permalinks, on both databases.

const FIGURE_1 = "metric=park_count&level=nation&from=1995&to=2017";
const FIGURE_2 =
  "metric=registered_firms&also=exports,exports_share_national,high_tech_enterprises,tax_revenue&view=table&level=nation&from=2017&to=2017";
const FIGURE_3 = "metric=firm_ownership_share&view=table&level=nation&from=2017&to=2017";
const FIGURE_4 = "metric=park_count&view=compare&to=2017";

const view = (db: Database, query: string) => viewOf(db, new URLSearchParams(query));
const valueOf = (rows: ViewRow[], year: number) => rows.find((row) => row.year === year)?.value;
const extraRows = (data: ViewData, metric: string) => data.extra.find((e) => e.metric.code === metric)?.rows ?? [];

describe.each([
  ["PostgreSQL", "postgres"],
  ["PGlite", "embedded"],
] as const)("the Torchbearer figures on %s", (_, kind) => {
  let db: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (kind === "postgres") {
      const opened = await openTestDatabase("torchbearer");
      db = opened.db;
      cleanup = () => dropTestDatabase(opened.url);
    } else {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "torch-torchbearer-"));
      db = await openDatabase({ kind: "embedded", dataDir: path.join(dir, "pglite") });
      cleanup = () => fs.rm(dir, { recursive: true, force: true });
    }
    await migrate(db);
    await seedDatabase(db);
  }, 120_000);

  afterAll(async () => {
    await db.close();
    await cleanup();
  });

  it("Figure 1: 52 zones in 1995, 156 in 2017 (about three-fold), never falling, every year sourced", async () => {
    const data = await view(db, FIGURE_1);
    const rows = [...data.rows].sort((a, b) => a.year - b.year);
    expect(rows.map((row) => row.year)).toEqual(Array.from({ length: 23 }, (_, i) => 1995 + i));
    expect(valueOf(rows, 1995)).toBe(52);
    expect(valueOf(rows, 2017)).toBe(156);
    expect(valueOf(rows, 2017)! / valueOf(rows, 1995)!).toBeCloseTo(3, 0);
    rows.forEach((row, i) => i > 0 && expect(row.value).toBeGreaterThanOrEqual(rows[i - 1]!.value));
    expect(valueOf(rows, 2010)).toBe(83);
    expect(valueOf(rows, 2013)).toBe(114);
    expect(valueOf(rows, 2016)).toBe(146);
    expect(rows.every((row) => !row.isSample && !row.isComputed && !row.isLowerBound && row.source)).toBe(true);
    expect(data.hasSample).toBe(false);
  });

  it("Figure 2: 1.85 million firms, about 49,000 high-tech enterprises, 1.7 trillion yuan of taxes, $478 billion of exports, 20 % of China's", async () => {
    const data = await view(db, FIGURE_2);
    expect(valueOf(data.rows, 2017)).toBe(1_850_000);
    expect(valueOf(extraRows(data, "high_tech_enterprises"), 2017)).toBe(49_000);
    expect(valueOf(extraRows(data, "tax_revenue"), 2017)! / 1e12).toBeCloseTo(1.7, 1);
    expect(valueOf(extraRows(data, "exports"), 2017)).toBe(478e9);
    expect(valueOf(extraRows(data, "exports_share_national"), 2017)).toBe(20);
    expect(data.hasSample).toBe(false);
  });

  it("Figure 3: state-owned firms are 3 % of the zones' firms", async () => {
    const data = await view(db, FIGURE_3);
    const stateOwned = data.rows.find((row) => row.geoCode === "CN:state_owned");
    expect(stateOwned).toMatchObject({ year: 2017, value: 3, isSample: false });
  });

  it("Figure 4: the four regions plus the remainder add up to the national count, the eastern region first", async () => {
    const data = await view(db, FIGURE_4);
    const regions = data.rows.filter((row) => !row.isRemainder);
    const remainder = data.rows.filter((row) => row.isRemainder);
    expect(regions.map((row) => row.geoCode).sort()).toEqual(["central", "eastern", "northeastern", "western"]);
    // The registry lists 127 of 178 zones: each region's sum is only a lower bound, and says so.
    expect(regions.every((row) => row.isLowerBound && row.note?.startsWith("At least"))).toBe(true);
    // The app's own notes come in Chinese too, for the Chinese page.
    expect(regions.every((row) => /^至少：\d+ 个省份中 \d+ 个之和/.test(row.noteZh ?? ""))).toBe(true);
    expect(remainder).toHaveLength(1);
    expect(remainder[0]).toMatchObject({
      geoCode: UNATTRIBUTED,
      geoNameEn: "Not attributed to a region",
      geoNameZh: "未归属地区",
      isLowerBound: false,
      noteZh: expect.stringMatching(/^计算值：全国合计 156（报告值）减去所示 4 个地区之和 \d+/),
    });
    const total = data.rows.reduce((sum, row) => sum + row.value, 0);
    expect(total).toBe(156);
    const largest = [...regions].sort((a, b) => b.value - a.value)[0];
    expect(largest?.geoCode).toBe("eastern");
  });

  it("Figure 4 by province: the provinces and the remainder add up to the national count too", async () => {
    const data = await view(db, "metric=park_count&view=table&level=province&from=2017&to=2017");
    const remainder = data.rows.find((row) => row.isRemainder);
    expect(remainder?.geoNameEn).toBe("Not attributed to a province");
    expect(data.rows.reduce((sum, row) => sum + row.value, 0)).toBe(156);
  });

  it("shows a sum as a total only when its parts are complete", async () => {
    const data = await view(db, "metric=park_count&level=region&from=2010&to=2023");
    const totals = data.rows.filter((row) => row.isComputed && !row.isLowerBound);
    // Only 2020 in the northeast: Liaoning, Jilin and Heilongjiang each have a sourced count (8 + 5 + 3).
    expect(totals.map((row) => [row.geoCode, row.year, row.value])).toEqual([["northeastern", 2020, 16]]);
    expect(totals[0]?.note).toBe("Computed: sum of all 3 provinces");
    expect(totals[0]?.noteZh).toBe("计算值：全部 3 个省份之和");
  });

  it("loads real figures below the national level: the western region's zone counts and named zones", async () => {
    const western = await view(db, "metric=park_count&level=region&geo=western&from=1999&to=2019");
    expect(western.rows.find((row) => row.year === 2019)).toMatchObject({
      value: 39,
      isComputed: false,
      isSample: false,
    });
    const zones = await view(db, "metric=high_tech_enterprises&level=park&from=2020&to=2020");
    expect(zones.rows.length).toBeGreaterThanOrEqual(3);
    expect(zones.rows.every((row) => !row.isSample && row.source)).toBe(true);
    expect(zones.notes).toEqual([]);
  });
});
