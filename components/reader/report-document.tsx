"use client";

import type { Editor } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { documentFromPassages } from "./document-model";
import { PassageAttributes } from "./passage-attributes";
import { ReaderDecorations, type HighlightSpec } from "./reader-decorations";
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

/** The passage at the top of the window, and where it is: what the reader is looking at. */
interface Anchor {
  passageId: string;
  top: number;
}

function passageAtTop(root: HTMLElement): Anchor | null {
  const box = root.getBoundingClientRect();
  // Below the sticky header, a little into the text column.
  const at = document.elementFromPoint(box.left + 24, Math.max(box.top, 0) + 80);
  const passage = at?.closest<HTMLElement>("[data-passage-id]");
  if (!passage || !root.contains(passage)) return null;
  return { passageId: passage.dataset.passageId!, top: passage.getBoundingClientRect().top };
}

/**
 * Keeps what the reader is looking at in place when the text's DOM is swapped
 * (the static passages for the editor's) or a long report's passages are all
 * laid out at last, which would otherwise move a link to ¶ 600 hundreds of
 * passages away. Until the reader scrolls, the passage the address names
 * (#p-600) is put back at the top; after that, the passage that was at the
 * top stays where it was. (The browser's own scroll anchoring cannot follow a
 * replaced node, and misjudges a jump into text not yet laid out.)
 */
function useKeptPlace(root: React.RefObject<HTMLDivElement | null>, editor: unknown, long: boolean) {
  const anchor = useRef<Anchor | null>(null);
  const scrolledByReader = useRef(false);
  const shownEditor = useRef<unknown>(null);
  useEffect(() => {
    const reader = () => (scrolledByReader.current = true);
    const types = ["wheel", "touchmove", "keydown", "pointerdown"];
    for (const type of types) window.addEventListener(type, reader, { passive: true, once: true });
    return () => types.forEach((type) => window.removeEventListener(type, reader));
  }, []);
  useEffect(() => {
    // Once the editor is in, nothing is swapped any more: no need to follow the scrolling (each look costs a layout).
    if (editor) return;
    let frame = 0;
    const remember = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (root.current) anchor.current = passageAtTop(root.current);
      });
    };
    remember();
    window.addEventListener("scroll", remember, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", remember);
    };
  }, [root, editor]);
  useLayoutEffect(() => {
    if (!root.current) return;
    const named = /^#p-\d+$/.test(window.location.hash) ? root.current.querySelector<HTMLElement>(window.location.hash) : null;
    if (named && !scrolledByReader.current) {
      named.scrollIntoView({ block: "start" });
      return;
    }
    // Only a swapped DOM needs this: when passages are laid out, the browser keeps the place itself.
    const swapped = editor !== shownEditor.current;
    shownEditor.current = editor;
    const kept = anchor.current;
    if (!swapped || !kept) return;
    const passage = root.current.querySelector<HTMLElement>(`[data-passage-id="${CSS.escape(kept.passageId)}"]`);
    if (!passage) return;
    const moved = passage.getBoundingClientRect().top - kept.top;
    if (Math.abs(moved) > 1) window.scrollBy(0, moved);
  }, [root, editor, long]);
}

/**
 * The report text in a read-only TipTap editor with passage numbers and highlights.
 * `initialHighlights` are painted with the text when the editor is made (later
 * changes are the reader's to dispatch), so a long report's text and its
 * thousands of highlights are laid out once, not twice.
 */
export function ReportDocument({
  passages,
  initialHighlights,
  onEditor,
  long = false,
}: {
  passages: ReaderPassage[];
  initialHighlights: HighlightSpec[];
  onEditor: (editor: Editor | null) => void;
  long?: boolean;
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
        link: false,
        dropcursor: false,
        gapcursor: false,
        undoRedo: false,
        trailingNode: false,
        heading: { levels: [2, 3, 4] },
      }),
      PassageAttributes,
      ReaderDecorations.configure({ initial: initialHighlights }),
    ],
    content,
    editorProps: { attributes: { "aria-label": "Report text", "data-testid": "report-text" } },
  });

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  const root = useRef<HTMLDivElement>(null);
  useKeptPlace(root, editor, long);

  return (
    <div ref={root} className={long ? "report-text report-text-long" : "report-text"}>
      {editor ? <EditorContent editor={editor} /> : <StaticPassages passages={passages} />}
    </div>
  );
}
