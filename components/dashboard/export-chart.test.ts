import { describe, expect, it } from "vitest";
import { wrapCaptionLine } from "./export-chart";

describe("wrapCaptionLine", () => {
  it("keeps a line that fits as it is", () => {
    expect(wrapCaptionLine("Editions: public-sources", 600)).toEqual(["Editions: public-sources"]);
  });

  it("breaks a long line at spaces, losing no word", () => {
    const source = "Source: MacroPolo, Torchbearer (2019), citing China Torch Statistical Yearbook and MOST | Xinhua 2018-07-17";
    const lines = wrapCaptionLine(source, 300);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(source);
    for (const line of lines) expect(line).toBe(line.trim());
  });

  it("breaks Chinese text anywhere, each character about twice a letter's width", () => {
    const text = "来源：中国火炬统计年鉴、科技部新闻发布会、各省科技厅公告";
    const lines = wrapCaptionLine(text, 120);
    expect(lines.join("")).toBe(text);
    expect(lines.every((line) => [...line].length <= 10)).toBe(true);
  });
});
