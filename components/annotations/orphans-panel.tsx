"use client";

import { useState } from "react";
import type { ReaderAnnotation } from "@/components/reader/types";
import { Alert } from "@/components/ui/alert";
import { ShowMore } from "@/components/ui/show-more";
import { KIND_LABEL } from "@/lib/domain/words";

interface Props {
  /** The orphans read so far (a page at a time), of `total`. */
  orphans: ReaderAnnotation[];
  total: number;
  more: boolean;
  loading: boolean;
  error: string | null;
  onShowMore: () => void;
  canReattach: boolean;
  reattachingId: string | null;
  onReattach: (id: string | null) => void;
}

/** Annotations that lost their place in a new version: kept, visible, and re-attachable by editors. */
export function OrphansPanel({ orphans, total, more, loading, error, onShowMore, canReattach, reattachingId, onReattach }: Props) {
  const [open, setOpen] = useState(true);
  if (orphans.length === 0 && !more) return null;
  return (
    <section
      aria-label="Orphans"
      className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950/50"
      data-testid="orphans"
    >
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between text-left font-medium text-amber-950 dark:text-amber-100"
      >
        Orphans · {total.toLocaleString("en")}
        <span aria-hidden="true">{open ? "▾" : "▸"}</span>
      </button>
      {open && (
        <>
          <p className="mt-1 text-xs text-amber-900 dark:text-amber-200">
            Their text changed too much in the new version to find.{" "}
            {canReattach ? "Choose Re-attach, then select the text where each belongs." : "An editor can re-attach them."}
          </p>
          {/* A long list scrolls inside the panel rather than pushing the annotations far down the sidebar. */}
          <div
            tabIndex={0}
            role="region"
            aria-label="Orphaned annotations"
            className="mt-2 max-h-[26rem] overflow-y-auto rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
          >
            <ul className="space-y-2">
              {orphans.map((o) => (
                <li key={o.id} className="rounded bg-white p-2 dark:bg-stone-900" data-testid="orphan">
                  <p className="text-xs text-stone-500 dark:text-stone-400">
                    {KIND_LABEL[o.kind]} by {o.author.name} · was ¶ {o.passageIndex}
                  </p>
                  <p className="mt-1 font-serif text-stone-700 italic dark:text-stone-300" dir="auto">
                    “{o.quote}”
                  </p>
                  {o.body && (
                    <p className="mt-1 line-clamp-2 text-xs text-stone-700 dark:text-stone-300" dir="auto">
                      {o.body}
                    </p>
                  )}
                  {canReattach && (
                    <button
                      type="button"
                      onClick={() => onReattach(reattachingId === o.id ? null : o.id)}
                      aria-pressed={reattachingId === o.id}
                      className="mt-1 text-xs font-medium text-amber-900 underline underline-offset-2 dark:text-amber-200"
                    >
                      {reattachingId === o.id ? "Cancel re-attaching" : "Re-attach"}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {error && (
              <div className="mt-2">
                <Alert tone="error">{error}</Alert>
              </div>
            )}
            <div className="mt-2">
              <ShowMore more={more} onClick={onShowMore} loading={loading} shown={`${orphans.length} of ${total} orphans shown`} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
