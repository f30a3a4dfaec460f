"use client";

import type { ReactNode } from "react";

/** On a narrow screen the sidebar becomes a sheet at the bottom that opens over the text. */
export function BottomSheet({
  open,
  onOpenChange,
  count,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  count: number;
  children: ReactNode;
}) {
  return (
    <aside
      aria-label="Annotations"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-stone-200 bg-stone-50/95 shadow-[0_-4px_16px_rgba(0,0,0,0.08)] backdrop-blur dark:border-stone-800 dark:bg-stone-950/95"
    >
      <button
        type="button"
        aria-expanded={open}
        onClick={() => onOpenChange(!open)}
        className="flex w-full items-center justify-between px-4 py-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-amber-600"
      >
        <span>Annotations · {count}</span>
        <span aria-hidden="true">{open ? "▾" : "▴"}</span>
      </button>
      {open && <div className="max-h-[60vh] overflow-y-auto px-4 pb-6">{children}</div>}
    </aside>
  );
}
