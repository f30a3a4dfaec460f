import type { Node as PMNode } from "@tiptap/pm/model";
import { codePointToUtf16 } from "@/lib/anchoring";

// What the reader needs of the editor's document without the editor's code: it is loaded only for
// reports short enough to be read in the editor (see editor-text.tsx).

/** A highlight to paint: an annotation's place in a passage, in code points. */
export interface HighlightSpec {
  id: string;
  passageId: string;
  start: number;
  end: number;
  kind: string;
  focused?: boolean;
}

export interface PassagePosition {
  pos: number;
  number: number;
  text: string;
  /** Whether the text has characters outside the BMP: only then do code points and UTF-16 offsets differ. */
  astral: boolean;
}

const positionsByDoc = new WeakMap<PMNode, Map<string, PassagePosition>>();

/** Where each passage's textblock starts in the document (remembered per document: the reader's text never changes). */
export function passagePositions(doc: PMNode): Map<string, PassagePosition> {
  const known = positionsByDoc.get(doc);
  if (known) return known;
  const map = new Map<string, PassagePosition>();
  doc.descendants((node, pos) => {
    if (node.isTextblock && node.attrs.passageId) {
      const text = node.textContent;
      map.set(node.attrs.passageId, { pos, number: node.attrs.number, text, astral: /[\uD800-\uDFFF]/.test(text) });
      return false;
    }
    return true;
  });
  positionsByDoc.set(doc, map);
  return map;
}

/** A document range for code point offsets in a passage, or null if it no longer fits. */
export function rangeInDocument(positions: Map<string, PassagePosition>, h: Pick<HighlightSpec, "passageId" | "start" | "end">) {
  const p = positions.get(h.passageId);
  if (!p) return null;
  if (!p.astral) {
    if (h.start < 0 || h.end > p.text.length || h.start > h.end) return null;
    return { from: p.pos + 1 + h.start, to: p.pos + 1 + h.end };
  }
  try {
    return { from: p.pos + 1 + codePointToUtf16(p.text, h.start), to: p.pos + 1 + codePointToUtf16(p.text, h.end) };
  } catch {
    return null;
  }
}
