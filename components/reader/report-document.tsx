"use client";

import type { Editor } from "@tiptap/core";
import dynamic from "next/dynamic";
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { HighlightSpec } from "./editor-positions";
import { lineCharsFrom, samplePassages } from "./layout-estimate";
import { StaticPassages, TEXT_HINT_ID } from "./static-passages";
import type { ReaderPassage } from "./types";

// The editor's code (TipTap and ProseMirror) comes only with a report read in the editor (its page
// brings it along when the server renders one): a long report never needs it, and evaluating it
// was a good part of the task that hydrated a long report's page. After a client-side navigation
// it arrives after the page: meanwhile the text shows as it does until the editor mounts.
const EditorText = dynamic(() => import("./editor-text").then((m) => m.EditorText), { loading: () => <TextWhileLoading /> });

/** The text the editor will show, for what stands in for it while its code loads. */
const LoadingText = createContext<{ passages: ReaderPassage[]; highlights: HighlightSpec[] } | null>(null);

function TextWhileLoading() {
  const text = useContext(LoadingText);
  return text && <StaticPassages passages={text.passages} highlights={text.highlights} />;
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
function useKeptPlace(
  root: React.RefObject<HTMLDivElement | null>,
  editor: unknown,
  willSwap: boolean,
  long: boolean,
  scrolledByReader: React.RefObject<boolean>,
) {
  const anchor = useRef<Anchor | null>(null);
  const shownEditor = useRef<unknown>(null);
  useEffect(() => {
    const reader = () => (scrolledByReader.current = true);
    const types = ["wheel", "touchmove", "keydown", "pointerdown"];
    for (const type of types) window.addEventListener(type, reader, { passive: true, once: true });
    return () => types.forEach((type) => window.removeEventListener(type, reader));
  }, [scrolledByReader]);
  useEffect(() => {
    // Once the editor is in (or when none comes), nothing is swapped: no need to follow the scrolling (each look costs a layout).
    if (editor || !willSwap) return;
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
  }, [root, editor, willSwap]);
  useLayoutEffect(() => {
    if (!root.current) return;
    const named = namedPassage(root.current);
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
  }, [root, editor, long, scrolledByReader]);
}

/**
 * Measures how many characters a line of the text holds, on the passages on
 * screen, when the text is shown and when the window is resized: blocks not
 * yet laid out get their size from it (layout-estimate.ts).
 */
function useLineChars(root: React.RefObject<HTMLDivElement | null>, editor: unknown) {
  useLayoutEffect(() => {
    const text = root.current;
    if (!text) return;
    const measure = () => {
      const lineChars = lineCharsFrom(samplePassages(text));
      // Only a real change: the property is inherited, so setting it has the style of all of the
      // text's elements (10,000 with a long report's highlights) worked out again. The default in
      // globals.css is what a desktop window's column holds.
      const current = parseFloat(getComputedStyle(text).getPropertyValue("--line-chars"));
      if (lineChars && !(Math.abs(lineChars - current) <= current * 0.03)) text.style.setProperty("--line-chars", lineChars.toFixed(1));
    };
    measure();
    let timer = 0;
    const resized = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(measure, 150);
    };
    window.addEventListener("resize", resized);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener("resize", resized);
    };
  }, [root, editor]);
}

/** The passage the address names (#p-600), if any. */
function namedPassage(root: HTMLElement): HTMLElement | null {
  return /^#p-\d+$/.test(window.location.hash) ? root.querySelector<HTMLElement>(window.location.hash) : null;
}

/**
 * Once a long report's cards are in, its blocks are laid out LAYOUT_STEP at a time, as many as fit
 * in LAYOUT_STEP_BUDGET_MS (at most LAYOUT_STEP_MAX) per idle task: a task of a few tens of
 * milliseconds, and the whole text laid out in a few seconds.
 */
const LAYOUT_STEP = 10;
const LAYOUT_STEP_MAX = 80;
const LAYOUT_STEP_BUDGET_MS = 30;

/**
 * Once a long report's cards are all in, its passages (laid out only near the
 * screen while they arrived) are laid out from the top, a few at a time while
 * the browser is idle: all at once took most of a second for 1,000 passages
 * and 9,000 highlights, a stall in the middle of reading. Each step marks a
 * few blocks laid out (data-laid-out; a long report's text is the static one,
 * whose elements React keeps), in the idle callback itself, so nothing (a
 * scroll, a React render) can come between the step and the place it keeps.
 * Returns whether it steps (or has stepped).
 */
