"use client";

import { useState } from "react";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { fetchPages } from "@/lib/api/browser/pages";
import { relativeTime } from "@/lib/format/relative-time";

interface Revision {
  body: string;
  replacedAt: string;
  editedBy?: { name: string };
}

const more =
  "text-xs text-stone-600 underline underline-offset-2 hover:text-stone-900 disabled:opacity-50 dark:text-stone-400 dark:hover:text-stone-100";

/** "edited" — opens the earlier versions of a text, newest first, a page at a time. */
export function HistoryList({ url }: { url: string }) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  // Where the older versions continue, or null when all are shown.
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load(from: string | null) {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPages<Revision>(url, "revisions", { cursor: from });
      setRevisions((shown) => [...(from ? (shown ?? []) : []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }

  async function toggle() {
    setOpen((o) => !o);
    if (revisions || open) return;
    await load(null);
  }

  return (
    <span className="inline">
      <button
        type="button"
        onClick={toggle}
        aria-expanded={open}
        className="text-xs text-stone-500 underline-offset-2 hover:underline dark:text-stone-400"
      >
        edited
      </button>
      {open && (
        <span
          className="mt-2 block space-y-2 rounded border border-stone-200 bg-stone-50 p-2 dark:border-stone-800 dark:bg-stone-950"
          data-testid="history"
        >
          {error && <span className="block text-xs text-red-700 dark:text-red-400">{error}</span>}
          {!revisions && !error && <span className="block text-xs text-stone-500 dark:text-stone-400">Loading earlier versions…</span>}
          {revisions?.length === 0 && <span className="block text-xs text-stone-500 dark:text-stone-400">No earlier versions.</span>}
          {revisions?.map((r, i) => (
            <span key={i} className="block border-l-2 border-stone-300 pl-2 dark:border-stone-700">
              <span className="block text-[11px] text-stone-500 dark:text-stone-400">
                Replaced {relativeTime(r.replacedAt)}
                {r.editedBy ? ` by ${r.editedBy.name}` : ""}
              </span>
              <MarkdownBody markdown={r.body || "*(empty)*"} className="text-xs text-stone-700 dark:text-stone-300" />
            </span>
          ))}
          {revisions && cursor && (
            <button type="button" className={more} onClick={() => load(cursor)} disabled={loading} aria-busy={loading}>
              {loading ? "Loading…" : "Show older versions"}
            </button>
          )}
        </span>
      )}
    </span>
  );
}
