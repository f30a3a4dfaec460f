"use client";

import { useEffect, useRef, useState } from "react";
import type { ToolbarRect } from "./selection-toolbar";
import type { PendingSelection } from "./types";

export interface ToolbarState {
  selection: PendingSelection;
  rect: ToolbarRect;
}

/** After the last selectionchange, this long before the toolbar follows: touch handles and Shift+arrows move the selection many times. */
const SETTLE_MS = 150;

/**
 * The selection toolbar's state: the selection in the report text (as
 * `read` maps it to a passage) and where it is. It follows the document's
 * selection however it was made: a mouse drag (once the button is up), touch
 * handles, Shift with the arrow keys, a double-click. A collapsed selection
 * hides it at once. `enabled` false (a viewer, a composer open) shows none.
 */
export function useSelectionToolbar({ enabled, read }: { enabled: boolean; read: (selection: Selection) => PendingSelection | null }) {
  const [toolbar, setToolbar] = useState<ToolbarState | null>(null);
  const latest = useRef({ enabled, read, shown: false });
  useEffect(() => {
    latest.current = { enabled, read, shown: toolbar !== null };
  });
  if (!enabled && toolbar) setToolbar(null);

  useEffect(() => {
    let mouseDown = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    const update = () => {
      const selection = document.getSelection();
      const pending = latest.current.enabled && selection && !selection.isCollapsed ? latest.current.read(selection) : null;
      if (!pending || !selection) return setToolbar(null);
      const r = selection.getRangeAt(0).getBoundingClientRect();
      setToolbar({ selection: pending, rect: { top: r.top, left: r.left, bottom: r.bottom, width: r.width } });
    };
    const settle = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(update, ms);
    };
    const onSelectionChange = () => {
      if (document.getSelection()?.isCollapsed !== false) {
        clearTimeout(timer);
        setToolbar(null);
      } else if (!mouseDown) {
        settle(SETTLE_MS);
      }
    };
    // A mouse drag is followed when the button comes up, not at every move.
    const onPointerDown = (e: PointerEvent) => {
      if (e.pointerType === "mouse" && e.button === 0) mouseDown = true;
    };
    const onPointerUp = () => {
      if (!mouseDown) return;
      mouseDown = false;
      settle(0);
    };
    // The selection moves with the text; the toolbar (fixed to the window) follows.
    const onScroll = () => {
      if (frame || !latest.current.shown) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (latest.current.shown) update();
      });
    };
    document.addEventListener("selectionchange", onSelectionChange);
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("pointerup", onPointerUp, true);
    document.addEventListener("pointercancel", onPointerUp, true);
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", onSelectionChange);
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("pointerup", onPointerUp, true);
      document.removeEventListener("pointercancel", onPointerUp, true);
      window.removeEventListener("scroll", onScroll);
    };
  }, []);

  return { toolbar, hide: () => setToolbar(null) };
}
