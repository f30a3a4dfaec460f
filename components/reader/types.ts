/** Data the reader gets from the server, serialised for the client. */
export interface ReaderPassage {
  id: string;
  index: number;
  kind: "heading" | "paragraph" | "quote" | "list_item";
  level: number | null;
  text: string;
}

export interface ReaderAnnotation {
  id: string;
  passageId: string;
  passageIndex: number;
  kind: "highlight" | "comment" | "question" | "claim";
  visibility: "private" | "workspace";
  body: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  author: { id: string; name: string };
  createdAt: string;
}

/** A selection the user is about to annotate: code point offsets in one passage. */
export interface PendingSelection {
  passageId: string;
  passageIndex: number;
  start: number;
  end: number;
  quote: string;
}
