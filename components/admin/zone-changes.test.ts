import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TLang } from "@/lib/view-state";
import type { TParkChangeView } from "@/lib/zone-changes";
import { ZoneChanges } from "./zone-changes";

const CHANGES: TParkChangeView[] = [
  {
    slug: "huaihua",
    kind: "ADD",
    nameZh: "怀化高新区",
    nameEn: "Huaihua High-tech Zone",
    sheet: "2018",
    row: 4,
    fields: [{ field: "provinceAdcode", old: null, new: 430000 }],
    isInRegistry: false,
  },
  {
    slug: "nanjing",
    kind: "UPDATE",
    nameZh: "南京高新技术产业开发区",
    nameEn: "Nanjing High-tech Zone",
    sheet: null,
    row: 3,
    fields: [{ field: "approvedOn", old: "1991-03", new: "1991-03-06" }],
    isInRegistry: false,
  },
];

const render = (lang: TLang, status: "DRAFT" | "PUBLISHED" | "RETIRED" = "DRAFT", changes = CHANGES) =>
  renderToStaticMarkup(
    createElement(ZoneChanges, { changes, status, lang, provinceName: (adcode) => (adcode === 430000 ? (lang === "zh" ? "湖南" : "Hunan") : "?") }),
  );

describe("ZoneChanges", () => {
  it("lists a draft's new zones and corrections, old → new, by name and province", () => {
    const html = render("en");
    expect(html).toContain("adds 1 zone to the registry and corrects 1");
    expect(html).toContain("Huaihua High-tech Zone");
    expect(html).toContain("Hunan");
    expect(html).toContain("<del>1991-03</del> → <ins");
    expect(html).toContain("1991-03-06");
    expect(html).toContain("row 4 of “2018”");
    expect(html).not.toContain("430000");
  });

  it("speaks Chinese, and says what retiring does once published", () => {
    const html = render("zh", "PUBLISHED");
    expect(html).toContain("高新区名录");
    expect(html).toContain("怀化高新区");
    expect(html).toContain("湖南");
    expect(html).toContain("撤回本版将移除这些高新区");
    expect(html).toContain("工作表“2018”第 4 行");
  });

  it("is nothing when the edition leaves the registry alone", () => {
    expect(render("en", "DRAFT", [])).toBe("");
  });
});
