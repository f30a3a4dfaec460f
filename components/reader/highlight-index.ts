import { highlightRows, type HighlightIndexJson } from "@/lib/domain/highlight-index";
import type { ReaderAnnotation, ReaderPassage } from "./types";

/** What the reader needs of an annotation it has no card for yet: its place, and what the filters look at. */
export type IndexedHighlight = Pick<
  ReaderAnnotation,
  "id" | "passageId" | "start" | "end" | "kind" | "status" | "verdict" | "visibility" | "tags" | "dueAt"
> & {
  author: { id: string };
  assignee: { id: string } | null;
};

/** The rows as the reader uses them; rows whose passage is not in the text are left out. */
export function decodeHighlightIndex(json: HighlightIndexJson, passages: ReaderPassage[]): IndexedHighlight[] {
  const passageIds = new Map(passages.map((p) => [p.index, p.id]));
  return highlightRows(json).flatMap(
    ([id, passageIndex, start, end, kind, status, verdict, visibility, authorId, tags, assigneeId, dueAt]) => {
      const passageId = passageIds.get(passageIndex);
      const assignee = assigneeId ? { id: assigneeId } : null;
      return passageId
        ? [{ id, passageId, start, end, kind, status, verdict, visibility, tags, author: { id: authorId }, assignee, dueAt: dueAt ?? null }]
        : [];
    },
  );
}
