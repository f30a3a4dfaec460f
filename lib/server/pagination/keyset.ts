import { AppError } from "@/lib/errors";
import { keyFromCursor, keysetWhere, pageFrom, type Page, type PageRequest } from "./page";

/** What one part of a sort key is: dates travel in cursors as ISO strings. */
export type KeyKind = "string" | "number" | "date";

/**
 * How one list is cut into pages: the fields of its order (the last one unique,
 * an id, so the order is total) and the scope its cursors are bound to.
 */
export interface Keyset {
  scope: string;
  order: readonly (readonly [field: string, direction: "asc" | "desc", kind: KeyKind])[];
}

/** Newest first, then by id for rows made in the same millisecond: the order of most lists. */
export const newestFirst = (scope: string): Keyset => ({
  scope,
  order: [
    ["createdAt", "desc", "date"],
    ["id", "desc", "string"],
  ],
});

/**
 * The whole list in one read: for server-rendered pages that need every item
 * (members for @mentions, the codebook). HTTP endpoints always take a PageRequest.
 */
export const ALL = "all";
export type PageOption = PageRequest | typeof ALL;

const invalid = () => new AppError("bad_request", "That cursor is not valid. Start again from the first page (without `cursor`).");

/** The sort key of the cursor, as the `where` needs it (dates back to Date). */
function afterKey(keyset: Keyset, cursor: string): unknown[] {
  const key = keyFromCursor(
    cursor,
    keyset.scope,
    keyset.order.map(([, , kind]) => (kind === "date" ? "string" : kind)),
  );
  return key.map((value, i) => {
    if (keyset.order[i][2] !== "date") return value;
    const date = new Date(value as string);
    if (Number.isNaN(date.getTime())) throw invalid();
    return date;
  });
}

/**
 * The parts of a `findMany` for one page: `orderBy`, `after` (a `where` for
 * "after the cursor", to AND with the list's own filter; `{}` on the first
 * page) and `take` (limit + 1, so the page knows whether there is more).
 */
export function keysetArgs(keyset: Keyset, page: PageOption) {
  const orderBy = keyset.order.map(([field, direction]) => ({ [field]: direction }));
  if (page === ALL || page.cursor === undefined) return { orderBy, after: {}, take: page === ALL ? undefined : page.limit + 1 };
  const order = keyset.order.map(([field, direction]) => [field, direction] as const);
  return { orderBy, after: keysetWhere(order, afterKey(keyset, page.cursor)), take: page.limit + 1 };
}

/** The page from the rows read with keysetArgs; the rows must carry the keyset's fields. */
export function keysetPage<T extends object>(rows: T[], keyset: Keyset, page: PageOption): Page<T> {
  if (page === ALL) return { items: rows, nextCursor: null };
  return pageFrom(rows, page.limit, keyset.scope, (row) =>
    keyset.order.map(([field, , kind]) => {
      const value = (row as Record<string, unknown>)[field];
      return kind === "date" ? (value as Date).toISOString() : (value as string | number);
    }),
  );
}

/** The same page with its items turned into what the API returns. */
export function mapPage<T, U>(page: Page<T>, fn: (item: T) => U): Page<U> {
  return { items: page.items.map(fn), nextCursor: page.nextCursor };
}
