import { describe, expect, it } from "vitest";
import { assertSameOrigin, safeNextPath } from "@/lib/server/auth/guard";

describe("safeNextPath", () => {
  it.each([
    ["/admin", "/admin"],
    ["/admin/audit?page=2", "/admin/audit?page=2"],
    ["/admin/users", "/admin/users"],
  ])("keeps the admin path %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    "https://evil.example/admin",
    "//evil.example/admin",
    "/\\evil.example",
    "/admin\\..\\evil",
    "/administrator",
    "/",
    "/admin/sign-in?next=/admin",
    "javascript:alert(1)",
    undefined,
    ["/admin"],
  ])("replaces %j with /admin", (next) => {
    expect(safeNextPath(next)).toBe("/admin");
  });
});

describe("assertSameOrigin", () => {
  const post = (headers: Record<string, string>, url?: string) => ({
    method: "POST",
    headers: new Headers(headers),
    url,
  });

  it("lets reads through whatever their origin", () => {
    expect(() =>
      assertSameOrigin({ method: "GET", headers: new Headers({ origin: "https://evil.example" }) }, []),
    ).not.toThrow();
  });

  it("accepts a write from the request's own host, a trusted origin, or a client that sends no origin at all", () => {
    expect(() =>
      assertSameOrigin(post({ host: "atlas.example.org", origin: "https://atlas.example.org" }), []),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(post({ origin: "http://localhost:3000" }, "http://localhost:3000/x"), []),
    ).not.toThrow();
    expect(() =>
      assertSameOrigin(post({ host: "10.0.0.5:3000", origin: "https://cms.example.org" }), ["https://cms.example.org"]),
    ).not.toThrow();
    expect(() => assertSameOrigin(post({ host: "atlas.example.org" }), [])).not.toThrow();
  });

  it.each([
    [{ host: "atlas.example.org", origin: "https://evil.example" }],
    [{ host: "atlas.example.org", origin: "https://atlas.example.org.evil.example" }],
    [{ host: "atlas.example.org", origin: "null" }],
    [{ host: "atlas.example.org", referer: "https://evil.example/form" }],
    [{ host: "atlas.example.org", origin: "https://atlas.example.org", "sec-fetch-site": "cross-site" }],
  ])("refuses a write with %j", (headers) => {
    expect(() => assertSameOrigin(post(headers), [])).toThrow(/came from another site/);
  });
});
