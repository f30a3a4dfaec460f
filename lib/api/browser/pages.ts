import { apiFetch } from "./client";

/**
 * Reading the API's paginated lists from the browser: each answers
 * `{ <field>: [...], nextCursor }`, and `?cursor=<nextCursor>` gives the next page.
 */

export interface FetchedPages<T> {
  items: T[];
  /** Where to continue, or null once the list has been read to its end. */
  nextCursor: string | null;
}

/** `path` with `key` set to `value` in its query. */
function withParam(path: string, key: string, value: string): string {
  const [base, query = ""] = path.split("?", 2);
  const params = new URLSearchParams(query);
  params.set(key, value);
  return `${base}?${params}`;
}

/** `path` with `cursor` set in its query (kept as it is without one). */
export function pageUrl(path: string, cursor: string | null | undefined): string {
  return cursor ? withParam(path, "cursor", cursor) : path;
}

// A list is never this long in pages; a server that kept handing out cursors would otherwise loop for ever.
const MAX_PAGES = 1000;

/**
 * Pages of the list at `path`, from `cursor` (the first page without one),
 * until at least `atLeast` items have come (one page by default; Infinity
 * reads the list to its end).
 */
export async function fetchPages<T>(
  path: string,
  field: string,
  options: { cursor?: string | null; atLeast?: number; init?: RequestInit } = {},
): Promise<FetchedPages<T>> {
  const items: T[] = [];
  let cursor = options.cursor ?? null;
  let pages = 0;
  do {
    const page = await apiFetch<Record<string, unknown>>(pageUrl(path, cursor), options.init);
    const list = page[field];
    if (!Array.isArray(list)) throw new Error(`The answer from ${path} has no list named ${field}.`);
    items.push(...(list as T[]));
    cursor = typeof page.nextCursor === "string" ? page.nextCursor : null;
    pages += 1;
  } while (cursor && items.length < (options.atLeast ?? 0) && pages < MAX_PAGES);
  return { items, nextCursor: cursor };
}

/** Every item of a short list, following nextCursor to the end. */
export async function fetchAllPages<T>(path: string, field: string, init?: RequestInit): Promise<T[]> {
  return (await fetchPages<T>(path, field, { atLeast: Infinity, init })).items;
}

/** `shown` followed by the items of `more` it does not hold yet (by id): pages read across a change can overlap. */
export function appendNew<T extends { id: string }>(shown: readonly T[], more: readonly T[]): T[] {
  const ids = new Set(shown.map((x) => x.id));
  return [...shown, ...more.filter((x) => !ids.has(x.id))];
}

/**
 * The pages of a long list one at a time, from `cursor` on, with `limit` per
 * page: for reading a list in the background while what came first is shown.
 */
export async function* pagesOf<T>(
  path: string,
  field: string,
  options: { limit?: number; cursor?: string | null; signal?: AbortSignal } = {},
): AsyncGenerator<T[]> {
  let cursor = options.cursor ?? null;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await fetchPages<T>(sizedPageUrl(path, options.limit), field, { cursor, init: { signal: options.signal } });
    yield page.items;
    cursor = page.nextCursor;
    if (!cursor) return;
  }
}

/** `path` with `limit` set in its query (as it is without one). */
export const sizedPageUrl = (path: string, limit: number | undefined) => (limit ? withParam(path, "limit", String(limit)) : path);

/** The URL `pagesOf` requests first: for preloading it while the page loads. */
export function firstPageUrl(path: string, options: { limit?: number; cursor: string }): string {
  return pageUrl(sizedPageUrl(path, options.limit), options.cursor);
}
