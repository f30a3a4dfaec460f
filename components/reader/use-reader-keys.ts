"use client";

import { useEffect, useRef } from "react";
import type { ReaderAnnotation } from "./types";

interface Options {
  annotations: ReaderAnnotation[];
  focusedId: string | null;
  toolbarOpen: boolean;
  onHighlight: () => void;
  onComment: () => void;
  onFocus: (id: string) => void;
  onEscape: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/** The reader's shortcuts: h highlight, c comment, j/k next/previous annotation, Esc. */
export function useReaderKeys(options: Options) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      const o = latest.current;
      if (e.key === "Escape") return o.onEscape();
      if (o.toolbarOpen && (e.key === "h" || e.key === "c")) {
        e.preventDefault();
        return e.key === "h" ? o.onHighlight() : o.onComment();
      }
      if ((e.key === "j" || e.key === "k") && o.annotations.length > 0) {
        e.preventDefault();
        const i = o.annotations.findIndex((a) => a.id === o.focusedId);
        const next = e.key === "j" ? (i + 1) % o.annotations.length : i <= 0 ? o.annotations.length - 1 : i - 1;
        o.onFocus(o.annotations[next].id);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
