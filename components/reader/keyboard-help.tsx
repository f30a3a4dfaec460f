"use client";

import { Modal } from "@/components/ui/modal";

/** The reader's keys, as the `?` overlay lists them; use-reader-keys.ts and use-text-keyboard.ts act on them. */
export const READER_SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ["j"], what: "Next annotation" },
  { keys: ["k"], what: "Previous annotation" },
  { keys: ["Enter"], what: "Open the annotation in focus (on a card, a highlight, or with the caret in a highlight)" },
  { keys: ["r"], what: "Reply to the annotation in focus" },
  { keys: ["Esc"], what: "Close, from anywhere (a draft is kept, or can be brought back with Undo)" },
  { keys: ["Tab"], what: "Into the report text: the caret starts on the first passage on screen" },
  { keys: ["←", "→", "↑", "↓"], what: "Move the caret in the text (with Ctrl: by word or paragraph)" },
  { keys: ["Shift", "+ arrows"], what: "Select text from the caret" },
  { keys: ["c"], what: "Comment on the selected text" },
  { keys: ["h"], what: "Highlight the selected text" },
  { keys: ["/"], what: "Search this workspace" },
  { keys: ["?"], what: "Show these shortcuts" },
];

/** The `?` overlay: every shortcut of the reader. */
export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      description="The reader works without a mouse. ¶ numbers are one stop after the text: the arrow keys move between them."
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        {READER_SHORTCUTS.map((s) => (
          <div key={s.what} className="contents">
            <dt className="flex items-start gap-1 whitespace-nowrap">
              {s.keys.map((k) =>
                k.startsWith("+") ? (
                  <span key={k} className="text-stone-500 dark:text-stone-400">
                    {k}
                  </span>
                ) : (
                  <kbd
                    key={k}
                    className="rounded border border-stone-300 bg-stone-50 px-1.5 py-0.5 font-mono text-xs dark:border-stone-700 dark:bg-stone-800"
                  >
                    {k}
                  </kbd>
                ),
              )}
            </dt>
            <dd className="text-stone-700 dark:text-stone-300">{s.what}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
