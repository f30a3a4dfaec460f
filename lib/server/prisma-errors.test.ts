import { describe, expect, it } from "vitest";
import { dataExceptionCode } from "./prisma-errors";

/** The shapes Postgres's data exceptions arrive in, as logged by the app (Prisma 6.19 with @prisma/adapter-pg 7.10). */
const adapterError = (code: string) =>
  Object.assign(new Error("invalid byte sequence"), { name: "DriverAdapterError", cause: { originalCode: code, kind: "postgres", code } });

describe("dataExceptionCode", () => {
  it("reads the SQLSTATE of a DriverAdapterError (a model query)", () => {
    expect(dataExceptionCode(adapterError("22021"))).toBe("22021");
  });

  it("reads it through a Prisma error's meta.driverAdapterError (a raw query's P2010, a value out of range's P2020)", () => {
    expect(dataExceptionCode({ code: "P2010", meta: { driverAdapterError: adapterError("22P05") } })).toBe("22P05");
    const outOfRange = Object.assign(new Error("ValueOutOfRange"), {
      name: "DriverAdapterError",
      cause: { originalCode: "22003", kind: "ValueOutOfRange" },
    });
    expect(dataExceptionCode({ code: "P2020", meta: { modelName: "ReportNotes", driverAdapterError: outOfRange } })).toBe("22003");
  });

  it("reads pg's own error, used where the app queries without Prisma", () => {
    expect(dataExceptionCode(Object.assign(new Error("date/time field value out of range"), { code: "22008", severity: "ERROR" }))).toBe(
      "22008",
    );
  });

  it("is null for everything else: other SQLSTATE classes, Prisma's own codes, plain errors", () => {
    for (const e of [
      adapterError("23505"),
      { code: "P2002" },
      { code: "P2010", meta: { driverAdapterError: adapterError("42P01") } },
      new Error("22021"),
      null,
      "22021",
      { code: 22021 },
    ]) {
      expect(dataExceptionCode(e)).toBeNull();
    }
  });

  it("stops on a cycle of causes", () => {
    const e: { code: string; cause?: unknown } = { code: "XX000" };
    e.cause = e;
    expect(dataExceptionCode(e)).toBeNull();
  });
});
