"use client";

import { useEffect, useRef } from "react";
import { isTypingTarget } from "@/components/ui/typing-target";

interface Options {
  /** The cards' ids, in reading order. */
  ids: string[];
  /** The card j/k go on from: the one with the keyboard focus, else the open one. */
  currentId: () => string | null;
  /** Act on the text selected as the key comes (the toolbar may not show it yet); false when there is none. */
  onHighlight: () => boolean;
  onComment: () => boolean;
  onMove: (id: string) => void;
  onReply: (id: string) => void;
  onEscape: () => void;
  onHelp: () => void;
}

/** The id `step` cards on from `current` (wrapping round), or the first (last, going back) when there is none. */
export function stepThrough(ids: string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const i = current === null ? -1 : ids.indexOf(current);
  if (i === -1) return step === 1 ? ids[0] : ids[ids.length - 1];
  return ids[(i + step + ids.length) % ids.length];
}

/**
 * The reader's shortcuts (READER_SHORTCUTS lists them): h highlight, c comment,
 * j/k next/previous annotation, r reply, ? the list, and Esc, which closes from
 * anywhere, also from inside an editor. The letters are left alone while
 * someone types (an editor, a field) or a dialog is open; keys an editor or a
 * list has handled (default prevented) are theirs, but for Esc, which they
 * keep to themselves by stopping it.
 */
export function useReaderKeys(options: Options) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if ((e.target as Element | null)?.closest?.("dialog[open], [role=dialog]")) return;
      const o = latest.current;
      // Esc reaches here unless what had it stopped it (a link box, the member list, a composer): an
      // editor marks every Esc handled, so that mark says nothing.
      if (e.key === "Escape") return o.onEscape();
      if (e.defaultPrevented || isTypingTarget(e.target)) return;
      if (e.key === "h" || e.key === "c") {
        if (e.key === "h" ? o.onHighlight() : o.onComment()) e.preventDefault();
        return;
      }
      if (e.key === "?") {
        e.preventDefault();
        return o.onHelp();
      }
      if (e.key === "j" || e.key === "k") {
        const next = stepThrough(o.ids, o.currentId(), e.key === "j" ? 1 : -1);
        if (!next) return;
        e.preventDefault();
        return o.onMove(next);
      }
      if (e.key === "r") {
        const id = o.currentId();
        if (!id) return;
        e.preventDefault();
        o.onReply(id);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
