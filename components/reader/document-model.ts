import type { JSONContent } from "@tiptap/core";
import type { ReaderPassage } from "./types";

function block(p: ReaderPassage): JSONContent {
  const attrs = { passageId: p.id, number: p.index };
  const content = [{ type: "text", text: p.text }];
  if (p.kind === "heading") return { type: "heading", attrs: { ...attrs, level: Math.min(Math.max(p.level ?? 2, 2), 4) }, content };
  return { type: "paragraph", attrs: p.kind === "footnote" ? { ...attrs, footnote: true } : attrs, content };
}

/**
 * The TipTap document for a report's passages. Each passage is one textblock
 * carrying its id and number, so a text position inside it maps straight to an
 * offset in the passage. Consecutive quotes share a blockquote and consecutive
 * list items a list, as they were in the source. Headings start at level 2:
 * the report's title is the page's h1.
 */
export function documentFromPassages(passages: ReaderPassage[]): JSONContent {
  const content: JSONContent[] = [];
  for (const p of passages) {
    const last = content[content.length - 1];
    if (p.kind === "quote") {
      if (last?.type === "blockquote") last.content!.push(block(p));
      else content.push({ type: "blockquote", content: [block(p)] });
    } else if (p.kind === "list_item") {
      const item = { type: "listItem", content: [block(p)] };
      if (last?.type === "bulletList") last.content!.push(item);
      else content.push({ type: "bulletList", content: [item] });
    } else {
      content.push(block(p));
    }
  }
  return { type: "doc", content };
}
