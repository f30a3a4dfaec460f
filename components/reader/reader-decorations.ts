import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { codePointToUtf16 } from "@/lib/anchoring";

export interface HighlightSpec {
  id: string;
  passageId: string;
  start: number;
  end: number;
  kind: string;
  focused?: boolean;
}

export const readerDecorationsKey = new PluginKey<DecorationSet>("readerDecorations");

/** Where each passage's textblock starts in the document. */
export function passagePositions(doc: PMNode): Map<string, { pos: number; number: number; text: string }> {
  const map = new Map<string, { pos: number; number: number; text: string }>();
  doc.descendants((node, pos) => {
    if (node.isTextblock && node.attrs.passageId) {
      map.set(node.attrs.passageId, { pos, number: node.attrs.number, text: node.textContent });
      return false;
    }
    return true;
  });
  return map;
}

/** A document range for code point offsets in a passage, or null if it no longer fits. */
export function rangeInDocument(positions: ReturnType<typeof passagePositions>, h: Pick<HighlightSpec, "passageId" | "start" | "end">) {
  const p = positions.get(h.passageId);
  if (!p) return null;
  try {
    return { from: p.pos + 1 + codePointToUtf16(p.text, h.start), to: p.pos + 1 + codePointToUtf16(p.text, h.end) };
  } catch {
    return null;
  }
}

function numberWidget(number: number): HTMLElement {
  const a = document.createElement("a");
  a.className = "passage-number";
  a.href = `#p-${number}`;
  a.textContent = `¶ ${number}`;
  a.setAttribute("aria-label", `Link to paragraph ${number}`);
  a.setAttribute("contenteditable", "false");
  a.dataset.passageLink = String(number);
  return a;
}

export function buildDecorations(doc: PMNode, highlights: HighlightSpec[]): DecorationSet {
  const positions = passagePositions(doc);
  const decorations: Decoration[] = [];
  for (const { pos, number } of positions.values()) {
    decorations.push(Decoration.widget(pos + 1, () => numberWidget(number), { side: -1, key: `n${number}`, ignoreSelection: true }));
  }
  for (const h of highlights) {
    const range = rangeInDocument(positions, h);
    if (!range || range.to <= range.from) continue;
    // nodeName gives every annotation its own wrapper, so overlaps nest (and
    // their tints add up) and a click finds the innermost annotation's id.
    decorations.push(
      Decoration.inline(range.from, range.to, {
        nodeName: "span",
        class: `hl hl-${h.kind}${h.focused ? " hl-focus" : ""}`,
        "data-annotation-id": h.id,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** Paragraph numbers and highlights, replaced whenever the reader dispatches new ones. */
export const ReaderDecorations = Extension.create({
  name: "readerDecorations",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: readerDecorationsKey,
        state: {
          init: (_, state) => buildDecorations(state.doc, []),
          apply(tr, old) {
            const highlights = tr.getMeta(readerDecorationsKey) as HighlightSpec[] | undefined;
            return highlights ? buildDecorations(tr.doc, highlights) : old.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations: (state) => readerDecorationsKey.getState(state),
        },
      }),
    ];
  },
});
