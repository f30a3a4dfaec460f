"use client";

import type { Editor } from "@tiptap/core";
import { useId, useState } from "react";
import { toolButton } from "./toolbar-button";

/**
 * The Link button's box under an editor's toolbar: an address, applied to the
 * selected words with Apply or Enter, removed when empty; Esc closes it. Not a
 * <form>: the editors sit inside forms (a comment, a reply), and a form inside
 * a form submits the outer one, reloading the page and losing the draft.
 */
export function LinkBox({
  editor,
  onClose,
  allowRelative = false,
}: {
  editor: Editor | null;
  onClose: () => void;
  allowRelative?: boolean;
}) {
  const id = useId();
  const [href, setHref] = useState<string>(() => editor?.getAttributes("link").href ?? "");

  function apply() {
    if (editor) {
      const url = href.trim();
      const absolute = (allowRelative ? /^([a-z]+:|\/|#)/i : /^[a-z]+:/i).test(url);
      const chain = editor.chain().focus().extendMarkRange("link");
      if (url) chain.setLink({ href: absolute ? url : `https://${url}` }).run();
      else chain.unsetLink().run();
    }
    onClose();
  }

  return (
    <div role="group" aria-label="Link" className="flex gap-1 border-b border-stone-200 p-1 dark:border-stone-800">
      <label className="sr-only" htmlFor={id}>
        Link address
      </label>
      <input
        id={id}
        autoFocus
        value={href}
        onChange={(e) => setHref(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            // Not the form's submit: the comment is not finished.
            e.preventDefault();
            apply();
          } else if (e.key === "Escape") {
            // The box's, not the card's or the composer's.
            e.preventDefault();
            e.stopPropagation();
            onClose();
            editor?.commands.focus();
          }
        }}
        placeholder="https://…"
        className="min-w-0 flex-1 rounded border border-stone-300 bg-transparent px-2 py-1 text-sm dark:border-stone-700"
      />
      <button type="button" className={toolButton} onClick={apply}>
        Apply
      </button>
    </div>
  );
}