function useLayoutInSteps(root: React.RefObject<HTMLDivElement | null>, lazy: boolean, scrolledByReader: React.RefObject<boolean>) {
  // A report that starts lazy is laid out in steps once it no longer is, from the very render it stops being lazy.
  const [wasLazy] = useState(lazy);
  // The class and the marks stay once every passage is laid out: taking them away would change the
  // style of every passage at once, and lay out the whole text again (848 ms in the benchmark).
  const stepping = wasLazy && !lazy;
  useEffect(() => {
    if (!stepping) return;
    let laidOut = 0;
    let handle = 0;
    const idle = typeof window.requestIdleCallback === "function";
    const schedule = () => {
      handle = idle ? window.requestIdleCallback(step, { timeout: 250 }) : window.setTimeout(step, 50);
    };
    const step = () => {
      const text = root.current?.querySelector(".ProseMirror");
      if (!text) return;
      const started = performance.now();
      const blocks = text.children;
      const from = laidOut;
      const limit = Math.min(from + LAYOUT_STEP_MAX, blocks.length);
      // Until the reader scrolls, the passage the address names is the place.
      const named = scrolledByReader.current ? null : namedPassage(root.current!);
      // Otherwise: when the blocks laid out now are above the window's bottom, what follows them (on
      // screen) moves by as much as they grow or shrink, which is put back; when they are below it,
      // nothing on screen moves. The first block after them tells which, and by how much. Where each
      // block that may come first after them is now: one layout, not a search for what is on screen.
      const before = new Map<number, number>();
      if (!named)
        for (let i = from + LAYOUT_STEP; i <= limit && i < blocks.length; i += LAYOUT_STEP)
          before.set(i, blocks[i].getBoundingClientRect().top);
      // A few blocks at a time, each laid out at once (to see what they cost), until the step's time is up.
      while (laidOut < limit) {
        const end = Math.min(laidOut + LAYOUT_STEP, limit);
        // An attribute on each block, not a rule over all of them: a changed style sheet has every
        // element's style worked out again (10,000 with the highlights), an attribute only its own.
        for (let i = laidOut; i < end; i++) (blocks[i] as HTMLElement).dataset.laidOut = "";
        laidOut = end;
        blocks[laidOut - 1].getBoundingClientRect();
        if (performance.now() - started > LAYOUT_STEP_BUDGET_MS) break;
      }
      const after = blocks[laidOut] as HTMLElement | undefined;
      const was = before.get(laidOut);
      if (named) named.scrollIntoView({ block: "start" });
      else if (after && was !== undefined && was < window.innerHeight) {
        const moved = after.getBoundingClientRect().top - was;
        if (Math.abs(moved) > 1) window.scrollBy(0, moved);
      }
      if (laidOut < blocks.length) schedule();
    };
    schedule();
    return () => {
      if (idle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [root, stepping, scrolledByReader]);
  return stepping;
}

/**
 * The report text. A long report (`textOnly`) is read as the server-rendered
 * text itself, with its highlights and ¶ links, and no editor: building a
 * ProseMirror view of 1,000 passages took one task of 0.4-0.9 s after the text
 * was on screen, a stall for whoever had begun to read or scroll. Selections
 * and places in it are read from the DOM (text-selection.ts). A shorter report
 * gets the editor.
 */
export function ReportDocument({
  passages,
  highlights,
  onEditor,
  long = false,
  textOnly = false,
}: {
  passages: ReaderPassage[];
  highlights: HighlightSpec[];
  onEditor: (editor: Editor | null) => void;
  long?: boolean;
  textOnly?: boolean;
}) {
  const root = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const made = useCallback(
    (next: Editor | null) => {
      setEditor(next);
      onEditor(next);
    },
    [onEditor],
  );
  const loadingText = useMemo(() => ({ passages, highlights }), [passages, highlights]);
  useLineChars(root, editor);
  const scrolledByReader = useRef(false);
  useKeptPlace(root, editor, !textOnly, long, scrolledByReader);
  const stepping = useLayoutInSteps(root, long, scrolledByReader);

  return (
    <div ref={root} className={long ? "report-text report-text-long" : stepping ? "report-text report-text-stepping" : "report-text"}>
      <p id={TEXT_HINT_ID} className="sr-only">
        Move through the text with the arrow keys; Shift with them selects. Then C comments, H highlights, Enter opens an annotation under
        the caret. Question mark lists every key.
      </p>
      {textOnly ? (
        <StaticPassages passages={passages} highlights={highlights} reading />
      ) : (
        <LoadingText value={loadingText}>
          <EditorText passages={passages} highlights={highlights} onEditor={made} />
        </LoadingText>
      )}
    </div>
  );
}
