import { describe, expect, it } from "vitest";
import { makeViewRow } from "@/lib/testing/view-row";
import type { Catalogue, ViewRow } from "@/lib/view-data";
import { rankZones, zoneLocations } from "@/lib/zone-ranking";

const zone = (geoCode: string, year: number, value: number, flags: Partial<ViewRow> = {}) => makeViewRow({ geoCode, year, value, ...flags });
const ZONES = ["zhongguancun", "shenzhen", "chengdu", "xian", "wuhan-east-lake", "hefei"];

describe("rankZones", () => {
  it("ranks within each year, largest first; equal figures share a rank and the next one skips", () => {
    const rows = [
      zone("shenzhen", 2020, 2069),
      zone("zhongguancun", 2020, 7200),
      zone("chengdu", 2020, 2069),
      zone("xian", 2020, 1270),
      zone("xian", 2015, 1270),
      zone("hefei", 2015, 1270),
    ];
    const { rankOf } = rankZones(rows, ZONES);
    expect(rows.map(rankOf)).toEqual([2, 1, 2, 4, 1, 1]);
  });

  it("leaves zones without a figure unranked and counts them per year", () => {
    const rows = [zone("zhongguancun", 2020, 7200), zone("shenzhen", 2020, Number.NaN), zone("xian", 2015, 1270)];
    const { rankOf, unranked } = rankZones(rows, ZONES);
    expect(rankOf(rows[0]!)).toBe(1);
    expect(rankOf(rows[1]!)).toBeNull();
    expect(unranked).toEqual([
      { year: 2015, count: 5, of: 6 },
      { year: 2020, count: 5, of: 6 },
    ]);
    // Among the zones selected only.
    expect(rankZones(rows, ["zhongguancun", "shenzhen"]).unranked.find((y) => y.year === 2020)).toEqual({ year: 2020, count: 1, of: 2 });
  });

  it("ranks a lower bound at its figure, and never the 'not attributed' row", () => {
    const rows = [zone("chengdu", 2020, 2400, { isLowerBound: true }), zone("shenzhen", 2020, 7853), zone("unattributed", 2020, 9999, { isRemainder: true })];
    expect(rows.map(rankZones(rows, ZONES).rankOf)).toEqual([2, 1, null]);
  });
});

describe("zoneLocations", () => {
  const catalogue = {
    regions: [{ code: "eastern", nameEn: "Eastern", nameZh: "东部" }],
    provinces: [{ code: "110000", nameEn: "Beijing", nameZh: "北京市", nameZhShort: "北京", regionCode: "eastern" }],
    parks: [{ code: "zhongguancun", nameEn: "Zhongguancun", nameZh: "中关村", provinceCode: "110000", approvedOn: null }],
  } as unknown as Catalogue;

  it("names each zone's province and region in the language", () => {
    expect(zoneLocations(catalogue, "en").get("zhongguancun")).toEqual({ province: "Beijing", region: "Eastern" });
    expect(zoneLocations(catalogue, "zh").get("zhongguancun")).toEqual({ province: "北京", region: "东部" });
  });
});
