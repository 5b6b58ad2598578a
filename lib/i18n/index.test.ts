import { describe, expect, it } from "vitest";
import { dictionary } from "@/lib/i18n";

describe("the revision banner's words", () => {
  const en = dictionary("en").revisionsBanner;
  const zh = dictionary("zh").revisionsBanner;

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
