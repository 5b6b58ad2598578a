import { describe, expect, it } from "vitest";
import { hasRole, ZNewUser } from "@/lib/users";

describe("roles", () => {
  it("lets admins do what editors do, not the other way round", () => {
    expect(hasRole("admin", "admin")).toBe(true);
    expect(hasRole("admin", "editor")).toBe(true);
    expect(hasRole("editor", "editor")).toBe(true);
    expect(hasRole("editor", "admin")).toBe(false);
  });
});

describe("a new user", () => {
  it("gets a lower-case email and the editor role by default", () => {
    expect(ZNewUser.parse({ email: "  Ada@Example.ORG ", password: "twelve chars" })).toEqual({
      email: "ada@example.org",
      role: "editor",
      password: "twelve chars",
    });
  });

  it.each([
    [{ email: "ada@example.org", password: "eleven char" }, "The password is too weak: use at least 12 characters"],
    [{ email: "ada@example.org", password: "x".repeat(129) }, "The password is too long: use at most 128 characters"],
    [{ email: "ada", password: "twelve chars" }, "Enter a valid email address"],
    [{ email: "ada@example.org", password: "twelve chars", role: "owner" }, "Role must be admin or editor"],
  ])("refuses %j", (input, message) => {
    const result = ZNewUser.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
