/**
 * Citations' words and names, written once for the server, the validations, the
 * exporters and the browser: the formats and styles a reference comes in, and an
 * author as a reference needs it (a person's family and given names, or an
 * institution's name as it is written).
 */

export const CITATION_FORMATS = ["csl-json", "bibtex", "ris", "text"] as const;
export type CitationFormatName = (typeof CITATION_FORMATS)[number];

/** CSL styles bundled with the app (lib/citations/styles.ts), the default first. */
export const CITATION_STYLES = ["chicago-author-date", "apa", "harvard"] as const;
export type CitationStyleName = (typeof CITATION_STYLES)[number];
export const DEFAULT_CITATION_STYLE: CitationStyleName = "chicago-author-date";

export const CITATION_STYLE_LABEL = {
  "chicago-author-date": "Chicago (author-date)",
  apa: "APA",
  harvard: "Harvard",
} as const satisfies Record<CitationStyleName, string>;

/** The style's name where room is short (beside the Copy citation button). */
export const CITATION_STYLE_SHORT = {
  "chicago-author-date": "Chicago",
  apa: "APA",
  harvard: "Harvard",
} as const satisfies Record<CitationStyleName, string>;

/** A report's author: a person (CSL `family`/`given`) or an institution (CSL `literal`). */
export type Creator = { family: string; given?: string } | { literal: string };

export const isInstitution = (creator: Creator): creator is { literal: string } => "literal" in creator;

/** The name as people read it: "Dana Whitfield", or the institution's name. */
export function creatorName(creator: Creator): string {
  if (isInstitution(creator)) return creator.literal;
  return creator.given ? `${creator.given} ${creator.family}` : creator.family;
}

// Words that make a name an organisation's rather than a person's (English, French, Spanish, German, Arabic, Persian, Turkish, Hebrew).
const INSTITUTION =
  /\b(institute|institut|instituto|center|centre|centro|zentrum|university|université|universidad|college|school|ministry|ministère|department|council|commission|committee|bank|fund|foundation|stiftung|fondation|fundación|agency|association|society|organi[sz]ation|office|bureau|group|forum|network|program(me)?|project|trust|corporation|company|inc|ltd|llc|gmbh|authority|board|government|nations|union|observatory|laboratory|lab|press|initiative|coalition|alliance|secretariat|federation|academy|unit)\b|(معهد|مركز|وزارة|جامعة|مؤسسة|هيئة|مجلس|منظمة|البنك|صندوق|جمعية|اتحاد|دائرة|مکتب|مرکز|دانشگاه|وزارت|بنیاد|enstitü|merkez|üniversite|bakanlığı|vakf|מכון|מרכז|אוניברסיטת|משרד)/iu;
// "van", "de", "al-", "bin": a family name's particles stay with it ("Ludwig van Beethoven" → family "van Beethoven").
const PARTICLES = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "da",
  "di",
  "del",
  "della",
  "du",
  "la",
  "le",
  "bin",
  "ibn",
  "bint",
  "abu",
  "al",
  "el",
  "ben",
]);

/**
 * A display name read as a reference needs it: an institution (a name with a word
 * such as "Institute" or "مركز", or a single word) keeps its name whole; a person's
 * last word is the family name with any particles before it ("Omar bin Khalid" →
 * family "bin Khalid"). Editors correct what this guesses in the details form.
 */
export function creatorFromName(name: string): Creator {
  const text = name.trim().replace(/\s+/g, " ");
  const words = text.split(" ");
  if (words.length < 2 || words.length > 5 || INSTITUTION.test(text)) return { literal: text };
  let first = words.length - 1;
  while (first > 1 && PARTICLES.has(words[first - 1].toLowerCase())) first--;
  return { family: words.slice(first).join(" "), given: words.slice(0, first).join(" ") };
}

/** The stored names, or (for a report whose authors are display names only) names read from them. */
export function creatorsOf(report: { creators: Creator[] | null; authors: string[] }): Creator[] {
  return report.creators ?? report.authors.map(creatorFromName);
}

/** An annotation's citation: the quote, where it is (`¶ 14`, `¶ 14, p. 3`), the formatted reference and a link to the passage. */
export interface AnnotationCitation {
  quote: string;
  locator: string;
  text: string;
  url: string;
}

/** "¶ 14", or "¶ 14, p. 3" for a passage read from a PDF page. */
export function locatorOf(passage: { index: number; page: number | null }): string {
  return passage.page ? `¶ ${passage.index}, p. ${passage.page}` : `¶ ${passage.index}`;
}

/** What goes on the clipboard as plain text: “quote” (¶ 14), the reference, and the link to the passage. */
export function citationClipboardText(citation: AnnotationCitation): string {
  return `“${citation.quote}” (${citation.locator})\n\n${citation.text}\n${citation.url}\n`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The same as HTML for pasting into a document: the quote as a block quote, the ¶ linking to the passage. Every piece is escaped. */
export function citationClipboardHtml(citation: AnnotationCitation): string {
  const url = escapeHtml(citation.url);
  return (
    `<blockquote dir="auto">“${escapeHtml(citation.quote)}” (<a href="${url}">${escapeHtml(citation.locator)}</a>)</blockquote>` +
    `<p dir="auto">${escapeHtml(citation.text)}</p>`
  );
}
