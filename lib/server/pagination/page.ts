import { createHash } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validations/parse-input";
import { queryWholeNumber } from "@/lib/validations/common";
import { decodeCursor, encodeCursor } from "./cursor";

/**
 * Cursor (keyset) pagination for every list endpoint: `?limit=&cursor=` in,
 * `{ <items>, nextCursor }` out. A cursor is opaque and signed (./cursor.ts),
 * carries the sort key of the last item handed out, and is bound to its list
 * (the "scope": which list, of what, under which filters), so a cursor of one
 * list is refused by every other.
 */

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface PageSize {
  defaultLimit: number;
  maxLimit: number;
}

/** `limit` and `cursor` from a query string, validated (a 422 naming `limit` when it is out of range). */
export function pageRequestFrom(params: URLSearchParams, size: PageSize): PageRequest {
  const schema = z.object({
    limit: queryWholeNumber("limit", { min: 1, max: size.maxLimit }).default(size.defaultLimit),
    // Its size and contents are checked by the cursor itself: a bad cursor is a 400.
    cursor: z.string().optional(),
  });
  const input: Record<string, unknown> = {};
  const limit = params.get("limit");
  const cursor = params.get("cursor");
  if (limit !== null) input.limit = limit.trim();
  if (cursor !== null && cursor !== "") input.cursor = cursor;
  return parseInput(schema, input);
}

type KeyValue = string | number | boolean | null;

const invalid = () => new AppError("bad_request", "That cursor is not valid. Start again from the first page (without `cursor`).");

/** A cursor continuing after `key` in the list named by `scope`. */
export function cursorAfter(scope: string, key: KeyValue[]): string {
  return encodeCursor({ v: 2, s: scopeHash(scope), k: key });
}

/** Scopes can be long (filters); a cursor carries a short digest of its scope. */
const scopeHash = (scope: string) => createHash("sha256").update(scope).digest("base64url").slice(0, 16);

/**
 * The key a cursor continues after, checked against the shape the list
 * expects (`types`, one `typeof` per key part, "null" allowed with "?").
 */
export function keyFromCursor(cursor: string, scope: string, types: readonly string[]): KeyValue[] {
  const payload = decodeCursor(cursor);
  if (payload.v !== 2 || !Array.isArray(payload.k)) throw invalid();
  if (payload.s !== scopeHash(scope)) {
    throw new AppError(
      "bad_request",
      "That cursor belongs to another list (another item, or other filters). Start again from the first page.",
    );
  }
  const key = payload.k as unknown[];
  if (key.length !== types.length) throw invalid();
  key.forEach((value, i) => {
    const want = types[i];
    const nullable = want.endsWith("?");
    if (value === null ? !nullable : typeof value !== want.replace("?", "")) throw invalid();
    if (typeof value === "string" && value.length > 200) throw invalid();
  });
  return key as KeyValue[];
}

/**
 * The page from `limit + 1` rows read in list order: the first `limit`, and a
 * cursor after the last of them when a further row shows there is more.
 */
export function pageFrom<T>(rows: T[], limit: number, scope: string, keyOf: (row: T) => KeyValue[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorAfter(scope, keyOf(last)) : null };
}

/**
 * A Prisma `where` for "after this key" in an ordering on scalar fields, e.g.
 * `[["createdAt", "desc"], ["id", "desc"]]`: (a > x) OR (a = x AND b > y) …
 * The last field must be unique (an id), so the order is total.
 */
export function keysetWhere(
  order: readonly (readonly [string, "asc" | "desc"])[],
  key: readonly unknown[],
): { OR: Record<string, unknown>[] } {
  const OR = order.map(([field, dir], i) => {
    const clause: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) clause[order[j][0]] = key[j];
    clause[field] = { [dir === "asc" ? "gt" : "lt"]: key[i] };
    return clause;
  });
  return { OR };
}

/** A stable name for the filters a list was read with, for binding its cursors to them. */
export function scopeOf(list: string, filters: Record<string, unknown> = {}): string {
  const parts = Object.keys(filters)
    .sort()
    .filter((k) => filters[k] !== undefined && !(Array.isArray(filters[k]) && (filters[k] as unknown[]).length === 0))
    .map((k) => `${k}=${JSON.stringify(Array.isArray(filters[k]) ? [...(filters[k] as unknown[])].map(String).sort() : filters[k])}`);
  return parts.length ? `${list}?${parts.join("&")}` : list;
}
