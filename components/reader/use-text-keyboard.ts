"use client";

import { useEffect, useRef, type RefObject } from "react";
import { endOfPassage, startOfPassage } from "./text-selection";

/** The sticky top bar: what is under it is not in view. */
const TOP_BAR = 72;

type Move = [direction: "left" | "right" | "forward" | "backward", granularity: string];

/**
 * What an arrow key (or Home, End) does to the caret: by character, line or
 * to the line's ends; with Ctrl, by word, paragraph or to the text's ends.
 * Null for other keys.
 */
export function caretMove(key: string, ctrl: boolean): Move | null {
  switch (key) {
    case "ArrowLeft":
      return ["left", ctrl ? "word" : "character"];
    case "ArrowRight":
      return ["right", ctrl ? "word" : "character"];
    case "ArrowUp":
      return ["backward", ctrl ? "paragraph" : "line"];
    case "ArrowDown":
      return ["forward", ctrl ? "paragraph" : "line"];
    case "Home":
      return ["backward", ctrl ? "documentboundary" : "lineboundary"];
    case "End":
      return ["forward", ctrl ? "documentboundary" : "lineboundary"];
    default:
      return null;
  }
}

/** The ¶ link `step` links on from `from` (or the first or last with `to`), among `links`. */
export function rovingTarget(links: HTMLElement[], from: HTMLElement, key: string): HTMLElement | null {
  const i = links.indexOf(from);
  if (i === -1) return null;
  switch (key) {
    case "ArrowDown":
    case "ArrowRight":
      return links[Math.min(i + 1, links.length - 1)];
    case "ArrowUp":
    case "ArrowLeft":
      return links[Math.max(i - 1, 0)];
    case "Home":
      return links[0];
    case "End":
      return links[links.length - 1];
    default:
      return null;
  }
}

const textOf = (root: HTMLElement) => root.querySelector<HTMLElement>("[data-testid=report-text]");

/** The innermost highlight around a node of the text, if any. */
function highlightAt(node: Node | null, text: HTMLElement): HTMLElement | null {
  const el = node instanceof Element ? node : node?.parentElement;
  const hl = el?.closest<HTMLElement>(".hl[data-annotation-id]");
  return hl && text.contains(hl) ? hl : null;
}

/** Puts the caret at the start of the first passage on screen, when it is not in the text already. */
function placeCaret(text: HTMLElement) {
  const selection = document.getSelection();
  if (!selection || (selection.rangeCount > 0 && text.contains(selection.focusNode))) return;
  const passages = text.querySelectorAll<HTMLElement>("[data-passage-id]");
  const onScreen = [...passages].find((p) => p.getBoundingClientRect().bottom > TOP_BAR) ?? passages[0];
  const range = onScreen && startOfPassage(onScreen);
  if (!range) return;
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Scrolls the window so the caret (the selection's moving end) is in view. */
function keepCaretInView(selection: Selection) {
  if (!selection.focusNode) return;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  const box = range.getClientRects()[0] ?? range.getBoundingClientRect();
  if (!box || (box.top === 0 && box.bottom === 0)) return;
  if (box.top < TOP_BAR) window.scrollBy(0, box.top - TOP_BAR - 8);
  else if (box.bottom > window.innerHeight - 24) window.scrollBy(0, box.bottom - window.innerHeight + 48);
}

/**
 * The report text for the keyboard. It is one tab stop, read-only but
 * navigable with a caret, as caret browsing would make it: the arrow keys move
 * the caret (Shift selects, Ctrl goes by word or paragraph), so a keyboard
 * user can select a phrase and annotate it with h or c. Enter opens the
 * annotation under the caret, or the focused highlight's (highlights take the
 * focus but are not tab stops; focused from the keyboard, they open their
 * card). The ¶ links are one tab stop after the text, the arrow keys moving
 * between them (a roving tabindex), instead of hundreds.
 */
export function useTextKeyboard(
  root: RefObject<HTMLElement | null>,
  { onOpen, onShow }: { onOpen: (id: string) => void; onShow: (id: string) => void },
) {
  const latest = useRef({ onOpen, onShow });
  useEffect(() => {
    latest.current = { onOpen, onShow };
  });

  useEffect(() => {
    const container = root.current;
    if (!container) return;

    function onKeyDown(e: KeyboardEvent) {
      const text = textOf(container!);
      const target = e.target as HTMLElement;
      if (e.defaultPrevented || e.altKey || e.metaKey || !text || !text.contains(target)) return;
      if (target.classList.contains("passage-number")) {
        const next = rovingTarget([...text.querySelectorAll<HTMLElement>(".passage-number")], target, e.key);
        if (!next) return;
        e.preventDefault();
        next.focus();
        next.scrollIntoView({ block: "nearest" });
        return;
      }
      const selection = document.getSelection();
      if (!selection) return;
      if (e.key === "Enter") {
        const hl = target.matches(".hl") ? target : highlightAt(selection.focusNode, text);
        if (!hl) return;
        e.preventDefault();
        latest.current.onOpen(hl.dataset.annotationId!);
        return;
      }
      const move = caretMove(e.key, e.ctrlKey);
      if (!move) return;
      e.preventDefault();
      placeCaret(text);
      if (!selection.focusNode) return;
      const before = [selection.anchorNode!, selection.anchorOffset, selection.focusNode, selection.focusOffset] as const;
      if (move[1] === "documentboundary") {
        // Ctrl+Home/End: the start or end of the report's text, not of the whole page.
        const passages = text.querySelectorAll<HTMLElement>("[data-passage-id]");
        const edge =
          move[0] === "forward"
            ? passages[passages.length - 1] && endOfPassage(passages[passages.length - 1])
            : passages[0] && startOfPassage(passages[0]);
        if (edge) {
          if (e.shiftKey) selection.extend(edge.startContainer, edge.startOffset);
          else selection.collapse(edge.startContainer, edge.startOffset);
        }
        keepCaretInView(selection);
        return;
      }
      selection.modify(e.shiftKey ? "extend" : "move", move[0], move[1]);
      // The caret stays in the text: past its ends, it stays where it was.
      if (!text.contains(selection.focusNode)) selection.setBaseAndExtent(...before);
      keepCaretInView(selection);
    }

    function onFocusIn(e: FocusEvent) {
      const text = textOf(container!);
      const target = e.target as HTMLElement;
      if (!text || !text.contains(target)) return;
      if (target === text) return placeCaret(text);
      if (target.classList.contains("passage-number")) {
        // The one tab stop among the ¶ links is the one last focused.
        for (const link of text.querySelectorAll<HTMLElement>('.passage-number[tabindex="0"]')) if (link !== target) link.tabIndex = -1;
        target.tabIndex = 0;
        return;
      }
      // A highlight focused from the keyboard (a click opens its card on its own).
      if (target.matches(".hl[data-annotation-id]") && target.matches(":focus-visible"))
        latest.current.onShow(target.dataset.annotationId!);
    }

    container.addEventListener("keydown", onKeyDown);
    container.addEventListener("focusin", onFocusIn);
    return () => {
      container.removeEventListener("keydown", onKeyDown);
      container.removeEventListener("focusin", onFocusIn);
    };
  }, [root]);
}
