import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { passagePositions, rangeInDocument, type HighlightSpec, type PassagePosition } from "./editor-positions";

export const readerDecorationsKey = new PluginKey<ReaderDecorationState>("readerDecorations");

function numberWidget(number: number, first: boolean): HTMLElement {
  const a = document.createElement("a");
  a.className = "passage-number";
  a.href = `#p-${number}`;
  a.textContent = `¶ ${number}`;
  a.setAttribute("aria-label", `Link to paragraph ${number}`);
  a.setAttribute("contenteditable", "false");
  // One tab stop for all the links, the first one's to begin with (use-text-keyboard.ts moves it).
  a.tabIndex = first ? 0 : -1;
  a.dataset.passageLink = String(number);
  return a;
}

function highlightDecoration(positions: Map<string, PassagePosition>, h: HighlightSpec): Decoration | null {
  const range = rangeInDocument(positions, h);
  if (!range || range.to <= range.from) return null;
  // nodeName gives every annotation its own wrapper, so overlaps nest (and
  // their tints add up) and a click finds the innermost annotation's id.
  return Decoration.inline(range.from, range.to, {
    nodeName: "span",
    class: `hl hl-${h.kind}${h.focused ? " hl-focus" : ""}`,
    "data-annotation-id": h.id,
    // Focusable (not a tab stop): focused, it opens its card.
    tabindex: "-1",
  });
}

const sameSpec = (a: HighlightSpec, b: HighlightSpec) =>
  a.passageId === b.passageId && a.start === b.start && a.end === b.end && a.kind === b.kind && !!a.focused === !!b.focused;

/** The decorations, and the highlight each one shows, so the next list of highlights can be applied as a change. */
export interface ReaderDecorationState {
  set: DecorationSet;
  shown: Map<string, { spec: HighlightSpec; decoration: Decoration | null }>;
}

export function initialDecorations(doc: PMNode): ReaderDecorationState {
  const decorations: Decoration[] = [];
  let first = true;
  for (const { pos, number } of passagePositions(doc).values()) {
    const isFirst = first;
    first = false;
    decorations.push(
      Decoration.widget(pos + 1, () => numberWidget(number, isFirst), { side: -1, key: `n${number}`, ignoreSelection: true }),
    );
  }
  return { set: DecorationSet.create(doc, decorations), shown: new Map() };
}

/**
 * The highlights as given, from the ones shown: only those added, removed or
 * changed are taken out of and put into the set. Building the whole set anew
 * costs (passages × highlights), which for a long report with thousands of
 * highlights is most of a second on every page of annotations and every click.
 */
export function applyHighlights(doc: PMNode, state: ReaderDecorationState, highlights: HighlightSpec[]): ReaderDecorationState {
  const positions = passagePositions(doc);
  const shown = new Map<string, { spec: HighlightSpec; decoration: Decoration | null }>();
  const add: Decoration[] = [];
  const remove: Decoration[] = [];
  for (const h of highlights) {
    if (shown.has(h.id)) continue;
    const before = state.shown.get(h.id);
    if (before && sameSpec(before.spec, h)) {
      shown.set(h.id, before);
      continue;
    }
    if (before?.decoration) remove.push(before.decoration);
    const decoration = highlightDecoration(positions, h);
    if (decoration) add.push(decoration);
    shown.set(h.id, { spec: h, decoration });
  }
  for (const [id, before] of state.shown) if (!shown.has(id) && before.decoration) remove.push(before.decoration);
  let set = state.set;
  if (remove.length) set = set.remove(remove);
  if (add.length) set = set.add(doc, add);
  return { set, shown };
}

/** Paragraph numbers and highlights; the reader dispatches the highlights it wants shown. */
export const ReaderDecorations = Extension.create<{ initial: HighlightSpec[] | (() => HighlightSpec[]) }>({
  name: "readerDecorations",
  addOptions() {
    return { initial: [] };
  },
  addProseMirrorPlugins() {
    const { initial } = this.options;
    return [
      new Plugin<ReaderDecorationState>({
        key: readerDecorationsKey,
        state: {
          init: (_, state) =>
            applyHighlights(state.doc, initialDecorations(state.doc), typeof initial === "function" ? initial() : initial),
          apply(tr, old) {
            const highlights = tr.getMeta(readerDecorationsKey) as HighlightSpec[] | undefined;
            if (highlights) return applyHighlights(tr.doc, old, highlights);
            if (!tr.docChanged) return old;
            // The reader's text is read-only; should it change all the same, everything is placed afresh.
            return applyHighlights(
              tr.doc,
              initialDecorations(tr.doc),
              [...old.shown.values()].map((s) => s.spec),
            );
          },
        },
        props: {
          decorations: (state) => readerDecorationsKey.getState(state)?.set,
        },
      }),
    ];
  },
});
