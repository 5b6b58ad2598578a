import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./csp";

describe("content security policy", () => {
  it("lets a page run only the scripts carrying its nonce, and nothing frame it", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", pathname: "/" });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("lets any site frame /embed, and only /embed", () => {
    expect(contentSecurityPolicy({ nonce: "n", pathname: "/embed" })).toContain("frame-ancestors *");
    expect(securityHeaders({ nonce: "n", pathname: "/embed" })["X-Frame-Options"]).toBeUndefined();
    for (const pathname of ["/embed/x", "/embedded", "/editions", "/api/v1/series"]) {
      expect(securityHeaders({ pathname })["X-Frame-Options"]).toBe("DENY");
      expect(securityHeaders({ pathname })["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    }
  });

  it("lets a response that is not a page load nothing", () => {
    expect(contentSecurityPolicy({ pathname: "/api/v1/series" })).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", pathname: "/", isDevelopment: true })).toContain("'unsafe-eval'");
  });

  it("makes a fresh nonce every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
