import { describe, expect, it } from "vitest";
import { routeOf } from "./request-log";

describe("routeOf", () => {
  it("keeps the path's shape, with ids as :id and no query string", () => {
    expect(routeOf("/api/v1/reports/cmwzexd2c0007fp7d518gjgkp/annotations?token=secret&q=x")).toBe("/api/v1/reports/:id/annotations");
    expect(routeOf("/api/v1/reports/cmwzexd2c0007fp7d518gjgkp/events?after=12")).toBe("/api/v1/reports/:id/events");
    expect(routeOf("/api/v1/notifications/read")).toBe("/api/v1/notifications/read");
    expect(routeOf("/w/policy-desk/r/cmwzexd2c0007fp7d518gjgkp#p-4")).toBe("/w/policy-desk/r/:id");
    expect(routeOf("/api/v1/tokens/123")).toBe("/api/v1/tokens/:id");
    expect(routeOf(undefined)).toBe("/");
  });

  it("never writes an invitation link's secret", () => {
    expect(routeOf("/invite/Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8?x=1")).toBe("/invite/:token");
    expect(routeOf("/invite/abc/more")).toBe("/invite/:token/more");
  });
});
