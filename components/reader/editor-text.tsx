"use client";

import type { Editor } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useMemo } from "react";
import { LINK_ATTRIBUTES } from "./marked-text";
import { documentFromPassages } from "./document-model";
import type { HighlightSpec } from "./editor-positions";
import { PassageAttributes } from "./passage-attributes";
import { ReaderDecorations, readerDecorationsKey } from "./reader-decorations";
import { StaticPassages, TEXT_ATTRIBUTES } from "./static-passages";
import type { ReaderPassage } from "./types";

/**
 * The report text in a read-only TipTap editor with passage numbers and
 * highlights, made with its highlights so they are laid out once, not twice;
 * later changes are applied as changes. Until it has mounted, the
 * server-rendered text shows the same highlights.
 */
export function EditorText({
  passages,
  highlights,
  onEditor,
}: {
  passages: ReaderPassage[];
  highlights: HighlightSpec[];
  onEditor: (editor: Editor | null) => void;
}) {
  const content = useMemo(() => documentFromPassages(passages), [passages]);
  const editor = useEditor({
    editable: false,
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        code: false,
        codeBlock: false,
        horizontalRule: false,
        hardBreak: false,
        strike: false,
        underline: false,
        // Links kept from the source document: opened as links, never made from typed text.
        link: { openOnClick: false, autolink: false, linkOnPaste: false, HTMLAttributes: LINK_ATTRIBUTES },
        dropcursor: false,
        gapcursor: false,
        undoRedo: false,
        trailingNode: false,
        heading: { levels: [2, 3, 4] },
      }),
      PassageAttributes,
      ReaderDecorations.configure({ initial: highlights }),
    ],
    content,
    editorProps: { attributes: { ...TEXT_ATTRIBUTES, tabindex: "0" } },
  });
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(readerDecorationsKey, highlights));
  }, [editor, highlights]);
  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  return editor ? <EditorContent editor={editor} /> : <StaticPassages passages={passages} highlights={highlights} />;
}
