import type { ReaderAnnotation, ReaderPassage } from "./types";

/**
 * Every annotation of a report the reader shows, in a few fields: enough to
 * paint its highlight and to filter it, sent with the page so all highlights
 * are painted as soon as the text is, while the cards (with bodies, replies
 * and stances) are still being read page by page.
 *
 * On the wire a row is an array, not an object: a long report has thousands.
 * And the page carries the rows as one JSON string, as Postgres wrote it, not
 * as props: React reads a page's props through a reviver called for every
 * value, which for 10,000 rows of ten values was a task of 0.1 s or more
 * before the reader could render; one string is read in one `JSON.parse`.
 */
export type HighlightRow = [
  id: string,
  passageIndex: number,
  start: number,
  end: number,
  kind: ReaderAnnotation["kind"],
  status: ReaderAnnotation["status"],
  verdict: ReaderAnnotation["verdict"],
  visibility: ReaderAnnotation["visibility"],
  authorId: string,
  tags: string[],
];

/** What the reader needs of an annotation it has no card for yet: its place, and what the filters look at. */
export type IndexedHighlight = Pick<ReaderAnnotation, "id" | "passageId" | "start" | "end" | "kind" | "status" | "verdict" | "visibility" | "tags"> & {
  author: { id: string };
};

/** The index as the page carries it: the rows' JSON text. */
export type HighlightIndexJson = string;

export const highlightRows = (json: HighlightIndexJson): HighlightRow[] => JSON.parse(json) as HighlightRow[];

/** The rows as the reader uses them; rows whose passage is not in the text are left out. */
export function decodeHighlightIndex(json: HighlightIndexJson, passages: ReaderPassage[]): IndexedHighlight[] {
  const passageIds = new Map(passages.map((p) => [p.index, p.id]));
  return highlightRows(json).flatMap(([id, passageIndex, start, end, kind, status, verdict, visibility, authorId, tags]) => {
    const passageId = passageIds.get(passageIndex);
    return passageId ? [{ id, passageId, start, end, kind, status, verdict, visibility, tags, author: { id: authorId } }] : [];
  });
}
