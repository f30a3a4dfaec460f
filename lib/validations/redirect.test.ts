import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

describe("safeRedirectPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirectPath("/w/team/r/abc?version=2#p-12")).toBe("/w/team/r/abc?version=2#p-12");
    expect(safeRedirectPath("/")).toBe("/");
    expect(safeRedirectPath("/settings")).toBe("/settings");
  });

  it.each([
    ["protocol-relative", "//evil.example/x"],
    ["backslash after the slash (/%5C decoded)", "/\\evil.example/x"],
    ["two backslashes", "/\\\\evil.example/x"],
    ["a tab between the slashes (/%09/ decoded)", "/\t/evil.example/x"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["absolute URL", "https://evil.example/x"],
    ["javascript: scheme", "javascript:alert(1)"],
    ["data: scheme", "data:text/html,<script>alert(1)</script>"],
    ["no leading slash", "evil.example"],
    ["empty", ""],
    ["NUL", "/\u0000/evil.example"],
  ])("sends %s to /", (_name, target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });

  it("sends what is not a string to /", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(["/a", "/b"])).toBe("/");
    expect(safeRedirectPath(null)).toBe("/");
  });

  it("keeps an encoded backslash inside a path as the path it is (it names no host)", () => {
    expect(safeRedirectPath("/%5Cevil.example/x")).toBe("/%5Cevil.example/x");
  });
});
