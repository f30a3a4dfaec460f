"use client";

import type { Editor } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
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
function useKeptPlace(root: React.RefObject<HTMLDivElement | null>, editor: unknown, long: boolean, laidOut: number, anchor: React.RefObject<Anchor | null>) {
  const scrolledByReader = useRef(false);
  const shownEditor = useRef<unknown>(null);
  const shownStep = useRef(0);
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
  }, [root, editor, anchor]);
  useLayoutEffect(() => {
    if (!root.current) return;
    const named = /^#p-\d+$/.test(window.location.hash) ? root.current.querySelector<HTMLElement>(window.location.hash) : null;
    if (named && !scrolledByReader.current) {
      named.scrollIntoView({ block: "start" });
      return;
    }
    // A swapped DOM, or a step of the layout (the browser's own anchoring is off meanwhile):
    // only then is the place kept by hand; the browser keeps it through everything else.
    const swapped = editor !== shownEditor.current;
    shownEditor.current = editor;
    const stepped = laidOut !== shownStep.current;
    shownStep.current = laidOut;
    const kept = anchor.current;
    if (!(swapped || stepped) || !kept) return;
    const passage = root.current.querySelector<HTMLElement>(`[data-passage-id="${CSS.escape(kept.passageId)}"]`);
    if (!passage) return;
    const moved = passage.getBoundingClientRect().top - kept.top;
    if (Math.abs(moved) > 1) window.scrollBy(0, moved);
  }, [root, editor, long, laidOut, anchor]);
}

/** Passages laid out per step once the cards are in: each step is a task of a few tens of milliseconds. */
const LAYOUT_STEP = 15;

/**
 * Once a long report's cards are all in, its passages (laid out only near the
 * screen while they arrived) are laid out from the top, a few at a time while
 * the browser is idle: all at once took most of a second for 1,000 passages
 * and 9,000 highlights, a stall in the middle of reading. Meanwhile the
 * browser's scroll anchoring is off and the place is kept by hand at each step
 * (both at once moved the text twice). Returns how many are laid out, and the
 * CSS rule for the rest (null when none is left).
 */
function useLayoutInSteps(root: React.RefObject<HTMLDivElement | null>, lazy: boolean, passageCount: number, anchor: React.RefObject<Anchor | null>) {
  // A report that starts lazy is laid out in steps once it no longer is, from the very render it stops being lazy.
  const [wasLazy] = useState(lazy);
  const [laidOut, setLaidOut] = useState(0);
  const stepping = wasLazy && !lazy && laidOut < passageCount;
  useEffect(() => {
    if (!stepping) return;
    const html = document.documentElement;
    const before = html.style.overflowAnchor;
    html.style.overflowAnchor = "none";
    return () => {
      html.style.overflowAnchor = before;
    };
  }, [stepping]);
  useEffect(() => {
    if (!stepping) return;
    const step = () => {
      if (root.current) anchor.current = passageAtTop(root.current);
      setLaidOut((n) => n + LAYOUT_STEP);
    };
    if (typeof window.requestIdleCallback !== "function") {
      const timer = window.setTimeout(step, 50);
      return () => window.clearTimeout(timer);
    }
    const id = window.requestIdleCallback(step, { timeout: 250 });
    return () => window.cancelIdleCallback(id);
  }, [root, anchor, stepping, laidOut]);
  return { laidOut, rule: stepping ? `.report-text-stepping .ProseMirror > :nth-child(n+${laidOut + 1}) { content-visibility: auto; contain-intrinsic-size: auto 9rem; overflow-clip-margin: 7rem; }` : null };
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
  const anchor = useRef<Anchor | null>(null);
  const { laidOut, rule } = useLayoutInSteps(root, long, passages.length, anchor);
  useKeptPlace(root, editor, long, laidOut, anchor);

  return (
    <div ref={root} className={long ? "report-text report-text-long" : rule ? "report-text report-text-stepping" : "report-text"}>
      {rule && <style>{rule}</style>}
      {editor ? <EditorContent editor={editor} /> : <StaticPassages passages={passages} />}
    </div>
  );
}
