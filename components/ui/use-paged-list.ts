import { useReducer, useRef } from "react";
import type { FetchedPages } from "@/lib/api/browser/pages";
import { pagedListReducer, readNextPage } from "./paged-list-reducer";

/**
 * A list whose first page came from the server and whose next pages are read
 * on demand (the "Show more" under it). `fetchPage` reads the page after a
 * cursor; it may also take what else that answer says (the notification list
 * takes its unread count). `describeError` says in the list's words why a
 * page could not be read; the list keeps its place, so showing more again
 * retries.
 */
export function usePagedList<T extends { id: string }>({
  initial,
  initialCursor,
  fetchPage,
  describeError,
}: {
  initial: T[];
  initialCursor: string | null;
  fetchPage: (cursor: string) => Promise<FetchedPages<T>>;
  describeError: (error: unknown) => string;
}) {
  const [state, dispatch] = useReducer(pagedListReducer<T>, { items: initial, cursor: initialCursor, loading: false, error: null });
  // One page at a time, even if "Show more" is pressed twice before the button is disabled.
  const reading = useRef(false);

  async function showMore() {
    const cursor = state.cursor;
    if (cursor === null || reading.current) return;
    reading.current = true;
    dispatch({ type: "loading" });
    try {
      dispatch(await readNextPage(cursor, fetchPage, describeError));
    } finally {
      reading.current = false;
    }
  }

  return {
    items: state.items,
    more: state.cursor !== null,
    loading: state.loading,
    error: state.error,
    showMore,
    /** Changes what is shown without reading a page. */
    change: (change: (items: T[]) => T[]) => dispatch({ type: "changed", change }),
    /** Starts again from a first page read afresh; a page being read meanwhile is dropped. */
    reset: (items: T[], cursor: string | null) => dispatch({ type: "reset", items, cursor }),
  };
}
