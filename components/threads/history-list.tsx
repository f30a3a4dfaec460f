"use client";

import { useState } from "react";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { apiFetch } from "@/lib/api/client";
import { relativeTime } from "@/lib/format/relative-time";

interface Revision {
  body: string;
  replacedAt: string;
  editedBy?: { name: string };
}

/** "edited" — opens the earlier versions of a text, newest first. */
export function HistoryList({ url }: { url: string }) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setOpen((o) => !o);
    if (revisions || open) return;
    try {
      setRevisions((await apiFetch<{ revisions: Revision[] }>(url)).revisions);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <span className="inline">
      <button type="button" onClick={toggle} aria-expanded={open} className="text-xs text-stone-500 underline-offset-2 hover:underline dark:text-stone-400">
        edited
      </button>
      {open && (
        <span className="mt-2 block space-y-2 rounded border border-stone-200 bg-stone-50 p-2 dark:border-stone-800 dark:bg-stone-950" data-testid="history">
          {error && <span className="block text-xs text-red-700 dark:text-red-400">{error}</span>}
          {!revisions && !error && <span className="block text-xs text-stone-500 dark:text-stone-400">Loading earlier versions…</span>}
          {revisions?.length === 0 && <span className="block text-xs text-stone-500 dark:text-stone-400">No earlier versions.</span>}
          {revisions?.map((r, i) => (
            <span key={i} className="block border-l-2 border-stone-300 pl-2 dark:border-stone-700">
              <span className="block text-[11px] text-stone-500 dark:text-stone-400">Replaced {relativeTime(r.replacedAt)}{r.editedBy ? ` by ${r.editedBy.name}` : ""}</span>
              <MarkdownBody markdown={r.body || "*(empty)*"} className="text-xs text-stone-700 dark:text-stone-300" />
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
