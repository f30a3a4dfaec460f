import type { JSONContent } from "@tiptap/core";
import { Fragment } from "react";
import { markedRuns, type PassageMark } from "@/lib/passage-marks";

/** What a link in the report's text carries: it leaves the app, in a new tab, and tells the other site nothing. */
export const LINK_ATTRIBUTES = { target: "_blank", rel: "noopener noreferrer nofollow" } as const;

/**
 * A stretch of a passage (code point offsets) with its bold, italic and link
 * marks, as the editor shows them: the link outermost, then bold, then italic.
 */
export function MarkedText({ text, marks, from, to }: { text: string; marks: PassageMark[]; from?: number; to?: number }) {
  return markedRuns(text, marks, from, to).map((run, i) => {
    let node: React.ReactNode = run.text;
    if (run.italic) node = <em>{node}</em>;
    if (run.bold) node = <strong>{node}</strong>;
    if (run.href)
      node = (
        <a href={run.href} {...LINK_ATTRIBUTES}>
          {node}
        </a>
      );
    return <Fragment key={i}>{node}</Fragment>;
  });
}

/** A passage's text as the editor's text nodes, each with the marks over it. */
export function markedTextNodes(text: string, marks: PassageMark[] | undefined): JSONContent[] {
  if (!marks?.length) return [{ type: "text", text }];
  return markedRuns(text, marks)
    .filter((run) => run.text !== "")
    .map((run) => {
      const nodeMarks: JSONContent["marks"] = [];
      if (run.href) nodeMarks.push({ type: "link", attrs: { href: run.href, ...LINK_ATTRIBUTES } });
      if (run.bold) nodeMarks.push({ type: "bold" });
      if (run.italic) nodeMarks.push({ type: "italic" });
      return nodeMarks.length ? { type: "text", text: run.text, marks: nodeMarks } : { type: "text", text: run.text };
    });
}
