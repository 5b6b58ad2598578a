import { describe, expect, it } from "vitest";
import { createGeoResolver, parseGeoLevel } from "@/lib/ingest/aliases";
import { seedIngestReference } from "@/lib/ingest/test-reference";
import type { GeoLevel, IngestReference } from "@/lib/ingest/types";

const reference = seedIngestReference();
const resolver = createGeoResolver(reference);

function resolved(text: string, level?: GeoLevel | null): string {
  const result = resolver.resolve(text, { level });
  return result.kind === "found" ? `${result.match.level}:${result.match.code}` : result.kind;
}

const slugOf = (nameZh: string) => reference.parks.find((p) => p.nameZh === nameZh)!.slug;

describe("geography aliases", () => {
  it.each([
    // adcodes and the nation
    ["110000", "PROVINCE:110000"],
    ["CN", "NATION:CN"],
    ["全国", "NATION:CN"],
    ["合计", "NATION:CN"],
    ["总 计", "NATION:CN"],
    ["Total", "NATION:CN"],
    ["national total", "NATION:CN"],
    // regions
    ["eastern", "REGION:eastern"],
    ["东部", "REGION:eastern"],
    ["东部地区", "REGION:eastern"],
    ["Eastern Region", "REGION:eastern"],
    ["东北", "REGION:northeastern"],
    ["North-east", "REGION:northeastern"],
    // provinces: English, Chinese full and short, padded, full-width, case
    ["Beijing", "PROVINCE:110000"],
    ["北京市", "PROVINCE:110000"],
    ["北京", "PROVINCE:110000"],
    ["北　　京", "PROVINCE:110000"],
    ["ＢＥＩＪＩＮＧ", "PROVINCE:110000"],
    ["  beijing municipality ", "PROVINCE:110000"],
    ["Inner Mongolia", "PROVINCE:150000"],
    ["Inner Mongolia Autonomous Region", "PROVINCE:150000"],
    ["内蒙古自治区", "PROVINCE:150000"],
    ["内蒙古", "PROVINCE:150000"],
    ["Nei Mongol", "PROVINCE:150000"],
    ["广西壮族自治区", "PROVINCE:450000"],
    ["Guangxi Zhuang Autonomous Region", "PROVINCE:450000"],
    ["Xinjiang Uygur Autonomous Region", "PROVINCE:650000"],
    ["新疆维吾尔自治区", "PROVINCE:650000"],
    ["Tibet", "PROVINCE:540000"],
    ["Xizang", "PROVINCE:540000"],
    ["Hebei Province", "PROVINCE:130000"],
    ["河北省", "PROVINCE:130000"],
    // Shanxi and Shaanxi stay apart
    ["Shanxi", "PROVINCE:140000"],
    ["Shaanxi", "PROVINCE:610000"],
    ["陕西", "PROVINCE:610000"],
    // bilingual labels, as the yearbook prints them
    ["北 京 Beijing", "PROVINCE:110000"],
    ["内蒙古 Inner Mongolia", "PROVINCE:150000"],
    ["全 国 National Total", "NATION:CN"],
    ["东 部\nEastern", "REGION:eastern"],
    // "of which" marks
    ["#北京", "PROVINCE:110000"],
    ["其中：东部", "REGION:eastern"],
    // not places
    ["Hong Kong", "unknown"],
    ["新疆兵团", "unknown"],
    ["", "unknown"],
  ])("%s → %s", (text, expected) => {
    expect(resolved(text)).toBe(expected);
  });

  it("resolves zones by full name, name without the suffix, today's name and brand names", () => {
    const wuhan = slugOf("武汉高新技术产业开发区（1991批）");
    const beijing = slugOf("北京市新技术产业开发试验区（今中关村科技园区）");
    const yangling = slugOf("杨凌农业高新技术产业示范区");
    expect(resolved("武汉高新技术产业开发区（1991批）", "PARK")).toBe(`PARK:${wuhan}`);
    expect(resolved("武汉高新区", "PARK")).toBe(`PARK:${wuhan}`);
    expect(resolved("武汉", "PARK")).toBe(`PARK:${wuhan}`);
    expect(resolved("武汉东湖新技术产业开发区", "PARK")).toBe(`PARK:${wuhan}`);
    expect(resolved("东湖高新区", "PARK")).toBe(`PARK:${wuhan}`);
    expect(resolved("中关村", "PARK")).toBe(`PARK:${beijing}`);
    expect(resolved("中关村科技园区", "PARK")).toBe(`PARK:${beijing}`);
    expect(resolved("杨凌", "PARK")).toBe(`PARK:${yangling}`);
    expect(resolved(wuhan, "PARK")).toBe(`PARK:${wuhan}`);
    expect(resolved("Wuhan National High-tech Zone", "PARK")).toBe(`PARK:${wuhan}`);
  });

  it("resolves zones by their readable codes, English names and legacy hash codes", () => {
    const expectations: [string, string][] = [
      ["wuhan-east-lake", "wuhan-east-lake"],
      ["Wuhan East Lake High-tech Zone", "wuhan-east-lake"],
      ["Wuhan", "wuhan-east-lake"],
      ["zone-0cfe4bba", "wuhan-east-lake"],
      ["Zhongguancun Science Park", "zhongguancun"],
      ["Zhongguancun", "zhongguancun"],
      ["zone-64986c59", "zhongguancun"],
      ["Kunshan High-tech Zone", "kunshan"],
      ["KUNSHAN", "kunshan"],
      ["Ma'anshan Cihu High-tech Zone", "maanshan-cihu"],
      ["Yangling Agricultural High-tech Demonstration Zone", "yangling"],
      ["Taizhou Medical High-tech Zone", "taizhou"],
      ["Xiangyang High-tech Zone", "xiangyang"],
    ];
    for (const [text, code] of expectations) expect(resolved(text, "PARK"), text).toBe(`PARK:${code}`);
    // A place name that is also a province stays the province unless zones come first.
    expect(resolved("Jilin")).toBe("PROVINCE:220000");
    expect(resolved("Jilin", "PARK")).toBe("PARK:jilin-high-tech");
  });

  it("resolves every zone's code and English name to the zone even without a level (as compact uploads give them)", () => {
    for (const park of reference.parks) {
      expect(resolved(park.slug), park.slug).toBe(`PARK:${park.slug}`);
      expect(resolved(park.nameEn!), park.nameEn!).toBe(`PARK:${park.slug}`);
    }
  });

  it("prefers the province for a bare city-province name unless zones come first", () => {
    expect(resolved("北京")).toBe("PROVINCE:110000");
    const zoneFirst = resolver.resolve("北京", { order: ["NATION", "REGION", "PARK", "PROVINCE"] });
    expect(zoneFirst).toEqual({
      kind: "found",
      match: { level: "PARK", code: slugOf("北京市新技术产业开发试验区（今中关村科技园区）") },
    });
  });

  it("says when a place is of another level than the row claims", () => {
    expect(resolver.resolve("北京", { level: "REGION" })).toEqual({
      kind: "wrong_level",
      match: { level: "PROVINCE", code: "110000" },
    });
    expect(resolver.resolve("东部", { level: "PROVINCE" })).toEqual({
      kind: "wrong_level",
      match: { level: "REGION", code: "eastern" },
    });
  });

  it("reports a name two zones share as ambiguous", () => {
    const tiny: Pick<IngestReference, "regions" | "provinces" | "parks"> = {
      regions: [],
      provinces: [],
      parks: [
        { slug: "jilin", nameZh: "吉林高新技术产业开发区", nameEn: null, provinceAdcode: 220000 },
        { slug: "jilin-north", nameZh: "吉林高新区（北区）", nameEn: null, provinceAdcode: 220000 },
      ],
    };
    const result = createGeoResolver(tiny).resolve("吉林", { level: "PARK" });
    expect(result.kind).toBe("ambiguous");
    expect(result.kind === "ambiguous" && result.candidates.map((c) => c.code)).toEqual(["jilin", "jilin-north"]);
    // The full name is still unambiguous.
    expect(createGeoResolver(tiny).resolve("吉林高新区（北区）", { level: "PARK" })).toEqual({
      kind: "found",
      match: { level: "PARK", code: "jilin-north" },
    });
  });
});

describe("parseGeoLevel", () => {
  it.each([
    ["national", "NATION"],
    ["Nation", "NATION"],
    ["全国", "NATION"],
    ["region", "REGION"],
    ["地区", "REGION"],
    ["province", "PROVINCE"],
    ["省份", "PROVINCE"],
    ["Province level", "PROVINCE"],
    ["zone", "PARK"],
    ["park", "PARK"],
    ["园区", "PARK"],
    ["PARK", "PARK"],
    ["county", null],
  ])("%s → %s", (text, expected) => {
    expect(parseGeoLevel(text)).toBe(expected);
  });
});
