"use client";

import { useEffect, useState, type RefObject } from "react";

/** The row, and the side of it, where the reader's selection is: the other side's passages are shown as its match. */
export function useSelectedRow(root: RefObject<HTMLElement | null>): { row: string; side: string } | null {
  const [selected, setSelected] = useState<{ row: string; side: string } | null>(null);
  useEffect(() => {
    const onChange = () => {
      const selection = window.getSelection();
      const node = selection && !selection.isCollapsed ? selection.anchorNode : null;
      const el = node instanceof Element ? node : node?.parentElement;
      const side = el?.closest<HTMLElement>("[data-side]");
      const row = side?.closest<HTMLElement>("[data-row]");
      const next = row && side && root.current?.contains(row) ? { row: row.dataset.row!, side: side.dataset.side! } : null;
      setSelected((s) => (s?.row === next?.row && s?.side === next?.side ? s : next));
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [root]);
  return selected;
}
