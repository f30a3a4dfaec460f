"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { apiFetch } from "@/lib/api/browser/client";
import { fetchAllPages, sizedPageUrl } from "@/lib/api/browser/pages";
import type { HighlightIndexJson } from "@/lib/domain/highlight-index";
import { READER_PAGE, readerListPath } from "./annotation-list";
import { mergeInto, putInOrder, readingOrder } from "./annotation-order";
import { decodeHighlightIndex, type IndexedHighlight } from "./highlight-index";
import { useRestOfAnnotations } from "./use-rest-of-annotations";
import type { useOrphans } from "./use-orphans";
import type { ReaderAnnotation, ReaderPassage } from "./types";

/**
 * The annotations the reader shows, in reading order, and every change to
 * them: the first page from the server, the rest read in the background (with
 * the index of every highlight standing in for the cards not read yet), what
 * this page creates, deletes and restores, and what others change (read
 * afresh by id). Others' new ones are marked until looked at.
 */
export function useReaderAnnotations(options: {
  reportId: string;
  version: number | null;
  passages: ReaderPassage[];
  initialAnnotations: ReaderAnnotation[];
  initialCursor: string | null;
  moreParts: { from: number; cursor: string }[];
  highlightIndex: HighlightIndexJson | null;
  orphans: ReturnType<typeof useOrphans>;
  onError: (message: string) => void;
}) {
  const { reportId, version, passages, initialCursor, highlightIndex, orphans, onError } = options;
  const listPath = readerListPath(reportId, version);
  const [annotations, setAnnotations] = useState(() => [...options.initialAnnotations].sort(readingOrder));
  // Deleted while pages were still arriving: a page read before the deletion must not bring it back.
  const removed = useRef(new Set<string>());
  // Highlights of the annotations whose cards have not arrived yet; dropped once all have.
  const [index, setIndex] = useState<IndexedHighlight[] | null>(() =>
    initialCursor !== null && highlightIndex ? decodeHighlightIndex(highlightIndex, passages) : null,
  );
  // Others' annotations since the page opened, marked until looked at.
  const [newIds, setNewIds] = useState<ReadonlySet<string>>(() => new Set());

  const onPages = useCallback((batch: ReaderAnnotation[]) => setAnnotations((list) => mergeInto(list, batch, removed.current)), []);
  const loadingRest = useRestOfAnnotations({ listPath, initialCursor, moreParts: options.moreParts, onPages, onError });
  // Once every card is in, the index has nothing left to stand in for.
  if (!loadingRest && index !== null) setIndex(null);

  const dropFromIndex = (id: string) => setIndex((entries) => entries && entries.filter((e) => e.id !== id));
  const drop = (id: string) => {
    setAnnotations((list) => list.filter((a) => a.id !== id));
    dropFromIndex(id);
  };

  /** Those only in the index (no card yet), for painting their highlights. */
  const indexedOnly = useMemo(() => {
    if (!index) return [];
    const have = new Set(annotations.map((a) => a.id));
    return index.filter((e) => !have.has(e.id));
  }, [index, annotations]);

  return {
    annotations,
    indexedOnly,
    loadingRest,
    newIds,
    /** Whether its card is here (a highlight painted from the index may have none yet). */
    hasCard: (id: string) => annotations.some((a) => a.id === id),
    put: (a: ReaderAnnotation) => setAnnotations((list) => putInOrder(list, a)),
    replace: useCallback((next: ReaderAnnotation) => setAnnotations((list) => list.map((a) => (a.id === next.id ? next : a))), []),
    /** Gone (deleted here or by someone else): kept out even if a page read earlier brings it. */
    remove(id: string) {
      removed.current.add(id);
      drop(id);
    },
    restored(a: ReaderAnnotation) {
      removed.current.delete(a.id);
      setAnnotations((list) => putInOrder(list, a));
    },
    seen(id: string) {
      setNewIds((ids) => {
        if (!ids.has(id)) return ids;
        const next = new Set(ids);
        next.delete(id);
        return next;
      });
    },
    /** Reads one annotation afresh (someone changed it, or its card was not read yet) and puts it in its place. */
    async refresh(id: string, isNew: boolean) {
      try {
        const fresh = await apiFetch<ReaderAnnotation>(`/api/v1/annotations/${id}`);
        removed.current.delete(id);
        if (fresh.anchorStatus === "orphaned") {
          drop(id);
          orphans.put(fresh);
          return;
        }
        // Re-attached (by someone else, or by an import): no longer an orphan.
        orphans.remove(id);
        setAnnotations((list) => putInOrder(list, fresh));
        if (isNew) setNewIds((ids) => new Set(ids).add(id));
      } catch {
        // Gone or no longer visible to us: drop it.
        drop(id);
      }
    },
    /** After an import: every annotation, and the orphans among them, without a reload. */
    async reload() {
      try {
        const [list] = await Promise.all([
          fetchAllPages<ReaderAnnotation>(sizedPageUrl(listPath, READER_PAGE), "annotations"),
          orphans.reload(),
        ]);
        setAnnotations(list.filter((a) => !removed.current.has(a.id)).sort(readingOrder));
      } catch (e) {
        onError(`The annotations could not be reloaded: ${(e as Error).message}. Reload the page to see them.`);
      }
    },
  };
}

export type ReaderAnnotations = ReturnType<typeof useReaderAnnotations>;
