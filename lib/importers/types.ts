export type PassageKind = "heading" | "paragraph" | "quote" | "list_item";

export interface ImportedPassage {
  kind: PassageKind;
  /** Heading level 1-6 for headings, null for every other kind. */
  level: number | null;
  text: string;
}

export interface ImportedReport {
  title: string | null;
  /** Calendar date as "YYYY-MM-DD", or null when the source gives none we trust. */
  publishedAt: string | null;
  passages: ImportedPassage[];
}

export type ImportFormat = "text" | "markdown";

/** Limit on the UTF-8 size of what a user pastes or uploads. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ImportErrorReason = "empty" | "binary" | "too_large" | "no_passages";

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
