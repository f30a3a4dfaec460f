import type { AnnotationKindName, AnnotationStatusName, VerdictName, VisibilityName } from "./words";

/**
 * The reader's highlight index as the server writes it
 * (lib/server/annotations/highlight-index.ts) and the reader reads it
 * (components/reader/highlight-index.ts): every annotation of a report the
 * reader shows, in a few fields, enough to paint its highlight and to filter it.
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
  kind: AnnotationKindName,
  status: AnnotationStatusName,
  verdict: VerdictName,
  visibility: VisibilityName,
  authorId: string,
  tags: string[],
  assigneeId: string | null,
  /** "YYYY-MM-DD". */
  dueAt: string | null,
];

/** The index as the page carries it: the rows' JSON text. */
export type HighlightIndexJson = string;

export const highlightRows = (json: HighlightIndexJson): HighlightRow[] => JSON.parse(json) as HighlightRow[];
