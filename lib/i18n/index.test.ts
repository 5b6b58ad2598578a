import { describe, expect, it } from "vitest";
import { appDictionary } from "@/lib/i18n/app-dictionary";

describe("the revision banner's words", () => {
  const en = appDictionary("en").revisionsBanner;
  const zh = appDictionary("zh").revisionsBanner;

  it("say what changed, in English and Chinese", () => {
    expect(en({ edition: "Torch Yearbook 2020", revised: 12, added: 0, otherEditions: 0 })).toBe(
      "Newer data: the Torch Yearbook 2020 edition revised 12 of these figures.",
    );
    expect(en({ edition: "T", revised: 1, added: 3, otherEditions: 1 })).toBe(
      "Newer data: the T edition and 1 other revised 1 of these figures and added 3 figures.",
    );
    expect(en({ edition: "T", revised: 0, added: 1, otherEditions: 2 })).toBe(
      "Newer data: the T edition and 2 others added 1 figure.",
    );
    expect(zh({ edition: "火炬年鉴 2020", revised: 12, added: 2, otherEditions: 0 })).toBe(
      "有更新的数据：“火炬年鉴 2020”版本修订了其中 12 个数值，并新增了 2 个数值。",
    );
  });
});

/** Every leaf of a dictionary as "path: kind", kind being "text" or "function". */
function leaves(value: unknown, path = ""): string[] {
  if (typeof value === "function") return [`${path}: function`];
  if (typeof value === "string") return [`${path}: text`];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

/** The paths of texts that are empty or only spaces. */
function emptyTexts(value: unknown, path = ""): string[] {
  if (typeof value === "string") return value.trim() ? [] : [path];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => emptyTexts(child, path ? `${path}.${key}` : key));
}

describe("the dictionary", () => {
  it("has the same keys in English and Chinese, texts where texts are and functions where functions are", () => {
    expect(leaves(appDictionary("zh")).sort()).toEqual(leaves(appDictionary("en")).sort());
    expect(leaves(appDictionary("en")).length).toBeGreaterThan(300);
  });

  it("has no empty text in either language", () => {
    expect(emptyTexts(appDictionary("en"))).toEqual([]);
    expect(emptyTexts(appDictionary("zh"))).toEqual([]);
  });

  it("covers the admin area and the reader pages in Chinese", () => {
    const zh = appDictionary("zh");
    expect(zh.admin.statuses).toEqual({ DRAFT: "草稿", PUBLISHED: "已发布", RETIRED: "已撤回" });
    expect(zh.admin.report.errors(3)).toBe("3 个错误");
    expect(appDictionary("en").admin.report.errors(1)).toBe("1 error");
    expect(zh.admin.audit.events["edition.published"]).toBe("发布版本");
    expect(zh.pages.editions.title).toBe("数据版本");
  });
});
