import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./respond";

const adapterError = (code: string) => Object.assign(new Error("invalid byte sequence for encoding \"UTF8\": 0x00"), { name: "DriverAdapterError", cause: { originalCode: code, kind: "postgres", code } });

describe("errorResponse", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers a Postgres data exception that got past the schemas with a 422, logged as a missed validation", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = errorResponse({ code: "P2010", meta: { driverAdapterError: adapterError("22021") } });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.issues).toEqual([{ path: "", message: body.error.message }]);
    expect(JSON.stringify(body)).not.toMatch(/UTF8|0x00|22021/);
    expect(log.mock.calls[0][0]).toMatch(/^Missed validation: .*SQLSTATE 22021/);
  });

  it("still answers other database errors with a 500 that says nothing of them", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = errorResponse(adapterError("42P01"));
    expect(res.status).toBe(500);
    expect((await res.json()).error.code).toBe("internal_error");
  });

  it("answers an AppError with its own status", () => {
    expect(errorResponse(new AppError("not_found", "Gone.")).status).toBe(404);
  });
});
