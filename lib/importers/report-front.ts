import { parseFrontLine } from "./byline";
import { collapseWhitespace, comparisonKey, normalizeText, parseDateLine, toIsoDate, utf8ByteLength } from "./normalize";
import { ImportError, MAX_IMPORT_BYTES, type ImportedPassage } from "./types";

const TITLE_MAX_LENGTH = 300;
// Titles that file metadata carries by accident: a file name, a converter's prefix, a placeholder.
const FILE_NAME = /\.(?:docx?|pdf|rtf|odt|txt|html?|indd|pptx?|xlsx?|pages|qxp|tex)$/i;
const PLACEHOLDER_TITLE =
  /^(?:untitled(?:[\s_-]*(?:document|page|report)?[\s_-]*\d*)|(?:new )?document\s*\d*|title|no title|new tab|new page|blank page|about:blank|home|index|loading\W*|slide \d+|presentation\s*\d*|powerpoint presentation|microsoft word|book\d*|draft\s*\d*)$/i;
// An address or a bare file stem ("report_final_v3", "IMG_2041") in place of a title.
const ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+\/\S*$/i;
const FILE_STEM = /^[\w.-]*_[\w.-]*$/;
const CONVERTER_PREFIX = /^microsoft (?:word|powerpoint|excel)\s*-\s*/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** Metadata text made canonical, or null when there is none. */
export function cleanField(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = collapseWhitespace(normalizeText(value));
  return text === "" ? null : text;
}

/**
 * A title from a file's metadata, unless it is one of the things such fields hold by
 * accident: the file's name, "Microsoft Word - draft.docx", "Untitled".
 */
export function trustedMetadataTitle(value: string | null | undefined): string | null {
  const text = cleanField(value)?.replace(CONVERTER_PREFIX, "") ?? null;
  if (text === null || text.length < 3 || text.length > TITLE_MAX_LENGTH) return null;
  if (isAccidentalTitle(text)) return null;
  return text;
}

/** A file name, a web address or a program's placeholder ("Untitled", "New Tab", "Document1"): never a report's title. */
export function isAccidentalTitle(value: string): boolean {
  const text = collapseWhitespace(value);
  return FILE_NAME.test(text) || PLACEHOLDER_TITLE.test(text) || ADDRESS.test(text) || FILE_STEM.test(text) || !/\p{L}/u.test(text);
}

/**
 * Chooses the report's title. A heading that opens the document and is the only heading at
 * its level is the title and leaves the passages (as Markdown's leading H1 does); failing
 * that, the metadata title; failing that, the first heading, which stays a passage.
 * A first passage that repeats the chosen title is dropped. The passage the title left is
 * returned as `titlePassage`, to be put back when a person gives another title.
 */
export function pickTitle(
  passages: ImportedPassage[],
  metadataTitle: string | null,
): { title: string | null; passages: ImportedPassage[]; titlePassage: ImportedPassage | null } {
  const first = passages[0];
  if (first?.kind === "heading" && first.text.length <= TITLE_MAX_LENGTH && !isAccidentalTitle(first.text)) {
    const sameLevel = passages.filter((passage) => passage.kind === "heading" && passage.level === first.level).length;
    const highest = passages.every((passage) => passage.kind !== "heading" || (passage.level ?? 6) >= (first.level ?? 1));
    if (sameLevel === 1 && highest) return { title: first.text, passages: passages.slice(1), titlePassage: first };
  }
  if (metadataTitle !== null) {
    const repeated = first !== undefined && first.kind === "heading" && comparisonKey(first.text) === comparisonKey(metadataTitle);
    return { title: metadataTitle, passages: repeated ? passages.slice(1) : passages, titlePassage: repeated ? first : null };
  }
  const heading = passages.find((passage) => passage.kind === "heading" && !isAccidentalTitle(passage.text));
  return { title: heading ? heading.text : null, passages, titlePassage: null };
}

