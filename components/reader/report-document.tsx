"use client";

import type { Editor } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useMemo } from "react";
import { documentFromPassages } from "./document-model";
import { PassageAttributes } from "./passage-attributes";
import { ReaderDecorations } from "./reader-decorations";
import type { ReaderPassage } from "./types";

/** The passages as plain markup, shown until the editor has mounted (and without JavaScript). */
function StaticPassages({ passages }: { passages: ReaderPassage[] }) {
  return (
    <div className="ProseMirror" aria-busy="true">
      {passages.map((p) => {
        const props = { id: `p-${p.index}`, "data-passage-id": p.id, dir: "auto" as const };
        if (p.kind === "heading") return <h2 key={p.id} {...props}>{p.text}</h2>;
        if (p.kind === "quote") return <blockquote key={p.id}><p {...props}>{p.text}</p></blockquote>;
        if (p.kind === "list_item") return <ul key={p.id}><li><p {...props}>{p.text}</p></li></ul>;
        return <p key={p.id} {...props}>{p.text}</p>;
      })}
    </div>
  );
}

/** The report text in a read-only TipTap editor with passage numbers and highlights. */
export function ReportDocument({ passages, onEditor, long = false }: { passages: ReaderPassage[]; onEditor: (editor: Editor | null) => void; long?: boolean }) {
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
        link: false,
        dropcursor: false,
        gapcursor: false,
        undoRedo: false,
        trailingNode: false,
        heading: { levels: [2, 3, 4] },
      }),
      PassageAttributes,
      ReaderDecorations,
    ],
    content,
    editorProps: { attributes: { "aria-label": "Report text", "data-testid": "report-text" } },
  });

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  return (
    <div className={long ? "report-text report-text-long" : "report-text"}>
      {editor ? <EditorContent editor={editor} /> : <StaticPassages passages={passages} />}
    </div>
  );
}
