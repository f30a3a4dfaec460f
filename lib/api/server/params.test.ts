import { describe, expect, it } from "vitest";
import { errorOf } from "@/lib/testing/error-of";
import { assertIdParams, isDecodablePath } from "./params";

describe("assertIdParams", () => {
  it("lets ids and slugs through", () => {
    expect(() => assertIdParams({ id: "cmwzexd2c0007fp7d518gjgkp", userId: "49486888-9d0c-41ef-beb0-5c1f1b0b4c61" })).not.toThrow();
    expect(() => assertIdParams({ id: "policy-desk" })).not.toThrow();
    expect(() => assertIdParams({})).not.toThrow();
  });

  it("answers 404 not_found to a value no id has, in any parameter", () => {
    for (const id of ["a\u0000b", "%ED%A0%80", "\ud800", "a b", "x".repeat(300), "", "a.b"]) {
      const error = errorOf(() => assertIdParams({ id: "cmwzexd2c0007fp7d518gjgkp", userId: id }));
      expect(error, JSON.stringify(id)).toMatchObject({ code: "not_found", status: 404 });
    }
  });
});

describe("isDecodablePath", () => {
  it("is false for a path with a broken percent escape, whatever the query says", () => {
    expect(isDecodablePath("/api/v1/reports/cmwzexd2c0007fp7d518gjgkp?q=%ED")).toBe(true);
    expect(isDecodablePath("/api/v1/reports/caf%C3%A9")).toBe(true);
    for (const path of ["/api/v1/reports/%ED%A0%80", "/api/v1/reports/%C0", "/api/v1/reports/%zz", "/w/%E2%80"])
      expect(isDecodablePath(path), path).toBe(false);
  });
});
