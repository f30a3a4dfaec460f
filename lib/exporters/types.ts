import type { AnnotationText } from "@/lib/domain/annotation";
import type { AnnotationStatusName, PassageKindName, StanceName, VerdictName } from "@/lib/domain/words";
import type { PassageMark } from "../passage-marks";
/**
 * What every export format is made from: one report, its team notes and the
 * annotations one reader may see, already filtered and in reading order.
 * The server builds it (lib/server/export/gather.ts); the formatters in this
 * folder are pure functions of it, so their output can be checked byte for byte.
 */
export interface ExportPerson {
  id: string;
  name: string;
}

export interface ExportReport {
  id: string;
  title: string;
  subtitle: string | null;
  authors: string[];
  publisher: string | null;
  /** A calendar date (midnight UTC). */
  publishedAt: Date | null;
  language: string | null;
  sourceUrl: string | null;
  /** The version the annotations are anchored in (the current one). */
  version: number;
  workspace: { id: string; name: string; slug: string };
  /** The report's address in the app, absolute: `${origin}/w/${slug}/r/${id}`. */
  url: string;
  /** The report's reference in the default CSL style (lib/citations), for the References section. */
  reference: string;
}

export interface ExportPassage {
  id: string;
  /** The ¶ number. */
  index: number;
  kind: PassageKindName;
  level: number | null;
  text: string;
  /** Bold, italic and link ranges kept from the source (code point offsets): quotes show them. */
  marks?: PassageMark[];
}

export interface ExportReply {
  id: string;
  author: ExportPerson;
  /** Markdown; mentions are TipTap shortcodes `[@ id="…" label="…"]`. */
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  /** Who wrote it in the tool it was imported from, when that person is not a member. */
  importedCreator: string | null;
}

/** A stance's evidence as a link: a web address, or the place in the app it points at (an absolute address). */
export interface ExportEvidence {
  /** What to show: the address itself, or "¶ 14", "¶ 14 of “Other report”", "annotation on ¶ 9" (lib/format/evidence.ts). */
  label: string;
  url: string;
  /** A web address someone gave, rather than a place in the app. */
  external: boolean;
}

/** One member's stance on a claim, with their reasons. */
export interface ExportStance {
  author: ExportPerson;
  stance: StanceName;
  /** Plain text, as written (not Markdown). */
  note: string | null;
  /** Null when there is none, or when what it pointed at can no longer be shown. */
  evidence: ExportEvidence | null;
  /** When it was last taken or changed. */
  updatedAt: Date;
}

export interface ExportAnnotation extends AnnotationText {
  author: ExportPerson & {
    /** SHA-1 (hex) of the author's lower-cased e-mail: W3C `email_sha1`, used to match authors on import. */
    emailSha1: string | null;
  };
  status: AnnotationStatusName;
  verdict: VerdictName;
  /** Who set the verdict last (null when nobody has, or their account is gone), and when. */
  verdictSetBy: ExportPerson | null;
  verdictSetAt: Date | null;
  tally: Record<StanceName, number>;
  /** The members' stances, in the order they were first taken; empty for anything but a claim. */
  stances: ExportStance[];
  tags: string[];
  /** Whom the thread is assigned to (null: nobody), and by when ("YYYY-MM-DD", a UTC day). */
  assignee: ExportPerson | null;
  dueAt: string | null;
  createdAt: Date;
  editedAt: Date | null;
  importedCreator: string | null;
  /** Oldest first. Empty when replies were not asked for. */
  replies: ExportReply[];
}

export interface ExportNotes {
  /** Markdown, as the API carries it. Empty when nobody has written any. */
  body: string;
  updatedAt: Date | null;
  updatedBy: ExportPerson | null;
}

/** A report's translation (or the report it translates), for an export that quotes it under each ¶. */
export interface ExportCounterpart {
  title: string;
  language: string | null;
  /** The counterpart's passages aligned with each of the report's passages, by the report's passage id. */
  byPassage: Map<string, ExportPassage[]>;
}

export interface ExportData {
  report: ExportReport;
  /** Asked for (`includeCounterpart`) and there: the counterpart's passages under each ¶. */
  counterpart?: ExportCounterpart;
  /** Every passage of the version, in order: formats that need the whole text (JSON-LD positions) use it. */
  passages: ExportPassage[];
  notes: ExportNotes;
  /** In reading order: ¶ number, then start, end, creation time, id. */
  annotations: ExportAnnotation[];
  /** Whether replies were asked for (they may still be none). */
  includeReplies: boolean;
  /** Human-readable list of the filters applied, e.g. ["kind: claim", "tag: Methods"]; empty when none. */
  filters: string[];
  exportedBy: ExportPerson;
  exportedAt: Date;
}

/** A claim as the .docx claims table lists it. */
export type ExportClaim = Pick<
  ExportAnnotation,
  "passageIndex" | "claimSummary" | "quote" | "tally" | "verdict" | "verdictSetBy" | "verdictSetAt"
>;

/**
 * An export without its annotations: what every format writes before the
 * first one (counts, the claims table, authors), so that a large export can
 * be written while its annotations are still being read, a batch at a time.
 */
export interface ExportHead extends Omit<ExportData, "annotations"> {
  annotationCount: number;
  /** Replies among the annotations to come; 0 when replies were not asked for (or not counted: only JSON-LD states it). */
  replyCount: number;
  /** The claims among them, in reading order (none when not read: only .docx prints them). */
  claims: ExportClaim[];
  /** The annotations' authors' `emailSha1` by user id: a reply carries only its author's name. */
  authorEmailSha1: Map<string, string>;
}

/** The separator between passages when a report is read as one text (JSON-LD TextPositionSelector offsets). */
export const PASSAGE_SEPARATOR = "\n\n";
