import type { PassageMark } from "@/lib/passage-marks";
import type { ReportDetails } from "./reports";

export interface ImportResult {
  /** Annotations created: anchored + moved + orphaned. */
  imported: number;
  /** Placed where the quote and its context are, verbatim. */
  anchored: number;
  /** Placed by a fuzzy match: the text differs from the one annotated. */
  moved: number;
  /** Not placed: kept, and listed with the report's orphans for an editor to re-attach. */
  orphaned: number;
  replies: number;
  /** Items of the file that were not imported, with why. */
  skipped: { index: number; reason: string }[];
  /** Tag names left off because the codebook lacks them and the importer may not add to it. */
  skippedTags: string[];
  /** The first orphans' quotes, so the importer can see what did not find its place. */
  orphans: { sourceId: string | null; quote: string }[];
}

export type SourceFormat = "text" | "markdown" | "html" | "docx" | "pdf";

export interface PreviewPassage {
  index: number;
  kind: string;
  level: number | null;
  text: string;
  page: number | null;
  /** An ordered list item's number, else null. */
  listNumber: number | null;
  /** Bold, italic and link ranges over the text (code point offsets); empty when plain. */
  marks: PassageMark[];
}

/** What the dry run found, a page of passages at a time; no title when the document names none. */
export interface ImportPreview extends Omit<ReportDetails, "title"> {
  sourceFormat: SourceFormat;
  title: string | null;
  /** The heading the title was read from, which left the text: put back as ¶ 1 when a different title is given. */
  titlePassage: string | null;
  passageCount: number;
  /** Where this page of passages starts (0 for the first) and how many a page holds. */
  passageOffset: number;
  passageLimit: number;
  passages: PreviewPassage[];
}
