import { describe, expect, it } from "vitest";
import { chooseLineUnit, findUnitLine } from "@/lib/ingest/unit-line";
import { toCanonical } from "@/lib/units";

const unitsOf = (text: string, where: "start" | "anywhere" = "start") =>
  findUnitLine(text, where)?.units.map((item) => item.unit) ?? null;

describe("findUnitLine", () => {
  it.each([
    ["单位：千元", ["千元"]],
    ["计量单位：万元", ["万元"]],
    ["单位: 亿元", ["亿元"]],
    ["单位：个、千元、千美元", ["个", "千元", "千美元"]],
    ["（单位：千元）", ["千元"]],
    ["Unit: 10,000 yuan", ["CNY 10k"]],
    ["Units: CNY thousand, USD thousand", ["CNY thousand", "USD thousand"]],
    ["单位：千元 Unit: CNY thousand", ["千元", "CNY thousand"]],
    ["单位：人；万元", ["人", "万元"]],
    ["ＵＮＩＴ：ｙｕａｎ", ["CNY"]],
    ["金额单位：千元", ["千元"]],
  ])("%s → %j", (text, expected) => {
    expect(unitsOf(text)).toEqual(expected);
  });

  it("finds a unit line at the end of a title only when asked to look anywhere", () => {
    const title = "2019年国家高新区主要经济指标　单位：亿元";
    expect(unitsOf(title)).toBeNull();
    expect(unitsOf(title, "anywhere")).toEqual(["亿元"]);
    expect(findUnitLine(title, "anywhere")?.text).toBe("单位：亿元");
    expect(findUnitLine("（单位：千元）")?.text).toBe("单位：千元");
  });

  it("is no unit line in a header that carries its own unit, nor in a title without one", () => {
    expect(findUnitLine("营业收入（单位：千元）")).toBeNull();
    expect(findUnitLine("2019年国家高新区主要经济指标", "anywhere")).toBeNull();
    expect(findUnitLine("单位")).toBeNull();
    expect(findUnitLine("单位：")).toBeNull();
  });

  it("keeps the parts that are no unit, for the message", () => {
    expect(findUnitLine("单位：斤、千元")).toMatchObject({ units: [{ unit: "千元" }], unknown: ["斤"] });
  });

  it("resolves to units toCanonical converts with the right factor", () => {
    expect(toCanonical(3, unitsOf("Unit: 10,000 yuan")![0]!, "CNY")).toBe(30_000);
    expect(toCanonical(7, unitsOf("单位：个、千元、千美元")![2]!, "USD")).toBe(7000);
  });
});

describe("chooseLineUnit", () => {
  const list = findUnitLine("单位：个、千元、千美元")!;

  it("gives each kind of column its unit from a list", () => {
    expect(chooseLineUnit(list, ["zones"])).toMatchObject({ kind: "unit", item: { unit: "个" } });
    expect(chooseLineUnit(list, ["firms"])).toMatchObject({ kind: "unit", item: { unit: "个" } });
    expect(chooseLineUnit(list, ["CNY"])).toMatchObject({ kind: "unit", item: { unit: "千元" } });
    expect(chooseLineUnit(list, ["USD", "CNY"])).toMatchObject({ kind: "unit", item: { unit: "千美元" } });
    expect(chooseLineUnit(list, ["persons"])).toEqual({ kind: "none" });
    expect(chooseLineUnit(list, ["percent"])).toEqual({ kind: "none" });
  });

  it("falls back to the next kind: exports with only a yuan unit are yuan", () => {
    expect(chooseLineUnit(findUnitLine("单位：万元")!, ["USD", "CNY"])).toMatchObject({
      kind: "unit",
      item: { unit: "万元" },
    });
  });

  it("takes the indicator's own count unit among several of one size", () => {
    const counts = findUnitLine("单位：个、家、人、千元")!;
    expect(chooseLineUnit(counts, ["zones"])).toMatchObject({ kind: "unit", item: { unit: "个" } });
    expect(chooseLineUnit(counts, ["firms"])).toMatchObject({ kind: "unit", item: { unit: "家" } });
    expect(chooseLineUnit(counts, ["persons"])).toMatchObject({ kind: "unit", item: { unit: "人" } });
  });

  it("is ambiguous with two yuan units of different sizes", () => {
    expect(chooseLineUnit(findUnitLine("单位：千元、万元")!, ["CNY"])).toMatchObject({
      kind: "ambiguous",
      canonical: "CNY",
      items: [{ unit: "千元" }, { unit: "万元" }],
    });
    expect(chooseLineUnit(findUnitLine("单位：千元 Unit: CNY thousand")!, ["CNY"])).toMatchObject({ kind: "unit" });
  });
});
