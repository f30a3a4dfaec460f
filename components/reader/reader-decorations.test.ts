import { describe, expect, it } from "vitest";
import { Schema } from "@tiptap/pm/model";
import type { HighlightSpec } from "./editor-positions";
import { applyHighlights, initialDecorations } from "./reader-decorations";

const schema = new Schema({
  nodes: {
    doc: { content: "paragraph+" },
    paragraph: { content: "text*", attrs: { passageId: { default: null }, number: { default: 0 } } },
    text: {},
  },
});

const doc = schema.node("doc", null, [
  schema.node("paragraph", { passageId: "p1", number: 1 }, [schema.text("The first passage of the report.")]),
  schema.node("paragraph", { passageId: "p2", number: 2 }, [schema.text("Emoji 👩‍👩‍👧 then words after it.")]),
]);

/** The highlights in a set, as what a reader sees: id, class and the text they cover. */
function shown(state: ReturnType<typeof initialDecorations>) {
  return state.set
    .find()
    .filter((d) => (d as unknown as { type: { attrs?: Record<string, string> } }).type.attrs?.["data-annotation-id"])
    .map((d) => {
      const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
      return `${attrs["data-annotation-id"]}|${attrs.class}|${doc.textBetween(d.from, d.to)}`;
    })
    .sort();
}

const h = (id: string, passageId: string, start: number, end: number, extra: Partial<HighlightSpec> = {}): HighlightSpec => ({
  id,
  passageId,
  start,
  end,
  kind: "comment",
  ...extra,
});

describe("reader highlights applied as changes", () => {
  it("places highlights by code point, past characters outside the BMP", () => {
    const state = applyHighlights(doc, initialDecorations(doc), [h("a", "p1", 4, 9), h("b", "p2", 12, 16)]);
    // "Emoji 👩‍👩‍👧 " is 12 code points (three people, two joiners) but 15 UTF-16 units.
    expect(shown(state)).toEqual(["a|hl hl-comment|first", "b|hl hl-comment|then"]);
    // The paragraph numbers stay.
    expect(state.set.find().length).toBe(4);
  });

  it("ends where building from nothing would, after adds, moves, focus and removals", () => {
    let state = applyHighlights(doc, initialDecorations(doc), [h("a", "p1", 4, 9), h("b", "p1", 0, 3), h("c", "p2", 0, 5)]);
    state = applyHighlights(doc, state, [h("a", "p1", 4, 9, { focused: true }), h("c", "p2", 6, 7), h("d", "p1", 10, 17)]);
    const fresh = applyHighlights(doc, initialDecorations(doc), [
      h("a", "p1", 4, 9, { focused: true }),
      h("c", "p2", 6, 7),
      h("d", "p1", 10, 17),
    ]);
    expect(shown(state)).toEqual(shown(fresh));
    expect(shown(state)).toEqual(["a|hl hl-comment hl-focus|first", "c|hl hl-comment|👩", "d|hl hl-comment|passage"]);
  });

  it("keeps the same set when nothing changed, and skips a highlight that no longer fits", () => {
    const first = applyHighlights(doc, initialDecorations(doc), [h("a", "p1", 4, 9), h("x", "p1", 30, 99), h("y", "nowhere", 0, 1)]);
    expect(shown(first)).toEqual(["a|hl hl-comment|first"]);
    const again = applyHighlights(doc, first, [h("a", "p1", 4, 9), h("x", "p1", 30, 99), h("y", "nowhere", 0, 1)]);
    expect(again.set).toBe(first.set);
  });
});
