"use client";

import { useCallback, useRef, useState, useSyncExternalStore } from "react";
import type { ComposerText } from "@/components/annotations/comment-composer";
import { browserStorage, draftKey, readDraft, writeDraft } from "@/components/drafts/draft-store";
import type { PendingSelection, ReaderPassage } from "./types";

export type DraftKind = "comment" | "question" | "claim";

/** The annotation being written: where, what kind, and what was written so far. */
export type ComposerDraft = PendingSelection & { kind: DraftKind } & ComposerText;

const EMPTY: ComposerText = { body: "", summary: "" };

const hasText = (d: ComposerText) => d.body.trim() !== "" || d.summary.trim() !== "";

const noSubscription = () => () => undefined;
const lastRead = new Map<string, { raw: string | null; value: ComposerDraft | null }>();

/** The stored draft, the same object for as long as what is stored does not change (as useSyncExternalStore needs). */
function storedDraft(key: string): ComposerDraft | null {
  const storage = browserStorage();
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    // Refused: no draft.
  }
  const last = lastRead.get(key);
  if (last && last.raw === raw) return last.value;
  const value = readDraft<ComposerDraft>(storage, key);
  lastRead.set(key, { raw, value });
  return value;
}

/**
 * The composer's draft, kept in the browser as it is typed (one per report):
 * it comes back after a reload or a crash, on the passage it was about (if
 * that passage is still in the text), once the page has hydrated (the server
 * has no storage). Closing a composer with something written in it hands the
 * draft to `onDiscarded`, with a way to bring it back.
 */
export function useComposerDraft({
  reportId,
  passages,
  onDiscarded,
}: {
  reportId: string;
  passages: ReaderPassage[];
  onDiscarded: (restore: () => void) => void;
}) {
  const key = draftKey(reportId, "composer");
  const stored = useSyncExternalStore(
    noSubscription,
    () => storedDraft(key),
    () => null,
  );
  // Until the reader opens or closes a composer on this page, the stored draft is the one shown.
  const [chosen, setChosen] = useState<ComposerDraft | null | undefined>(undefined);
  const draft = chosen !== undefined ? chosen : stored && passages.some((p) => p.id === stored.passageId) ? stored : null;
  // What was typed since the draft was opened: kept here and in storage, without rendering the reader again.
  const typed = useRef<ComposerText | null>(null);

  const open = useCallback(
    (next: ComposerDraft | null) => {
      typed.current = null;
      setChosen(next);
      writeDraft(browserStorage(), key, next && hasText(next) ? next : null);
    },
    [key],
  );
  const current = (): ComposerDraft | null => draft && { ...draft, ...typed.current };

  return {
    draft,
    /** What is written so far, for a composer being made (again: the phone's sheet and the sidebar each make their own). */
    text: (): ComposerText => typed.current ?? (draft ? { body: draft.body, summary: draft.summary } : EMPTY),
    start: (selection: PendingSelection, kind: DraftKind) => open({ ...selection, kind, ...EMPTY }),
    /** Every change of what is written. */
    write(next: ComposerText) {
      typed.current = next;
      if (draft) writeDraft(browserStorage(), key, hasText(next) ? { ...draft, ...next } : null);
    },
    /** Cancel or Esc: closed; what was written can be brought back. */
    close() {
      const closed = current();
      open(null);
      if (closed && hasText(closed)) onDiscarded(() => open(closed));
    },
    /** Saved: nothing to keep. */
    sent: () => open(null),
  };
}
