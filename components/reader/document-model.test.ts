import { describe, expect, it } from "vitest";
import { documentFromPassages } from "./document-model";
import type { ReaderPassage } from "./types";

const passage = (index: number, extra: Partial<ReaderPassage> = {}): ReaderPassage => ({
  id: `p${index}`,
  index,
  kind: "paragraph",
  level: null,
  text: `Text ${index}`,
  ...extra,
});

describe("documentFromPassages", () => {
  it("gives a passage's bold, italics and links as text marks, the text itself unchanged", () => {
    const doc = documentFromPassages([
      passage(1, {
        text: "Tariffs rose sharply, says the ministry.",
        marks: [
          { type: "bold", start: 13, end: 20 },
          { type: "link", start: 27, end: 39, href: "https://example.org/t" },
        ],
      }),
    ]);
    const nodes = doc.content![0].content!;
    expect(nodes.map((n) => n.text).join("")).toBe("Tariffs rose sharply, says the ministry.");
    expect(nodes).toEqual([
      { type: "text", text: "Tariffs rose " },
      { type: "text", text: "sharply", marks: [{ type: "bold" }] },
      { type: "text", text: ", says " },
      {
        type: "text",
        text: "the ministry",
        marks: [{ type: "link", attrs: { href: "https://example.org/t", target: "_blank", rel: "noopener noreferrer nofollow" } }],
      },
      { type: "text", text: "." },
    ]);
  });

  it("puts numbered items in an ordered list from their first number, a new list where the numbers break", () => {
    const doc = documentFromPassages([
      passage(1, { kind: "list_item", listNumber: 3 }),
      passage(2, { kind: "list_item", listNumber: 4 }),
      passage(3, { kind: "list_item", listNumber: 1 }),
      passage(4, { kind: "list_item" }),
    ]);
    expect(doc.content!.map((block) => [block.type, block.attrs?.start, block.content!.length])).toEqual([
      ["orderedList", 3, 2],
      ["orderedList", 1, 1],
      ["bulletList", undefined, 1],
    ]);
  });
});