/** How many passages at the top a byline or a date line is looked for in. */
const FRONT_PASSAGES = 5;

/**
 * Bylines and date lines among the first passages ("By Rana Khalil and Thomas Berger",
 * "12 March 2024", "**Date:** 12 March 2024", "By Rana Khalil | 4 March 2024"), in any
 * order: the first of each is read and leaves the passages.
 */
export function takeFrontLines(passages: ImportedPassage[]): {
  authors: string[];
  publishedAt: string | null;
  passages: ImportedPassage[];
} {
  let authors: string[] = [];
  let publishedAt: string | null = null;
  const taken = new Set<number>();
  for (let i = 0; i < Math.min(passages.length, FRONT_PASSAGES); i++) {
    if (passages[i].kind !== "paragraph") continue;
    const front = parseFrontLine(passages[i].text);
    if (front === null) continue;
    const fresh = (front.authors !== null && authors.length === 0) || (front.publishedAt !== null && publishedAt === null);
    const clashes = (front.authors !== null && authors.length > 0) || (front.publishedAt !== null && publishedAt !== null);
    if (!fresh || clashes) continue;
    authors = front.authors ?? authors;
    publishedAt = front.publishedAt ?? publishedAt;
    taken.add(i);
  }
  // Never the whole text: a lone date is the report's content, not its front matter.
  if (taken.size === passages.length) return { authors: [], publishedAt: null, passages };
  return { authors, publishedAt, passages: passages.filter((_, i) => !taken.has(i)) };
}

/**
 * A short paragraph at the top of the document that is a date and nothing else (as a
 * report's cover prints it) is its publication date; it leaves the passages.
 */
export function takeLeadingDate(passages: ImportedPassage[]): { publishedAt: string | null; passages: ImportedPassage[] } {
  const limit = Math.min(passages.length, 4);
  for (let i = 0; i < limit; i++) {
    const passage = passages[i];
    if (passage.kind !== "paragraph") continue;
    const date = passage.text.length <= 60 ? parseDateLine(passage.text) : null;
    if (date !== null) return { publishedAt: date, passages: passages.filter((_, j) => j !== i) };
  }
  return { publishedAt: null, passages };
}

/** "2023-03-21", "2023-03-21T09:00:00Z" or a written date, as "YYYY-MM-DD". */
export function parseDateValue(value: string | null | undefined): string | null {
  const text = cleanField(value);
  if (text === null) return null;
  const iso = ISO_DATE.exec(text);
  if (iso) return toIsoDate(+iso[1], +iso[2], +iso[3]);
  return parseDateLine(text);
}

/** "en-GB" → "en"; null for anything that is not a language tag. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const match = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*\s*$/i.exec(tag ?? "");
  return match ? match[1].toLowerCase() : null;
}

/** "By Jane Doe, John Roe and Ann Poe" → three names; parts without a letter are dropped. */
export function splitAuthors(byline: string | null | undefined): string[] {
  const text = cleanField(byline)?.replace(/^by\s+/i, "") ?? "";
  const names = text
    .split(/\s*(?:,|;|،|\s&\s|\sand\s)\s*/i)
    .map((name) => collapseWhitespace(name))
    .filter((name) => /\p{L}/u.test(name) && !/\d/.test(name) && name.length <= 100);
  return [...new Set(names)];
}

/**
 * The checks every importer ends with: something was found, and its text is within the
 * size a report may have.
 */
export function assertPassages(passages: ImportedPassage[], emptyMessage: string): void {
  if (passages.length === 0) throw new ImportError("no_passages", emptyMessage);
  let bytes = 0;
  for (const passage of passages) bytes += utf8ByteLength(passage.text) + 1;
  if (bytes > MAX_IMPORT_BYTES) {
    throw new ImportError(
      "too_large",
      "The report's text is larger than 5 MB, the most one import can take. Split the document into smaller parts and import each part separately.",
    );
  }
}
