import type { Editor } from "@tiptap/core";
import { utf16ToCodePoint } from "@/lib/anchoring";
import type { PendingSelection } from "./types";

/**
 * The part of a DOM selection that lies in one passage, as code point offsets.
 * A selection running into the next passages is cut at the end of the first
 * (an annotation anchors in one passage); surrounding whitespace is trimmed.
 */
export function selectionInPassage(editor: Editor, selection: Selection | null): PendingSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const view = editor.view;
  if (!view.dom.contains(range.commonAncestorContainer)) return null;

  let from: number;
  let to: number;
  try {
    from = view.posAtDOM(range.startContainer, range.startOffset);
    to = view.posAtDOM(range.endContainer, range.endOffset);
  } catch {
    return null;
  }
  const doc = editor.state.doc;
  let $from = doc.resolve(from);
  // A selection starting between blocks (a triple click) begins in the next textblock.
  if (!$from.parent.isTextblock) {
    let next: number | null = null;
    doc.nodesBetween(from, Math.min(to + 1, doc.content.size), (node, pos) => {
      if (next === null && node.isTextblock) next = pos + 1;
      return next === null;
    });
    if (next === null) return null;
    $from = doc.resolve(next);
  }
  const block = $from.parent;
  const passageId = block.attrs.passageId as string | null;
  if (!passageId) return null;
  const blockStart = $from.start();
  const text = block.textContent;

  const startU = $from.parentOffset;
  let endU = Math.min(to - blockStart, text.length);
  if (to > blockStart + text.length || to < blockStart) endU = text.length;
  return pendingSelection(passageId, block.attrs.number, text, startU, endU);
}

/**
 * A pending selection of a passage's text between two UTF-16 offsets: surrounding
 * whitespace trimmed, offsets in code points. Null when nothing is left.
 */
export function pendingSelection(
  passageId: string,
  passageIndex: number,
  text: string,
  startU: number,
  endU: number,
): PendingSelection | null {
  while (startU < endU && /\s/.test(text[startU])) startU++;
  while (endU > startU && /\s/.test(text[endU - 1])) endU--;
  if (endU <= startU) return null;
  const start = utf16ToCodePoint(text, startU);
  // Round the end up past a surrogate pair's second half, never into its middle.
  const end = utf16ToCodePoint(text, endU) + (endU < text.length && /[\uDC00-\uDFFF]/.test(text[endU]) ? 1 : 0);
  return { passageId, passageIndex, start, end, quote: Array.from(text).slice(start, end).join("") };
}
