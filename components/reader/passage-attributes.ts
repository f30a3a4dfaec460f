import { Extension } from "@tiptap/core";

/**
 * Gives paragraphs and headings the passage they show: its id (for anchoring),
 * its number (for the ¶ link target) and dir="auto", so right-to-left text
 * reads right to left inside the English page.
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
        },
      },
    ];
  },
});
