/**
 * Helpers for testing a paginated list endpoint over HTTP: walking its pages,
 * and the whole contract (every item once, in order; limits; cursors bound to
 * their list; strangers refused) in one call.
 */
import { expect } from "vitest";
import { call, type ApiResult, type Caller } from "./api";

/** `path` with these query parameters added. */
export function withQuery(path: string, params: Record<string, string | number>): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${path}${path.includes("?") ? "&" : "?"}${query}`;
}

/** Every page of a list with `limit` items a page, following nextCursor to the end. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- items are checked field by field in tests
export async function walk<T = any>(
  path: string,
  field: string,
  as: Caller,
  limit: number,
): Promise<{ pages: T[][]; all: T[]; cursors: string[] }> {
  const pages: T[][] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const res: ApiResult = await call("GET", withQuery(path, cursor ? { limit, cursor } : { limit }), { as });
    expect(res.status, `${path} page ${pages.length + 1}: ${JSON.stringify(res.body)}`).toBe(200);
    expect(Array.isArray(res.body[field]), `${path} answers { ${field}: [...] }`).toBe(true);
    expect(res.body).toHaveProperty("nextCursor");
    pages.push(res.body[field]);
    cursor = res.body.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor && pages.length < 200);
  expect(cursor, "the walk ends").toBeNull();
  return { pages, all: pages.flat(), cursors };
}

/** A cursor with one character changed: still well-formed, no longer signed. */
export function tamper(cursor: string): string {
  const i = Math.floor(cursor.length / 3);
  return cursor.slice(0, i) + (cursor[i] === "A" ? "B" : "A") + cursor.slice(i + 1);
}

/** The first cursor a list hands out with one item a page (the list must hold two or more). */
export async function firstCursor(path: string, as: Caller): Promise<string> {
  const res = await call("GET", withQuery(path, { limit: 1 }), { as });
  expect(res.status).toBe(200);
  expect(typeof res.body.nextCursor, `${path} has a second page`).toBe("string");
  return res.body.nextCursor;
}

export interface PaginatedList<T> {
  path: string;
  /** The list's field in the answer, e.g. `replies`. */
  field: string;
  as: Caller;
  maxLimit: number;
  /** Items a page for the walk: small, so it takes several pages. */
  limit: number;
  /** What identifies an item (its id, or a version number), and the keys in the order the list promises. */
  keyOf: (item: T) => unknown;
  expected: unknown[];
  /** A cursor handed out by another list of the same kind (another annotation's replies…). */
  otherCursor: string;
  /** Someone who may not see the list at all: they get 404, with or without a cursor. */
  stranger?: Caller;
}

/**
 * The contract of every list endpoint: one page of the maximum size holds the
 * expected items in order; walking it `limit` at a time returns each exactly
 * once in that order, every page full but the last; limit=0 and max+1 are
 * 422; an altered cursor, or another list's, is 400; a stranger gets 404.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function expectPaginated<T = any>(list: PaginatedList<T>): Promise<T[]> {
  const { path, field, as, limit } = list;
  const whole = await call("GET", withQuery(path, { limit: list.maxLimit }), { as });
  expect(whole.status).toBe(200);
  expect(whole.body.nextCursor).toBeNull();
  const items = whole.body[field] as T[];
  expect(items.map(list.keyOf)).toEqual(list.expected);
  expect(items.length, "enough items for several pages").toBeGreaterThan(limit * 2);

  const { pages, all, cursors } = await walk<T>(path, field, as, limit);
  expect(pages.length).toBe(Math.ceil(items.length / limit));
  pages.slice(0, -1).forEach((page) => expect(page).toHaveLength(limit));
  expect(all).toEqual(items);

  for (const bad of [0, list.maxLimit + 1]) {
    const res = await call("GET", withQuery(path, { limit: bad }), { as });
    expect(res.status, `limit=${bad}`).toBe(422);
    expect(res.body.error).toMatchObject({
      code: "validation_failed",
      message: `limit must be a whole number from 1 to ${list.maxLimit}.`,
    });
  }
  const tampered = await call("GET", withQuery(path, { limit, cursor: tamper(cursors[0]) }), { as });
  expect(tampered.status).toBe(400);
  expect(tampered.body.error.message).toMatch(/not valid/);
  const other = await call("GET", withQuery(path, { limit, cursor: list.otherCursor }), { as });
  expect(other.status).toBe(400);
  expect(other.body.error.message).toMatch(/another list/);

  if (list.stranger) {
    expect((await call("GET", path, { as: list.stranger })).status).toBe(404);
    expect((await call("GET", withQuery(path, { limit, cursor: cursors[0] }), { as: list.stranger })).status).toBe(404);
  }
  return items;
}
