"use client";

import { useStoredChoice } from "@/components/reader/use-stored-choice";

/**
 * "Wider notes": the team notes take half the page or more, for writing a
 * briefing beside the text (app/globals.css widens the reader's side column
 * while this says `data-notes-wide="true"` inside the open notes panel). The
 * choice is kept in this browser. On a phone the notes fill the sheet already:
 * no toggle there.
 */
export function WideNotesToggle() {
  const [width, setWidth] = useStoredChoice<"narrow" | "wide">("marginalia.notes-width", ["narrow", "wide"]);
  const wide = width === "wide";
  const toggle = () => setWidth(wide ? "narrow" : "wide");

  return (
    <div data-notes-wide={wide ? "true" : "false"} className="mb-2 hidden justify-end lg:flex">
      <button
        type="button"
        aria-pressed={wide}
        onClick={toggle}
        title={wide ? "Back to the narrow notes panel" : "Widen the notes for writing a briefing"}
        className="inline-flex items-center gap-1.5 rounded-md border border-stone-300 px-2 py-1 text-xs font-medium text-stone-700 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 aria-pressed:border-stone-900 aria-pressed:bg-stone-900 aria-pressed:text-white dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800 dark:aria-pressed:border-stone-100 dark:aria-pressed:bg-stone-100 dark:aria-pressed:text-stone-900"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M6 3 2 8l4 5M10 3l4 5-4 5" />
        </svg>
        Wider notes
      </button>
    </div>
  );
}
