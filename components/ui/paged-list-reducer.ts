import { appendNew, type FetchedPages } from "@/lib/api/browser/pages";

/** A list read a page at a time: what is shown, where the next page starts (null at the end), and how the last read went. */
export interface PagedListState<T> {
  items: T[];
  cursor: string | null;
  loading: boolean;
  error: string | null;
}

export type PagedListAction<T> =
  | { type: "loading" }
  /** A page read from the cursor `from`. */
  | { type: "loaded"; page: FetchedPages<T>; from?: string }
  | { type: "failed"; error: string }
  /** A change the list's owner makes to what is shown (e.g. marking items read). */
  | { type: "changed"; change: (items: T[]) => T[] }
  /** The list read again from its first page (e.g. after an import). */
  | { type: "reset"; items: T[]; cursor: string | null };

export function pagedListReducer<T extends { id: string }>(state: PagedListState<T>, action: PagedListAction<T>): PagedListState<T> {
  switch (action.type) {
    case "loading":
      return { ...state, loading: true, error: null };
    case "loaded":
      // Read from a place the list has since left (it was reset meanwhile): that page belongs to an older list.
      if (action.from !== undefined && action.from !== state.cursor) return state;
      // The cursor continues below the last item shown, whatever arrived above it meanwhile; pages read across a change can overlap.
      return { items: appendNew(state.items, action.page.items), cursor: action.page.nextCursor, loading: false, error: null };
    case "failed":
      // The cursor stays: "Show more" asks for the same page again.
      return { ...state, loading: false, error: action.error };
    case "changed":
      return { ...state, items: action.change(state.items) };
    case "reset":
      return { items: action.items, cursor: action.cursor, loading: false, error: null };
  }
}

/** Reads the page after `cursor` and says what it does to the list: the page, or what went wrong, in the list's words. */
export async function readNextPage<T>(
  cursor: string,
  fetchPage: (cursor: string) => Promise<FetchedPages<T>>,
  describeError: (error: unknown) => string,
): Promise<PagedListAction<T>> {
  try {
    return { type: "loaded", page: await fetchPage(cursor), from: cursor };
  } catch (e) {
    return { type: "failed", error: describeError(e) };
  }
}
