import { describe, expect, it } from "vitest";
import { generateShortCode, isShortCode, SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from "@/lib/short-code";

describe("generateShortCode", () => {
  it("uses 9 symbols of base62 without look-alikes", () => {
    expect(SHORT_CODE_LENGTH).toBeGreaterThanOrEqual(8);
    expect(SHORT_CODE_LENGTH).toBeLessThanOrEqual(10);
    expect(SHORT_CODE_ALPHABET).toHaveLength(56);
    expect(new Set(SHORT_CODE_ALPHABET).size).toBe(56);
    for (const lookAlike of "0Oo1lI") expect(SHORT_CODE_ALPHABET).not.toContain(lookAlike);
    for (let i = 0; i < 1000; i++) {
      const code = generateShortCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Za-km-z]{9}$/);
      expect(isShortCode(code)).toBe(true);
    }
  });

  it("never repeats over many codes and uses every symbol about equally", () => {
    const codes = Array.from({ length: 50_000 }, () => generateShortCode());
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const symbol of codes.join("")) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    expect(counts.size).toBe(56);
    const expected = (codes.length * SHORT_CODE_LENGTH) / 56;
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.1);
  });

  it("skips bytes that would bias the modulo", () => {
    // 224..255 are rejected; 0 maps to "2", 55 to "z", 56 wraps to "2" again.
    const bytes = [255, 224, 0, 55, 56, 1, 2, 3, 4, 5, 6];
    const code = generateShortCode((n) => new Uint8Array(Array.from({ length: n }, (_, i) => bytes[i] ?? 7)));
    expect(code).toBe("2z2345678");
  });
});

describe("isShortCode", () => {
  it("refuses anything that isn't a code, before the database is asked", () => {
    for (const bad of ["", "abc", "ABCDEFGH0", "abcdefghij", "../etc/pa", "abcdefgh ", "ÄBCDEFGHJ"])
      expect(isShortCode(bad), bad).toBe(false);
  });
});
