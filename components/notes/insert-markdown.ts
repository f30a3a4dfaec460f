import type { Editor } from "@tiptap/core";

/** What the panel's editors offer the panel: insert reports false when there is no editor yet. */
export interface ChildHandle {
  insert: (markdown: string) => boolean;
}

/**
 * Inserts Markdown after the top-level block holding the cursor if the writer
 * has been in the notes, else at the end (replacing an empty document), and
 * shows it. In co-edited notes this is an ordinary edit that others receive.
 */
export function insertMarkdown(editor: Editor, markdown: string, usedCursor: boolean): boolean {
  if (editor.isDestroyed) return false;
  const { state } = editor;
  const at = usedCursor && state.selection.$from.depth > 0 ? state.selection.$from.after(1) : state.doc.content.size;
  const empty = editor.isEmpty;
  editor
    .chain()
    .insertContentAt(empty ? { from: 0, to: state.doc.content.size } : at, markdown, { contentType: "markdown", updateSelection: true })
    .scrollIntoView()
    .run();
  requestAnimationFrame(() => editor.commands.focus());
  return true;
}
