import { describe, expect, it } from "vitest";
import { clientAddressOf } from "@/lib/server/rate-limit";

// WindowRateLimit itself keeps its counts in the database: tests/rate-limit.int.test.ts.

describe("clientAddressOf", () => {
  it("reads the first X-Forwarded-For address the server pinned", () => {
    expect(clientAddressOf(new Request("http://x/", { headers: { "x-forwarded-for": "203.0.113.9, 10.0.0.1" } }))).toBe(
      "203.0.113.9",
    );
    expect(clientAddressOf(new Request("http://x/"))).toBe("unknown");
  });
});
