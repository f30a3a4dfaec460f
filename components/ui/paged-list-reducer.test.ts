import { describe, expect, it } from "vitest";
import { pagedListReducer, readNextPage, type PagedListState } from "./paged-list-reducer";

type Item = { id: string; read?: boolean };
const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));
const state = (over: Partial<PagedListState<Item>> = {}): PagedListState<Item> => ({
  items: items("a", "b"),
  cursor: "c1",
  loading: false,
  error: null,
  ...over,
});

describe("pagedListReducer", () => {
  it("shows the list busy while a page loads, and forgets the last failure", () => {
    expect(pagedListReducer(state({ error: "The server is down." }), { type: "loading" })).toEqual(state({ loading: true }));
  });

  it("adds a page after what is shown, without the items already there, and moves on to its cursor", () => {
    const next = pagedListReducer(state({ loading: true }), { type: "loaded", page: { items: items("b", "c", "d"), nextCursor: "c2" } });
    expect(next).toEqual({ items: items("a", "b", "c", "d"), cursor: "c2", loading: false, error: null });
  });

  it("has no more to show after the last page", () => {
    const next = pagedListReducer(state({ loading: true }), { type: "loaded", page: { items: items("c"), nextCursor: null } });
    expect(next.cursor).toBeNull();
  });

  it("keeps its items and its place when a page fails, so showing more asks for the same page again", () => {
    const next = pagedListReducer(state({ loading: true }), { type: "failed", error: "More could not be loaded." });
    expect(next).toEqual(state({ error: "More could not be loaded." }));
  });

  it("applies its owner's change to what is shown, and nothing else", () => {
    const next = pagedListReducer(state({ error: "More could not be loaded." }), {
      type: "changed",
      change: (all) => all.map((x) => (x.id === "b" ? { ...x, read: true } : x)),
    });
    expect(next).toEqual(state({ items: [{ id: "a" }, { id: "b", read: true }], error: "More could not be loaded." }));
  });
});

describe("pagedListReducer, reset", () => {
  it("starts again from a first page read afresh, forgetting the loading state and the last failure", () => {
    const next = pagedListReducer(state({ loading: true, error: "More could not be loaded." }), {
      type: "reset",
      items: items("x"),
      cursor: "r1",
    });
    expect(next).toEqual({ items: items("x"), cursor: "r1", loading: false, error: null });
  });

  it("drops a page that was being read from the old list's place when the list was reset", () => {
    const reset = pagedListReducer(state({ loading: true }), { type: "reset", items: items("x"), cursor: "r1" });
    expect(pagedListReducer(reset, { type: "loaded", page: { items: items("c"), nextCursor: "c2" }, from: "c1" })).toBe(reset);
    expect(pagedListReducer(reset, { type: "loaded", page: { items: items("y"), nextCursor: null }, from: "r1" }).items).toEqual(
      items("x", "y"),
    );
  });
});

describe("readNextPage", () => {
  it("asks for the page after the cursor and hands it over", async () => {
    const asked: string[] = [];
    const action = await readNextPage<Item>(
      "c1",
      async (cursor) => {
        asked.push(cursor);
        return { items: items("c"), nextCursor: null };
      },
      () => "unused",
    );
    expect(asked).toEqual(["c1"]);
    expect(action).toEqual({ type: "loaded", from: "c1", page: { items: items("c"), nextCursor: null } });
  });

  it("turns a failed read into the list's own words", async () => {
    const action = await readNextPage<Item>(
      "c1",
      () => Promise.reject(new Error("Network error")),
      (e) => `More activity could not be loaded: ${(e as Error).message}`,
    );
    expect(action).toEqual({ type: "failed", error: "More activity could not be loaded: Network error" });
  });
});
