import { afterEach, describe, expect, it, vi } from "vitest";
import { appendNew, fetchAllPages, fetchPages, pageUrl } from "./pages";

/** A fake API: `pages[i]` answers the request whose cursor is `c<i>` (the first has none). */
function serve(pages: string[][]) {
  const seen: string[] = [];
  vi.stubGlobal("fetch", async (url: string) => {
    seen.push(url);
    const cursor = new URL(url, "http://x").searchParams.get("cursor");
    const i = cursor ? Number(cursor.slice(1)) : 0;
    const body = { things: pages[i].map((id) => ({ id })), nextCursor: i + 1 < pages.length ? `c${i + 1}` : null };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  });
  return seen;
}

afterEach(() => vi.unstubAllGlobals());

describe("pageUrl", () => {
  it("adds the cursor to the query, keeping what is there", () => {
    expect(pageUrl("/api/v1/tokens", null)).toBe("/api/v1/tokens");
    expect(pageUrl("/api/v1/tokens", "a.b")).toBe("/api/v1/tokens?cursor=a.b");
    expect(pageUrl("/api/v1/notifications?unread=true", "a+b/c")).toBe("/api/v1/notifications?unread=true&cursor=a%2Bb%2Fc");
  });
});

describe("fetchPages", () => {
  it("reads one page by default, and says where to continue", async () => {
    const seen = serve([["1", "2"], ["3"]]);
    expect(await fetchPages("/list", "things")).toEqual({ items: [{ id: "1" }, { id: "2" }], nextCursor: "c1" });
    expect(await fetchPages("/list", "things", { cursor: "c1" })).toEqual({ items: [{ id: "3" }], nextCursor: null });
    expect(seen).toEqual(["/list", "/list?cursor=c1"]);
  });

  it("reads on until it has as many items as asked for, or to the end", async () => {
    serve([["1", "2"], ["3", "4"], ["5"]]);
    expect((await fetchPages("/list", "things", { atLeast: 3 })).items).toHaveLength(4);
    expect(await fetchAllPages("/list", "things")).toEqual(["1", "2", "3", "4", "5"].map((id) => ({ id })));
  });

  it("refuses an answer without the list", async () => {
    serve([["1"]]);
    await expect(fetchPages("/list", "others")).rejects.toThrow(/no list named others/);
  });
});

describe("appendNew", () => {
  it("adds only what is not shown yet, in order", () => {
    expect(appendNew([{ id: "a" }, { id: "b" }], [{ id: "b" }, { id: "c" }])).toEqual([{ id: "a" }, { id: "b" }, { id: "c" }]);
  });
});
