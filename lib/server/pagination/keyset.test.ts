import { describe, expect, it } from "vitest";
import { errorOf } from "@/lib/testing/error-of";
import { ALL, keysetArgs, keysetPage, mapPage, type Keyset } from "./keyset";
import { cursorAfter } from "./page";

const keyset: Keyset = {
  scope: "things:w1",
  order: [
    ["createdAt", "desc", "date"],
    ["id", "desc", "string"],
  ],
};
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
const rows = [3, 2, 2, 1].map((s, i) => ({ id: `t${4 - i}`, createdAt: at(s), name: `n${i}` }));

describe("keysetArgs", () => {
  it("reads limit + 1 in the list's order, from the start without a cursor", () => {
    expect(keysetArgs(keyset, { limit: 2 })).toEqual({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], after: {}, take: 3 });
  });

  it("reads everything for ALL", () => {
    expect(keysetArgs(keyset, ALL)).toMatchObject({ after: {}, take: undefined });
  });

  it("continues after the cursor's key, with its date a Date again", () => {
    const { nextCursor } = keysetPage(rows.slice(0, 3), keyset, { limit: 2 });
    const { after } = keysetArgs(keyset, { limit: 2, cursor: nextCursor! });
    expect(after).toEqual({ OR: [{ createdAt: { lt: at(2) } }, { createdAt: at(2), id: { lt: "t3" } }] });
  });

  it("refuses another list's cursor, and a key that is not a date", () => {
    const other = cursorAfter("things:w2", ["2026-01-01T00:00:00.000Z", "t1"]);
    expect(errorOf(() => keysetArgs(keyset, { limit: 2, cursor: other })).message).toMatch(/another list/);
    const notADate = cursorAfter("things:w1", ["yesterday", "t1"]);
    expect(errorOf(() => keysetArgs(keyset, { limit: 2, cursor: notADate })).code).toBe("bad_request");
    const wrongShape = cursorAfter("things:w1", [1, "t1"]);
    expect(errorOf(() => keysetArgs(keyset, { limit: 2, cursor: wrongShape })).code).toBe("bad_request");
  });
});

describe("keysetPage", () => {
  it("hands out a cursor only when a further row shows there is more", () => {
    const first = keysetPage(rows.slice(0, 3), keyset, { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual(["t4", "t3"]);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(keysetPage(rows.slice(2), keyset, { limit: 2 }).nextCursor).toBeNull();
    expect(keysetPage(rows, keyset, ALL)).toEqual({ items: rows, nextCursor: null });
  });

  it("maps the items and keeps the cursor", () => {
    const page = keysetPage(rows.slice(0, 3), keyset, { limit: 2 });
    expect(mapPage(page, (r) => r.name)).toEqual({ items: ["n0", "n1"], nextCursor: page.nextCursor });
  });
});
