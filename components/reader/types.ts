import type { AnnotationView } from "@/lib/domain/annotation";
import type { Jsonified } from "@/lib/domain/json";
import type { PassageKindName, RoleName } from "@/lib/domain/words";
import type { PassageMark } from "@/lib/passage-marks";

/** Data the reader gets from the server, serialised for the client. */
export interface ReaderPassage {
  id: string;
  index: number;
  kind: PassageKindName;
  level: number | null;
  text: string;
  page?: number | null;
  /** Bold, italic and link ranges kept from the source (code point offsets). */
  marks?: PassageMark[];
  /** An ordered list item's number in the source. */
  listNumber?: number | null;
}

/** An annotation as the reader gets it: the API's AnnotationView, dates as ISO strings. */
export type ReaderAnnotation = Jsonified<AnnotationView>;

/** Who is reading, and what the workspace offers them. */
export interface ReaderContext {
  me: { id: string; name: string; role: RoleName };
  /** The workspace's members: who can be mentioned, and (by role) assigned a thread. */
  members: { id: string; name: string; role: RoleName }[];
  tags: { name: string; color: string }[];
  passages: ReaderPassage[];
}

/** A selection the user is about to annotate: code point offsets in one passage. */
export interface PendingSelection {
  passageId: string;
  passageIndex: number;
  start: number;
  end: number;
  quote: string;
}
