"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export interface ToastMessage {
  message: string;
  /** A button beside the message, e.g. Undo. */
  action?: { label: string; run: () => void };
}

/** How long a toast stays, unless the pointer or the focus is on it. */
const TOAST_MS = 10_000;

/** One toast at a time: showing another replaces it. */
export function useToast() {
  const [toast, setToast] = useState<(ToastMessage & { id: number }) | null>(null);
  const next = useRef(0);
  const show = useCallback((t: ToastMessage) => setToast({ ...t, id: ++next.current }), []);
  const dismiss = useCallback(() => setToast(null), []);
  /** Dismisses a toast that only tells something (one with an action, such as Undo, stays). */
  const dismissNotice = useCallback(() => setToast((t) => (t?.action ? t : null)), []);
  return { toast, show, dismiss, dismissNotice };
}

/**
 * A short message at the bottom of the screen (above a phone's bottom sheet),
 * with an optional action: a polite live region, so screen readers hear it.
 * It goes after a few seconds, but never while the pointer or the focus is on it.
 */
export function Toast({ toast, onDismiss }: { toast: (ToastMessage & { id: number }) | null; onDismiss: () => void }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (!toast || held) return;
    const timer = window.setTimeout(onDismiss, TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast, held, onDismiss]);
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-16 z-50 flex justify-center px-4 lg:bottom-6"
    >
      {toast && (
        <div
          key={toast.id}
          className="pointer-events-auto flex max-w-md items-center gap-4 rounded-md bg-stone-900 px-4 py-2.5 text-sm text-white shadow-lg dark:bg-stone-100 dark:text-stone-900"
          onPointerEnter={() => setHeld(true)}
          onPointerLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={() => setHeld(false)}
        >
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="-my-1 min-h-8 rounded px-2 font-semibold underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-amber-400 dark:focus-visible:outline-amber-700"
              onClick={() => {
                toast.action!.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            aria-label="Dismiss"
            className="-my-1 -me-2 rounded px-1.5 text-stone-400 hover:text-white focus-visible:outline-2 focus-visible:outline-amber-400 dark:text-stone-500 dark:hover:text-stone-900"
            onClick={onDismiss}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
