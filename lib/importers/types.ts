import type { PassageMark } from "../passage-marks";

export type PassageKind = "heading" | "paragraph" | "quote" | "list_item" | "footnote";

export interface ImportedPassage {
  kind: PassageKind;
  /** Heading level 1-6 for headings, null for every other kind. */
  level: number | null;
  text: string;
  /** 1-based page a passage starts on, for passages read from a PDF; absent or null otherwise. */
  page?: number | null;
  /** Bold, italic and link ranges over the text, in code point offsets; absent when plain. */
  marks?: PassageMark[];
  /** An ordered list item's number in the source ("3." stays 3); absent otherwise. */
  listNumber?: number | null;
}

export interface ImportedReport {
  title: string | null;
  /** Calendar date as "YYYY-MM-DD", or null when the source gives none we trust. */
  publishedAt: string | null;
  passages: ImportedPassage[];
  subtitle?: string | null;
  authors?: string[];
  publisher?: string | null;
  /** Primary language subtag in lower case ("ar", "en"), when the source declares one. */
  language?: string | null;
  sourceUrl?: string | null;
  /**
   * The heading the title was read from, which left the passages: put back in front of
   * them when a person gives a different title, so the document's own words stay.
   */
  titlePassage?: ImportedPassage | null;
}

export type ImportFormat = "text" | "markdown";

/** Uploaded files read by their structure rather than as text. */
export type FileFormat = "docx" | "pdf" | "html";

/** Limit on the UTF-8 size of what a user pastes or uploads. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Limit on the size of an uploaded file, before it is read. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
/** Limit on the size of a web page's HTML. */
export const MAX_HTML_BYTES = 10 * 1024 * 1024;

export type ImportErrorReason = "empty" | "binary" | "too_large" | "no_passages" | "unsupported" | "no_text" | "corrupt";

/** The HTTP status that fits each reason, for API handlers. */
export const IMPORT_ERROR_STATUS: Record<ImportErrorReason, number> = {
  empty: 422,
  binary: 422,
  too_large: 413,
  no_passages: 422,
  unsupported: 415,
  no_text: 422,
  corrupt: 422,
};

/** An import the user can fix; `message` is written to be shown to them as is. */
export class ImportError extends Error {
  constructor(
    public readonly reason: ImportErrorReason,
    message: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}
