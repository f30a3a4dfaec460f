/** An annotation as the API gives it (GET /reports/{id}/annotations and the writes' answers); the reader takes it as `Jsonified<AnnotationView>`. */
import type { AnchorStatusName, AnnotationKindName, AnnotationStatusName, StanceName, VerdictName, VisibilityName } from "./words";

/** Where a ¶ number points: the passage's report, and the version that number belongs to. */
export interface EvidencePassage {
  reportId: string;
  reportTitle: string;
  /** The ¶ number, in `version`. */
  index: number;
  version: number;
  /** Whether `version` is the report's current one. */
  current: boolean;
}

/** A stance's evidence, as the API gives it. */
export interface EvidenceView {
  url: string | null;
  passageId: string | null;
  annotationId: string | null;
  /**
   * The passage the evidence points at (the passage itself, or the one the
   * annotation marks): null for a link, and when it can no longer be shown
   * (the annotation was deleted, or is private).
   */
  passage: EvidencePassage | null;
}

export interface StanceView {
  user: { id: string; name: string };
  stance: StanceName;
  note: string | null;
  evidence: EvidenceView | null;
  updatedAt: Date;
}

/** What every annotation says wherever it goes (the API, an export): where it is, what it quotes and what was written. */
export interface AnnotationText {
  id: string;
  passageId: string;
  /** The ¶ number of its passage. */
  passageIndex: number;
  kind: AnnotationKindName;
  visibility: VisibilityName;
  /** Markdown; mentions are TipTap shortcodes `[@ id="…" label="…"]`. */
  body: string;
  claimSummary: string | null;
  /** Code point offsets within the passage text. */
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

export interface AnnotationView extends AnnotationText {
  reportId: string;
  author: { id: string; name: string };
  status: AnnotationStatusName;
  /** How the anchor survived the report's last new version. */
  anchorStatus: AnchorStatusName;
  resolvedAt: Date | null;
  verdict: VerdictName;
  /** Who last set the verdict (null while nobody has, or when their account is gone), and when. */
  verdictSetBy: { id: string; name: string } | null;
  verdictSetAt: Date | null;
  tags: string[];
  /** The member the thread is assigned to (null: nobody), since when, and its due date ("YYYY-MM-DD", a UTC day; see lib/domain/assignments.ts). */
  assignee: { id: string; name: string } | null;
  assignedAt: Date | null;
  dueAt: string | null;
  replyCount: number;
  tally: Record<StanceName, number>;
  stances: StanceView[];
  version: number;
  editedAt: Date | null;
  /** Who wrote it in the tool it was imported from, when that person is not a member. */
  importedCreator: string | null;
  createdAt: Date;
  updatedAt: Date;
}
