"use client";

import { useEffect, useState } from "react";
import { pagesOf } from "@/lib/api/browser/pages";
import { READER_PAGE } from "./annotation-list";
import type { ReaderAnnotation } from "./types";

/**
 * Reads the annotations that did not come with the page, in the background:
 * the part after the first page and the further parts the server marked
 * (each up to where the next starts), side by side. What arrives is handed
 * to `onPages` a few pages at a time: each change of the list re-renders the
 * sidebar and re-places highlights. Returns whether it is still reading.
 */
export function useRestOfAnnotations({
  listPath,
  initialCursor,
  moreParts,
  onPages,
  onError,
}: {
  listPath: string;
  initialCursor: string | null;
  moreParts: { from: number; cursor: string }[];
  onPages: (annotations: ReaderAnnotation[]) => void;
  onError: (message: string) => void;
}): boolean {
  const [loading, setLoading] = useState(initialCursor !== null);
  useEffect(() => {
    if (initialCursor === null) return;
    const abort = new AbortController();
    let pending: ReaderAnnotation[] = [];
    let last = performance.now();
    const flush = () => {
      const batch = pending;
      pending = [];
      last = performance.now();
      if (batch.length) onPages(batch);
    };
    const parts = [
      { cursor: initialCursor, until: moreParts[0]?.from ?? Infinity },
      ...moreParts.map((p, i) => ({ cursor: p.cursor, until: moreParts[i + 1]?.from ?? Infinity })),
    ];
    const readPart = async ({ cursor, until }: { cursor: string; until: number }) => {
      for await (const page of pagesOf<ReaderAnnotation>(listPath, "annotations", { limit: READER_PAGE, cursor, signal: abort.signal })) {
        if (abort.signal.aborted) return;
        pending.push(...page.filter((a) => a.passageIndex < until));
        if (performance.now() - last > 1_000) flush();
        if (page.some((a) => a.passageIndex >= until)) return;
      }
    };
    void Promise.all(parts.map(readPart))
      .then(() => {
        if (!abort.signal.aborted) flush();
      })
      .catch((e) => {
        if (abort.signal.aborted) return;
        flush();
        onError(`Some annotations could not be loaded: ${(e as Error).message}. Reload the page to see them all.`);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [initialCursor, listPath]); // eslint-disable-line react-hooks/exhaustive-deps -- moreParts come with initialCursor; the callbacks are stable
  return loading;
}
