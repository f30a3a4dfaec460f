import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_CURSOR_LENGTH, cursorSecret, decodeCursor, encodeCursor } from "./cursor";

const SECRET = "test-secret";

function refused(cursor: string, secret = SECRET) {
  try {
    decodeCursor(cursor, secret);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("bad_request");
    expect((e as AppError).message).toMatch(/^That cursor is not valid/);
    return true;
  }
  return false;
}

/** The same cursor with the character at i swapped for another one of the alphabet. */
function flip(cursor: string, i: number): string {
  const c = cursor[i];
  const other = c === "A" ? "B" : c === "." ? "." : "A";
  return cursor.slice(0, i) + other + cursor.slice(i + 1);
}

describe("pagination cursors", () => {
  it("round-trip their payload", () => {
    const payload = { v: 1, scope: "workspace:cl0abc", actor: null, after: "12345" };
    const cursor = encodeCursor(payload, SECRET);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, SECRET)).toEqual(payload);
  });

  it("use the default secret on both sides", () => {
    const cursor = encodeCursor({ after: "7" });
    expect(decodeCursor(cursor)).toEqual({ after: "7" });
    expect(cursorSecret()).toBe(cursorSecret());
  });

  it("refuse every single-character change, in the payload or in the signature", () => {
    const cursor = encodeCursor({ v: 1, scope: "report:abc", actor: "u1", after: "99" }, SECRET);
    for (let i = 0; i < cursor.length; i++) {
      if (cursor[i] === "." || cursor[i] === flip(cursor, i)[i]) continue;
      expect(refused(flip(cursor, i)), `change at ${i}`).toBe(true);
    }
  });

  it("refuse a cursor signed with another secret, and a re-signed forgery", () => {
    const cursor = encodeCursor({ after: "1" }, "another secret");
    expect(refused(cursor)).toBe(true);
    const [, mac] = encodeCursor({ after: "1" }, SECRET).split(".");
    const forged = `${Buffer.from(JSON.stringify({ after: "999999" })).toString("base64url")}.${mac}`;
    expect(refused(forged)).toBe(true);
  });

  it("refuse garbage", () => {
    for (const junk of ["", ".", "abc", "abc.", ".abc", "a.b.c", "not a cursor", "eyJ9.%%%", "null", "{}", "a b.c"]) {
      expect(refused(junk), JSON.stringify(junk)).toBe(true);
    }
  });

  it("refuse a signed payload that is not a JSON object", () => {
    for (const body of ["null", "[1,2]", "42", '"text"', "{not json"]) {
      const encoded = Buffer.from(body).toString("base64url");
      const mac = encodeCursor({}, SECRET).split(".")[1];
      expect(refused(`${encoded}.${mac}`)).toBe(true);
    }
    // Signed properly but still not an object: the signature alone does not make it a payload.
    const signedArray = encodeCursor([1, 2], SECRET);
    expect(refused(signedArray)).toBe(true);
  });

  it("refuse an oversized cursor before looking inside", () => {
    const big = encodeCursor({ pad: "x".repeat(MAX_CURSOR_LENGTH) }, SECRET);
    expect(big.length).toBeGreaterThan(MAX_CURSOR_LENGTH);
    expect(refused(big)).toBe(true);
    expect(refused("A".repeat(10_000) + "." + "B".repeat(43))).toBe(true);
  });

  it("refuse lone surrogates and other non-ASCII text, and carry them safely inside", () => {
    for (const odd of ["\ud800", "abc\udfff.def", "é.é", "abc.\u0000", `${encodeCursor({ a: 1 }, SECRET)}\ud800`]) {
      expect(refused(odd), JSON.stringify(odd)).toBe(true);
    }
    const payload = { name: "lone \ud800 surrogate", arabic: "مرحبا" };
    expect(decodeCursor(encodeCursor(payload, SECRET), SECRET)).toEqual(payload);
  });
});
