import { describe, expect, it } from "vitest";
import { LruCache } from "@/lib/server/lru-cache";

describe("LruCache", () => {
  it("keeps the most recently used entries up to its capacity", () => {
    const cache = new LruCache<number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // a is now the most recent
    cache.set("c", 3); // evicts b
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
  });
});
