"use client";

import { useEffect, useState } from "react";

type Box = { top: number; bottom: number; left: number; width: number };

const WIDTH = 340;

/** Where the selection is, when it lies in the report's text and holds something. */
function selectedBox(): Box | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !selection.toString().trim()) return null;
  const range = selection.getRangeAt(0);
  const node = range.commonAncestorContainer;
  const element = node instanceof Element ? node : node.parentElement;
  if (!element?.closest("[data-testid=report-text]")) return null;
  const r = range.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, width: r.width };
}

/**
 * For viewers, who get no annotation toolbar: a quiet note by their selection
 * saying why, and who can change it. It follows `selectionchange` (mouse,
 * keyboard and touch alike), never takes a click, and leaves with the selection,
 * so copying and reading go on as before.
 */
export function ViewerSelectionHint() {
  const [box, setBox] = useState<Box | null>(null);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setBox(selectedBox()));
    };
    document.addEventListener("selectionchange", update);
    window.addEventListener("scroll", update, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", update);
      window.removeEventListener("scroll", update);
    };
  }, []);

  const width = box ? Math.min(WIDTH, window.innerWidth - 16) : WIDTH;
  // Below the selection (a phone's own copy menu sits above it), or above when there is no room.
  const below = box ? box.bottom + 96 < window.innerHeight : true;
  const style: React.CSSProperties | undefined = box
    ? {
        position: "fixed",
        width,
        left: Math.max(8, Math.min(box.left + box.width / 2 - width / 2, window.innerWidth - width - 8)),
        ...(below ? { top: box.bottom + 10 } : { bottom: window.innerHeight - box.top + 10 }),
      }
    : undefined;

  return (
    <div role="status" aria-live="polite" className="print:hidden">
      {box && (
        <p
          data-testid="viewer-hint"
          style={style}
          className="pointer-events-none z-40 rounded-lg bg-stone-900 px-3 py-2 text-sm leading-snug text-white shadow-lg ring-1 ring-black/10 dark:bg-stone-700"
        >
          Viewers read and copy, but do not annotate. To highlight or comment, ask an owner to make you an annotator.
        </p>
      )}
    </div>
  );
}
