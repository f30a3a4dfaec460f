import type { Editor } from "@tiptap/core";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { readerDecorationsKey, type HighlightSpec } from "./reader-decorations";

/** Passages whose highlights the editor is made with: those around the one on screen. */
export const NEAR_PASSAGES = 40;
/** Passages whose highlights are added per idle step after that. */
export const STAGE_PASSAGES = 60;

/** Passage indexes from `center` outwards: center, center+1, center-1, center+2, … */
export function outwardFrom(center: number, count: number): number[] {
  const order: number[] = [];
  for (let d = 0; order.length < count; d++) {
    if (center + d < count && center + d >= 0) order.push(center + d);
    if (d > 0 && center - d >= 0 && center - d < count) order.push(center - d);
    if (center + d >= count && center - d < 0) break;
  }
  return order;
}

interface Staging {
  /** The highlights to make the editor with (called when it is made). */
  initial: () => HighlightSpec[];
  latest: React.RefObject<HighlightSpec[]>;
  /** The passages whose highlights the editor shows; null once it shows all. */
  covered: React.RefObject<Set<string> | null>;
  /** Where the passages are added from: the one on screen when the editor was made. */
  center: React.RefObject<number>;
}

/**
 * Gives a long report's editor its highlights in steps. Building the editor
 * with all of them (9,000 in the benchmark's report) was one task of most of a
 * second, a stall for whoever had started to read or scroll the text that was
 * already there. So the editor is made with the highlights of the passages
 * around the one on screen (the server-rendered text showed them all, and
 * those in view stay), and the rest are added a few dozen passages at a time
 * while the browser is idle, nearest first (useStagedHighlights). Any change of
 * highlights meanwhile (a filter, a focus, a new card) applies at once to the
 * passages covered.
 */
export function useHighlightStaging({
  highlights,
  passageIds,
  staged,
  passageOnScreen,
}: {
  highlights: HighlightSpec[];
  passageIds: string[];
  /** Whether to stage at all (a long report); as it is when the editor is made. */
  staged: boolean;
  /** The passage on screen when the editor is made. */
  passageOnScreen: () => string | null;
}): Staging {
  const latest = useRef(highlights);
  useLayoutEffect(() => {
    latest.current = highlights;
  }, [highlights]);
  const covered = useRef<Set<string> | null>(null);
  const center = useRef(0);
  const [initial] = useState(() => () => {
    if (!staged) return latest.current;
    const onScreen = passageOnScreen();
    center.current = Math.max(0, onScreen ? passageIds.indexOf(onScreen) : 0);
    covered.current = new Set(outwardFrom(center.current, passageIds.length).slice(0, NEAR_PASSAGES).map((i) => passageIds[i]));
    return shownOf(latest.current, covered.current);
  });
  return { initial, latest, covered, center };
}

/** Dispatches the highlights to the editor: each change at once, and the passages not yet covered step by step. */
export function useStagedHighlights(staging: Staging, editor: Editor | null, highlights: HighlightSpec[], passageIds: string[]) {
  const { latest, covered, center } = staging;
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(readerDecorationsKey, shownOf(highlights, covered.current)));
  }, [editor, highlights, covered]);

  useEffect(() => {
    if (!editor || !covered.current) return;
    const order = outwardFrom(center.current, passageIds.length).map((i) => passageIds[i]);
    let next = 0;
    let handle = 0;
    const idle = typeof window.requestIdleCallback === "function";
    const schedule = () => {
      handle = idle ? window.requestIdleCallback(step, { timeout: 250 }) : window.setTimeout(step, 50);
    };
    const step = () => {
      const set = covered.current;
      if (!set || editor.isDestroyed) return;
      for (let added = 0; next < order.length && added < STAGE_PASSAGES; next++) {
        if (!set.has(order[next])) {
          set.add(order[next]);
          added++;
        }
      }
      if (next >= order.length) covered.current = null;
      editor.view.dispatch(editor.state.tr.setMeta(readerDecorationsKey, shownOf(latest.current, covered.current)));
      if (covered.current) schedule();
    };
    schedule();
    return () => {
      if (idle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, [editor, passageIds, latest, covered, center]);
}

function shownOf(highlights: HighlightSpec[], covered: Set<string> | null): HighlightSpec[] {
  return covered ? highlights.filter((h) => covered.has(h.passageId)) : highlights;
}
