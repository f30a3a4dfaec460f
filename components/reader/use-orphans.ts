import { useEffect, useRef, useState } from "react";
import { usePagedList } from "@/components/ui/use-paged-list";
import { apiFetch } from "@/lib/api/browser/client";
import { pageUrl, sizedPageUrl } from "@/lib/api/browser/pages";
import { ORPHANS_FIRST_PAGE, type OrphansPage } from "./annotation-list";
import type { ReaderAnnotation } from "./types";

/**
 * The report's orphans as the reader shows them: the first page from the
 * server, the next ones on demand, and the changes the reader itself sees
 * (a re-attach, a live deletion, an annotation orphaned by an import).
 *
 * `total` is the server's count from the last page read, kept up to date by
 * those changes. A change to an orphan not yet shown can leave it one off
 * until the next page is read.
 */
export function useOrphans(reportId: string, first: OrphansPage) {
  const path = `/api/v1/reports/${reportId}/orphans`;
  const [total, setTotal] = useState(first.total);
  const list = usePagedList<ReaderAnnotation>({
    initial: first.orphans,
    initialCursor: first.nextCursor,
    fetchPage: async (cursor) => {
      const page = await apiFetch<OrphansPage>(pageUrl(path, cursor));
      setTotal(page.total);
      return { items: page.orphans, nextCursor: page.nextCursor };
    },
    describeError: (e) => `More orphans could not be loaded: ${(e as Error).message}`,
  });
  // What is shown now, for the changes below (called from events long after this render).
  const shown = useRef(list.items);
  useEffect(() => {
    shown.current = list.items;
  }, [list.items]);
  const isShown = (id: string) => shown.current.some((o) => o.id === id);

  return {
    orphans: list.items,
    total: Math.max(total, list.items.length),
    more: list.more,
    loading: list.loading,
    error: list.error,
    showMore: list.showMore,
    /** No longer an orphan (re-attached, deleted, or gone from our sight). */
    remove(id: string) {
      if (!isShown(id)) return;
      shown.current = shown.current.filter((o) => o.id !== id);
      setTotal((t) => t - 1);
      list.change((items) => items.filter((o) => o.id !== id));
    },
    /** Orphaned now, or changed while one. */
    put(orphan: ReaderAnnotation) {
      if (!isShown(orphan.id)) {
        shown.current = [...shown.current, orphan];
        setTotal((t) => t + 1);
      }
      list.change((items) => [...items.filter((o) => o.id !== orphan.id), orphan]);
    },
    /** Reads the first page again (after an import). */
    async reload() {
      const page = await apiFetch<OrphansPage>(sizedPageUrl(path, ORPHANS_FIRST_PAGE));
      setTotal(page.total);
      list.reset(page.orphans, page.nextCursor);
    },
  };
}
