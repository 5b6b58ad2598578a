import { describe, expect, it } from "vitest";
import { langFrom, withLang } from "@/lib/i18n/lang";

describe("withLang", () => {
  it("adds lang=zh for Chinese and keeps the rest of the query and the hash", () => {
    expect(withLang("/admin/editions", "zh")).toBe("/admin/editions?lang=zh");
    expect(withLang("/admin/audit?page=2", "zh")).toBe("/admin/audit?page=2&lang=zh");
    expect(withLang("/editions/x?indicator=revenue#added", "zh")).toBe("/editions/x?indicator=revenue&lang=zh#added");
  });

  it("removes lang for English, leaving no empty query", () => {
    expect(withLang("/admin?lang=zh", "en")).toBe("/admin");
    expect(withLang("/admin/audit?lang=zh&page=3", "en")).toBe("/admin/audit?page=3");
    expect(withLang("/admin/editions", "en")).toBe("/admin/editions");
  });

  it("never writes lang twice", () => {
    expect(withLang("/admin?lang=zh", "zh")).toBe("/admin?lang=zh");
  });
});

describe("langFrom", () => {
  it("reads zh only from lang=zh", () => {
    expect(langFrom({ lang: "zh" })).toBe("zh");
    expect(langFrom({ lang: ["zh", "en"] })).toBe("zh");
    expect(langFrom({ lang: "fr" })).toBe("en");
    expect(langFrom({})).toBe("en");
    expect(langFrom(new URLSearchParams("lang=zh"))).toBe("zh");
  });
});
