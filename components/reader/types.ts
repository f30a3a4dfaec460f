import type { EvidenceView } from "@/lib/format/evidence";
import type { PassageMark } from "@/lib/passage-marks";

/** Data the reader gets from the server, serialised for the client. */
export interface ReaderPassage {
  id: string;
  index: number;
  kind: "heading" | "paragraph" | "quote" | "list_item" | "footnote";
  level: number | null;
  text: string;
  page?: number | null;
  /** Bold, italic and link ranges kept from the source (code point offsets). */
  marks?: PassageMark[];
  /** An ordered list item's number in the source. */
  listNumber?: number | null;
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
  claimSummary: string | null;
  status: "open" | "resolved";
  anchorStatus?: "anchored" | "moved" | "orphaned";
  verdict: Verdict;
  /** Who last set the verdict, and when (null while nobody has). */
  verdictSetBy?: { id: string; name: string } | null;
  verdictSetAt?: string | null;
  tags: string[];
  replyCount: number;
  tally: Record<StanceName, number>;
  stances: {
    user: { id: string; name: string };
    stance: StanceName;
    note: string | null;
    evidence: EvidenceView | null;
  }[];
  version: number;
  editedAt: string | null;
  /** Who wrote it in the tool it was imported from, when that person is not a member. */
  importedCreator?: string | null;
}

export type StanceName = "supports" | "disputes" | "needs_evidence";
export type Verdict = "unverified" | "supported" | "contested" | "refuted";
export type Role = "owner" | "editor" | "annotator" | "viewer";

/** Who is reading, and what the workspace offers them. */
export interface ReaderContext {
  me: { id: string; name: string; role: Role };
  members: { id: string; name: string }[];
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
