import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import legacyZoneCodes from "@/lib/legacy-zone-codes.json";
import { indexZoneCodes, legacyParkSlug, readParks, readProvinces, REGIONS } from "@/lib/server/seed/reference-data";
import { migrateLegacyParams } from "@/lib/view-state-migrations";

// Zone codes are in URLs and the API: readable, unique, and stable. The
// registry's zones get theirs from prisma/seed/data/zone_codes.csv.

const parks = readParks();
const codeOf = (nameZh: string) => parks.find((p) => p.nameZh === nameZh)?.slug;

describe("zone codes (zone_codes.csv)", () => {
  it("gives every registry zone a unique lowercase ASCII code and an English name", () => {
    expect(parks).toHaveLength(127);
    for (const park of parks) {
      expect(park.slug, park.nameZh).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(park.nameEn, park.nameZh).toMatch(
        /^[A-Z][A-Za-z' -]+ (High-tech|Demonstration) Zone$|^Zhongguancun Science Park$/,
      );
    }
    expect(new Set(parks.map((p) => p.slug)).size).toBe(parks.length);
    expect(new Set(parks.map((p) => p.nameEn)).size).toBe(parks.length);
  });

  it.each([
    ["北京市新技术产业开发试验区（今中关村科技园区）", "zhongguancun", "Zhongguancun Science Park"],
    ["深圳高新技术产业开发区（1991批）", "shenzhen", "Shenzhen High-tech Zone"],
    ["武汉高新技术产业开发区（1991批）", "wuhan-east-lake", "Wuhan East Lake High-tech Zone"],
    ["上海高新技术产业开发区（1991批）", "shanghai-zhangjiang", "Shanghai Zhangjiang High-tech Zone"],
    ["昆山高新技术产业开发区", "kunshan", "Kunshan High-tech Zone"],
    ["马鞍山慈湖高新技术产业开发区", "maanshan-cihu", "Ma'anshan Cihu High-tech Zone"],
    ["襄樊高新技术产业开发区（1992批）", "xiangyang", "Xiangyang High-tech Zone"],
    ["杨凌农业高新技术产业示范区", "yangling", "Yangling Agricultural High-tech Demonstration Zone"],
    // Characters with more than one reading
    ["长沙高新技术产业开发区（1991批）", "changsha", "Changsha High-tech Zone"],
    ["重庆高新技术产业开发区（1991批）", "chongqing-high-tech", "Chongqing High-tech Zone"],
    ["蚌埠高新技术产业开发区", "bengbu", "Bengbu High-tech Zone"],
    ["厦门高新技术产业开发区（1991批）", "xiamen", "Xiamen High-tech Zone"],
  ])("%s → %s", (nameZh, code, nameEn) => {
    const park = parks.find((p) => p.nameZh === nameZh);
    expect(park?.slug).toBe(code);
    expect(park?.nameEn).toBe(nameEn);
  });

  it("never reads as a province or region: a zone named after one gets -high-tech", () => {
    const otherCodes = new Set([...readProvinces().map((p) => p.slug), ...REGIONS.map((r) => r.code)]);
    expect(parks.filter((p) => otherCodes.has(p.slug)).map((p) => p.slug)).toEqual([]);
    expect(parks.filter((p) => p.slug.endsWith("-high-tech")).map((p) => p.slug)).toEqual([
      "chongqing-high-tech",
      "jilin-high-tech",
      "qinghai-high-tech",
    ]);
  });

  it("keeps the registry's Chinese names", () => {
    expect(codeOf("武汉高新技术产业开发区（1991批）")).toBe("wuhan-east-lake");
    expect(parks.find((p) => p.slug === "kunshan")).toMatchObject({
      nameZh: "昆山高新技术产业开发区",
      cityZh: "苏州市（昆山市）",
    });
  });

  it("fails loudly when a zone has no code, a code repeats or a row names no zone", () => {
    const row = (name_zh: string, code: string) => ({ name_zh, code, name_en: `${code} High-tech Zone` });
    expect(() => indexZoneCodes([row("甲", "a")], ["甲", "乙"])).toThrow(/registry zone 乙 has no code/);
    expect(() => indexZoneCodes([row("甲", "a"), row("乙", "a")], ["甲", "乙"])).toThrow(/code a is used twice/);
    expect(() => indexZoneCodes([row("甲", "a"), row("丙", "c")], ["甲"])).toThrow(/丙 is not a registry zone/);
    expect(indexZoneCodes([row("甲", "a")], ["甲"]).get("甲")).toEqual({ code: "a", nameEn: "a High-tech Zone" });
  });
});

describe("legacy zone codes (lib/legacy-zone-codes.json)", () => {
  const legacy: Record<string, string> = legacyZoneCodes;

  it("holds the hash code of every registry zone and maps it to the zone's code", () => {
    const expected = Object.fromEntries(
      parks.map((p) => [`zone-${createHash("sha256").update(p.nameZh).digest("hex").slice(0, 8)}`, p.slug]),
    );
    expect(legacy).toEqual(expected);
    expect(legacyParkSlug("北京市新技术产业开发试验区（今中关村科技园区）")).toBe("zone-64986c59");
  });

  it("migrates each legacy code in a link to its zone's code", () => {
    for (const park of parks) {
      const { params, applied } = migrateLegacyParams(
        new URLSearchParams(`level=park&geo=${legacyParkSlug(park.nameZh)}`),
      );
      expect(params.get("geo"), park.nameZh).toBe(park.slug);
      expect(applied).toEqual([`geo=${legacyParkSlug(park.nameZh)} → geo=${park.slug}`]);
    }
    const { params } = migrateLegacyParams(new URLSearchParams("geo=zone-64986c59, zone-0cfe4bba,shenzhen"));
    expect(params.get("geo")).toBe("zhongguancun,wuhan-east-lake,shenzhen");
  });
});
