import { Extension } from "@tiptap/core";
import { sizeHintStyle } from "./layout-estimate";

function sizeHint(chars: unknown, items?: unknown): Record<string, string> {
  return typeof chars === "number" ? { style: sizeHintStyle(chars, typeof items === "number" ? items : undefined) } : {};
}

/**
 * Gives paragraphs and headings the passage they show: its id (for anchoring),
 * its number (for the ¶ link target) and dir="auto", so right-to-left text
 * reads right to left inside the English page. Blocks carry their length, for
 * the size a long report's not yet laid out blocks are given (layout-estimate.ts).
 */
export const PassageAttributes = Extension.create({
  name: "passageAttributes",
  addGlobalAttributes() {
    return [
      {
        types: ["paragraph", "heading"],
        attributes: {
          passageId: {
            default: null,
            renderHTML: (attrs) => (attrs.passageId ? { "data-passage-id": attrs.passageId } : {}),
          },
          number: {
            default: null,
            renderHTML: (attrs) => (attrs.number ? { id: `p-${attrs.number}`, "data-number": String(attrs.number) } : {}),
          },
          dir: { default: "auto", renderHTML: () => ({ dir: "auto" }) },
          // Footnotes read as notes: smaller, set apart.
          footnote: { default: false, renderHTML: (attrs) => (attrs.footnote ? { class: "passage-footnote" } : {}) },
          chars: { default: null, renderHTML: (attrs) => sizeHint(attrs.chars) },
        },
      },
      {
        types: ["blockquote", "bulletList", "orderedList"],
        attributes: {
          chars: { default: null, renderHTML: (attrs) => sizeHint(attrs.chars, attrs.items) },
          items: { default: null, renderHTML: () => ({}) },
        },
      },
    ];
  },
});
