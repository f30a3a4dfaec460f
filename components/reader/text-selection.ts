import { codePointToUtf16 } from "@/lib/anchoring";
import { pendingSelection } from "./selection";
import type { PendingSelection } from "./types";

/**
 * Selections and places in the report text as plain DOM: a long report is read
 * without an editor (see ReportDocument), so what selectionInPassage and the
 * editor's coordsAtPos do for a short one is done here on the passages'
 * elements. A passage is the element with data-passage-id; its text is that of
 * its text nodes, less the ¶ link before it (.passage-number).
 */

function textNodes(passage: HTMLElement): Text[] {
  const nodes: Text[] = [];
  const walker = passage.ownerDocument.createTreeWalker(passage, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(".passage-number") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The passage's text, without its ¶ link. */
export function passageText(passage: HTMLElement): string {
  return textNodes(passage)
    .map((t) => t.data)
    .join("");
}

/** The UTF-16 offset in the passage's text of a DOM boundary point inside it. */
function offsetOf(passage: HTMLElement, node: Node, offset: number): number {
  const boundary = passage.ownerDocument.createRange();
  boundary.setStart(node, offset);
  let at = 0;
  for (const text of textNodes(passage)) {
    if (text === node) return at + offset;
    // The first text at or after the boundary: the boundary is where it starts.
    if (boundary.comparePoint(text, 0) >= 0) return at;
    at += text.length;
  }
  return at;
}

/**
 * The part of a DOM selection in the report text that lies in one passage, as
 * code point offsets: the first passage it touches, cut at that passage's end;
 * surrounding whitespace trimmed. Null outside the text or when nothing is left.
 */
export function selectionInText(root: HTMLElement, selection: Selection | null): PendingSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  // A selection starting at the very end of a passage (or between two) begins in the next one.
  for (const passage of root.querySelectorAll<HTMLElement>("[data-passage-id]")) {
    if (!range.intersectsNode(passage)) continue;
    const found = inPassage(passage, range);
    if (found) return found;
    if (passage.contains(range.endContainer)) return null;
  }
  return null;
}

function inPassage(passage: HTMLElement, range: Range): PendingSelection | null {
  const text = passageText(passage);
  const startU = passage.contains(range.startContainer) ? offsetOf(passage, range.startContainer, range.startOffset) : 0;
  const endU = passage.contains(range.endContainer) ? offsetOf(passage, range.endContainer, range.endOffset) : text.length;
  return pendingSelection(passage.dataset.passageId!, Number(passage.dataset.number ?? passage.id.replace(/^p-/, "")), text, startU, endU);
}

/** The top, in the window, of the line where a code point offset of a passage is; null if the passage or offset is not there. */
export function topOfOffset(root: HTMLElement, passageId: string, codePoint: number): number | null {
  const passage = [...root.querySelectorAll<HTMLElement>("[data-passage-id]")].find((p) => p.dataset.passageId === passageId);
  if (!passage) return null;
  let offset: number;
  try {
    offset = codePointToUtf16(passageText(passage), codePoint);
  } catch {
    return null;
  }
  for (const text of textNodes(passage)) {
    if (offset <= text.length) {
      const range = passage.ownerDocument.createRange();
      range.setStart(text, offset);
      range.setEnd(text, Math.min(offset + 1, text.length));
      const box = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return box.top;
    }
    offset -= text.length;
  }
  return passage.getBoundingClientRect().top;
}

/** A collapsed range at the start of a passage's text (after its ¶ link), or null when it has none. */
export function startOfPassage(passage: HTMLElement): Range | null {
  const first = textNodes(passage).find((t) => t.length > 0);
  if (!first) return null;
  const range = passage.ownerDocument.createRange();
  range.setStart(first, 0);
  range.collapse(true);
  return range;
}

/** The place after a passage's last character (the ¶ number is not its text), or null. */
export function endOfPassage(passage: HTMLElement): Range | null {
  const last = textNodes(passage).findLast((t) => t.length > 0);
  if (!last) return null;
  const range = passage.ownerDocument.createRange();
  range.setStart(last, last.length);
  range.collapse(true);
  return range;
}

/** A ¶ link clicked (or Enter on it): the address of its passage goes in the location bar and the clipboard, and the passage to the top. */
export function copyPassageLink(link: HTMLElement): void {
  const url = `${window.location.origin}${window.location.pathname}#p-${link.dataset.passageLink}`;
  window.history.replaceState(null, "", url);
  void navigator.clipboard?.writeText(url).catch(() => undefined);
  link.scrollIntoView({ block: "start", behavior: "smooth" });
}
