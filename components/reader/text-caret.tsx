"use client";

import { useEffect, useState, type RefObject } from "react";

/** Where the caret is drawn, inside `container` (positioned), or null when it is not shown. */
function caretBox(container: HTMLElement): { top: number; left: number; height: number } | null {
  const text = container.querySelector<HTMLElement>("[data-testid=report-text]");
  const selection = document.getSelection();
  const active = document.activeElement;
  if (!text || !selection?.isCollapsed || !selection.focusNode || !active || !text.contains(active) || !text.contains(selection.focusNode))
    return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  const box = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (!box || box.height === 0) return null;
  const origin = container.getBoundingClientRect();
  return { top: box.top - origin.top, left: box.left - origin.left, height: box.height };
}

/**
 * The caret of the report text while it has the keyboard focus: the browser
 * draws none in text that cannot be edited, so the reader moving through it
 * with the arrow keys (use-text-keyboard.ts) would not see where they are.
 */
export function TextCaret({ container }: { container: RefObject<HTMLElement | null> }) {
  const [box, setBox] = useState<ReturnType<typeof caretBox>>(null);
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setBox(caretBox(root)));
    };
    document.addEventListener("selectionchange", update);
    root.addEventListener("focusin", update);
    root.addEventListener("focusout", update);
    window.addEventListener("resize", update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", update);
      root.removeEventListener("focusin", update);
      root.removeEventListener("focusout", update);
      window.removeEventListener("resize", update);
    };
  }, [container]);
  if (!box) return null;
  return (
    <span aria-hidden="true" data-testid="text-caret" className="text-caret" style={{ top: box.top, left: box.left, height: box.height }} />
  );
}
