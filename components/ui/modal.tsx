"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A native modal dialog: focus is kept inside, Esc closes it, it is labelled
 * by its heading, and a click on the backdrop closes it.
 *
 * `onClose` is called once per opening. When the dialog closes itself (Esc, the
 * close button, the backdrop) it is called at once rather than on the native
 * `close` event: the browser queues that event, and a loaded browser may run a
 * key press before it (a quick Esc then Enter on the button that opened it),
 * which would reopen a dialog the parent still thought open and then close it.
 */
export function Modal({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  canClose = true,
  initialFocus,
}: {
  open: boolean;
  /** Called however it closes (Esc, the backdrop, a button that sets open to false). */
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  /** False while something must not be interrupted: Esc and the backdrop do nothing. */
  canClose?: boolean;
  /** A selector inside the dialog for what to focus on opening; otherwise the first control. */
  initialFocus?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const descriptionId = useId();
  // Whether this opening's close has been told to the parent.
  const closeTold = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      closeTold.current = false;
      dialog.showModal();
      if (initialFocus) dialog.querySelector<HTMLElement>(initialFocus)?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocus]);

  function tellClosed() {
    if (closeTold.current) return;
    closeTold.current = true;
    onClose();
  }

  function closeNow() {
    ref.current?.close();
    tellClosed();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={(e) => {
        // A late event of an earlier opening says nothing about this one.
        if (!e.currentTarget.open) tellClosed();
      }}
      onKeyDown={(e) => {
        if (e.key !== "Escape" || e.defaultPrevented) return;
        e.preventDefault();
        if (canClose) closeNow();
      }}
      onCancel={(e) => {
        if (!canClose) e.preventDefault();
      }}
      onClick={(e) => {
        // The content fills the dialog, so a click on the dialog itself is on the backdrop.
        if (e.target === e.currentTarget && canClose) closeNow();
      }}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(40rem,calc(100vw-2rem))] flex-col overflow-hidden rounded-lg border border-stone-200 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-950/40 open:flex dark:border-stone-800 dark:bg-stone-900 dark:text-stone-100 dark:backdrop:bg-black/60"
    >
      <div className="flex items-start justify-between gap-4 border-b border-stone-200 px-5 py-4 dark:border-stone-800">
        <div>
          <h2 id={headingId} className="text-lg font-semibold tracking-tight">
            {title}
          </h2>
          {description && (
            <p id={descriptionId} className="mt-0.5 text-sm text-stone-600 dark:text-stone-400">
              {description}
            </p>
          )}
        </div>
        <button
          type="button"
          onClick={closeNow}
          disabled={!canClose}
          aria-label="Close"
          className="-me-1 rounded p-1 text-stone-500 hover:bg-stone-100 hover:text-stone-900 focus-visible:outline-2 focus-visible:outline-amber-600 disabled:opacity-40 dark:text-stone-400 dark:hover:bg-stone-800 dark:hover:text-stone-100"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="h-5 w-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.75"
            strokeLinecap="round"
          >
            <path d="M5 5l10 10M15 5L5 15" />
          </svg>
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
      {footer && (
        <div className="flex flex-wrap items-center gap-3 border-t border-stone-200 px-5 py-3 dark:border-stone-800">{footer}</div>
      )}
    </dialog>
  );
}
