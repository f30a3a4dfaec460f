import { describe, expect, it } from "vitest";
import { errorOf } from "@/lib/testing/error-of";
import { cursorAfter, keyFromCursor, keysetWhere, pageFrom, pageRequestFrom, scopeOf } from "./page";

const size = { defaultLimit: 50, maxLimit: 200 };
const params = (q: string) => new URLSearchParams(q);

describe("pageRequestFrom", () => {
  it("defaults the limit and leaves the cursor out", () => {
    expect(pageRequestFrom(params(""), size)).toEqual({ limit: 50 });
    expect(pageRequestFrom(params("limit=7&cursor=abc.def"), size)).toEqual({ limit: 7, cursor: "abc.def" });
  });

  it.each(["0", "201", "-1", "1.5", "ten", ""])("refuses limit=%s with a 422 naming limit", (limit) => {
    const e = errorOf(() => pageRequestFrom(params(`limit=${limit}`), size));
    expect(e.code).toBe("validation_failed");
    expect(e.message).toBe("limit must be a whole number from 1 to 200.");
  });
});

describe("cursors bound to their list", () => {
  it("round-trip the key", () => {
    const cursor = cursorAfter("annotations:r1", [3, 10, "2026-01-01T00:00:00.000Z", "a1"]);
    expect(keyFromCursor(cursor, "annotations:r1", ["number", "number", "string", "string"])).toEqual([
      3,
      10,
      "2026-01-01T00:00:00.000Z",
      "a1",
    ]);
  });

  it("are refused by another list", () => {
    const cursor = cursorAfter("annotations:r1", [1, "a"]);
    const e = errorOf(() => keyFromCursor(cursor, "annotations:r2", ["number", "string"]));
    expect(e.code).toBe("bad_request");
    expect(e.message).toMatch(/another list/);
  });

  it("are refused when the key has another shape", () => {
    const cursor = cursorAfter("x", [1, "a"]);
    expect(errorOf(() => keyFromCursor(cursor, "x", ["string", "string"])).code).toBe("bad_request");
    expect(errorOf(() => keyFromCursor(cursor, "x", ["number"])).code).toBe("bad_request");
    expect(keyFromCursor(cursorAfter("x", [null, "a"]), "x", ["string?", "string"])).toEqual([null, "a"]);
  });

  it("are refused when altered", () => {
    const cursor = cursorAfter("x", [1, "a"]);
    const [body, mac] = cursor.split(".");
    const forged = Buffer.from(JSON.stringify({ v: 2, s: JSON.parse(Buffer.from(body, "base64url").toString()).s, k: [0, "a"] })).toString(
      "base64url",
    );
    expect(errorOf(() => keyFromCursor(`${forged}.${mac}`, "x", ["number", "string"])).code).toBe("bad_request");
  });
});

describe("pageFrom", () => {
  const rows = [1, 2, 3, 4].map((n) => ({ n, id: `i${n}` }));
  it("hands out a cursor only when a further row shows there is more", () => {
    const first = pageFrom(rows, 3, "s", (r) => [r.n, r.id]);
    expect(first.items.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(keyFromCursor(first.nextCursor!, "s", ["number", "string"])).toEqual([3, "i3"]);
    expect(pageFrom(rows, 4, "s", (r) => [r.n, r.id]).nextCursor).toBeNull();
  });
});

describe("keysetWhere", () => {
  it("continues after the key in a mixed ordering", () => {
    expect(
      keysetWhere(
        [
          ["createdAt", "desc"],
          ["id", "asc"],
        ],
        ["t", "x"],
      ),
    ).toEqual({
      OR: [{ createdAt: { lt: "t" } }, { createdAt: "t", id: { gt: "x" } }],
    });
  });
});

describe("scopeOf", () => {
  it("names the same filters the same way whatever their order", () => {
    expect(scopeOf("a", { kind: ["claim", "comment"], tag: undefined })).toBe(scopeOf("a", { kind: ["comment", "claim"] }));
    expect(scopeOf("a", { kind: ["claim"] })).not.toBe(scopeOf("a", { kind: ["comment"] }));
    expect(scopeOf("a", { kind: [] })).toBe("a");
  });
});
