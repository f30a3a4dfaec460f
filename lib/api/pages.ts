import { apiFetch } from "./client";

/**
 * Every page of a cursor-paginated list endpoint, one page at a time: the
 * path's own query is kept, `limit` and `cursor` are set for each request.
 * `key` names the list's field in the response (e.g. "annotations").
 */
export async function* pagesOf<T>(path: string, key: string, options: { limit?: number; cursor?: string | null; signal?: AbortSignal } = {}): AsyncGenerator<T[]> {
  let cursor = options.cursor === undefined ? undefined : options.cursor;
  if (cursor === null) return;
  do {
    const url = new URL(path, "http://x");
    if (options.limit) url.searchParams.set("limit", String(options.limit));
    if (cursor) url.searchParams.set("cursor", cursor);
    const page = await apiFetch<Record<string, unknown> & { nextCursor: string | null }>(url.pathname + url.search, { signal: options.signal });
    yield page[key] as T[];
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The whole of a paginated list, page after page. */
export async function allPagesOf<T>(path: string, key: string, options: { limit?: number; signal?: AbortSignal } = {}): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pagesOf<T>(path, key, options)) all.push(...page);
  return all;
}
