import type { JSONContent } from "@tiptap/core";
import { markedTextNodes } from "./marked-text";
import type { ReaderPassage } from "./types";

/** A heading's level in the reader: 2 to 4, the report's title being the page's h1. */
export function headingLevel(p: ReaderPassage): 2 | 3 | 4 {
  return Math.min(Math.max(p.level ?? 2, 2), 4) as 2 | 3 | 4;
}

function block(p: ReaderPassage): JSONContent {
  const attrs = { passageId: p.id, number: p.index, chars: p.text.length };
  const content = markedTextNodes(p.text, p.marks);
  if (p.kind === "heading") return { type: "heading", attrs: { ...attrs, level: headingLevel(p) }, content };
  return { type: "paragraph", attrs: p.kind === "footnote" ? { ...attrs, footnote: true } : attrs, content };
}

/**
 * The TipTap document for a report's passages. Each passage is one textblock
 * carrying its id and number, so a text position inside it maps straight to an
 * offset in the passage. Consecutive quotes share a blockquote and consecutive
 * list items a list (an ordered one from its first item's number, while the
 * numbers follow on), as they were in the source. Headings start at level 2:
 * the report's title is the page's h1. Each top-level block also carries how
 * many characters (and items) it holds: a long report's blocks are laid out
 * lazily, and their size is estimated from that until they are.
 */
export function documentFromPassages(passages: ReaderPassage[]): JSONContent {
  const content: JSONContent[] = [];
  let number: number | null = null;
  for (const p of passages) {
    const last = content[content.length - 1];
    if (p.kind === "quote" || p.kind === "list_item") {
      const numbered = p.kind === "list_item" && p.listNumber != null;
      const type = p.kind === "quote" ? "blockquote" : numbered ? "orderedList" : "bulletList";
      const child = p.kind === "quote" ? block(p) : { type: "listItem", content: [block(p)] };
      const follows = type !== "orderedList" || p.listNumber === (number ?? NaN) + 1;
      number = numbered ? p.listNumber! : null;
      if (last?.type === type && follows) {
        last.content!.push(child);
        last.attrs = { ...last.attrs, chars: last.attrs!.chars + p.text.length, items: last.attrs!.items + 1 };
      } else {
        const start = type === "orderedList" ? { start: p.listNumber } : {};
        content.push({ type, attrs: { chars: p.text.length, items: 1, ...start }, content: [child] });
      }
    } else {
      number = null;
      content.push(block(p));
    }
  }
  return { type: "doc", content };
}
