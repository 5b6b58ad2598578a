import { describe, expect, it } from "vitest";
import { clientAddressOf, WindowRateLimit } from "@/lib/server/rate-limit";

describe("WindowRateLimit", () => {
  it("allows `limit` events per key and window, then 429 with the wait; a new window starts afresh", () => {
    let now = 1_000_000;
    const limit = new WindowRateLimit(3, 60_000, 100, () => now);
    for (let i = 0; i < 3; i++) limit.hit("a", "things");
    expect(() => limit.hit("a", "things")).toThrow(
      expect.objectContaining({ code: "TOO_MANY_REQUESTS", status: 429, details: { retryAfter: 60 } }),
    );
    limit.hit("b", "things"); // another key is counted apart
    now += 45_000;
    expect(() => limit.hit("a", "things")).toThrow(/Wait 15 seconds/);
    now += 15_000;
    expect(() => limit.hit("a", "things")).not.toThrow();
  });
});

describe("clientAddressOf", () => {
  it("reads the first X-Forwarded-For address the server pinned", () => {
    expect(clientAddressOf(new Request("http://x/", { headers: { "x-forwarded-for": "203.0.113.9, 10.0.0.1" } }))).toBe(
      "203.0.113.9",
    );
    expect(clientAddressOf(new Request("http://x/"))).toBe("unknown");
  });
});
