import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/runtime/logger";
import { errorResponse } from "./respond";

const adapterError = (code: string) =>
  Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
    name: "DriverAdapterError",
    cause: { originalCode: code, kind: "postgres", code },
  });

describe("errorResponse", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a Postgres data exception that got past the schemas with a 422, logged as a missed validation", async () => {
    const log = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
    const res = errorResponse({ code: "P2010", meta: { driverAdapterError: adapterError("22021") } });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.issues).toEqual([{ path: "", message: body.error.message }]);
    expect(JSON.stringify(body)).not.toMatch(/UTF8|0x00|22021/);
    expect(log.mock.calls[0][0]).toMatchObject({ sqlstate: "22021" });
    expect(log.mock.calls[0][1]).toMatch(/^missed validation/);
  });

  it("still answers other database errors with a 500 that says nothing of them", async () => {
    const log = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
    const res = errorResponse(adapterError("42P01"));
    expect(log.mock.calls[0][1]).toBe("unhandled API error");
    expect(res.status).toBe(500);
    expect((await res.json()).error.code).toBe("internal_error");
  });

  it("answers an AppError with its own status", () => {
    expect(errorResponse(new AppError("not_found", "Gone.")).status).toBe(404);
  });

  it("answers a database that cannot be reached with 503 unavailable and Retry-After, not a 500", async () => {
    vi.spyOn(logger(), "warn").mockImplementation(() => undefined);
    for (const e of [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:54329"), { code: "ECONNREFUSED" }),
      new Error("Connection terminated unexpectedly"),
      { code: "P2010", meta: {}, cause: Object.assign(new Error("the database system is starting up"), { code: "57P03" }) },
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    ]) {
      const res = errorResponse(e);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect((await res.json()).error.code).toBe("unavailable");
    }
  });

  it("sends Retry-After with a rate limit that knows its wait", () => {
    const res = errorResponse(new AppError("rate_limited", "Wait.", undefined, { retryAfterSeconds: 61.2 }));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("62");
  });
});
