import { codePointLength } from "../anchoring/code-points";
import { collapseWhitespace, comparisonKey, normalizeText, parseDateLine } from "./normalize";
import { ImportError, type ImportedPassage, type ImportedReport } from "./types";

// Page furniture that comes along when a report is copied from a web page. Matched against
// whole lines only, so prose that merely mentions "share" or "print" is never touched.
const CHROME_PHRASES = new Set([
  "font size", "text size", "a a a", "a+ a-", "a- a+", "a a", "print", "print this page",
  "share", "share this", "share this article", "share this page", "share on facebook",
  "share on twitter", "share on x", "share on linkedin", "tweet", "email", "e-mail", "listen",
  "listen to this article", "save", "bookmark", "read more", "copy link", "link copied",
  "download pdf", "advertisement", "skip to content", "skip to main content", "back to top",
]);
// Single-word buttons that pages print side by side ("Share Tweet Email").
const CHROME_WORDS = new Set([
  "a", "a+", "a-", "print", "share", "tweet", "email", "e-mail", "save", "listen", "bookmark",
  "facebook", "twitter", "linkedin", "whatsapp", "telegram", "reddit", "pinterest",
]);
const TITLE_MAX_LENGTH = 200;
const HEADING_MAX_LENGTH = 80;
const HEADING_MAX_WORDS = 12;
const NUMBERED_HEADING = /^(\d+(?:\.\d+)*)[.)]?\s+\S/;
// Sentence-ending or clause punctuation, Latin and Arabic, before closing quotes or brackets.
const TERMINAL_PUNCTUATION = /[.,;:!?…،؛؟]["'”’»)\]]*$/;

export function isChromeLine(line: string): boolean {
  const key = comparisonKey(line).replace(/:$/, "");
  if (key === "") return false;
  if (CHROME_PHRASES.has(key)) return true;
  return key.split(/\s*[|·•]\s*|\s+/).every((word) => CHROME_WORDS.has(word));
}

/** Plain text as pasted from a web page or saved from a word processor. */
export function importText(content: string): ImportedReport {
  const lines = normalizeText(content).split("\n").map(collapseWhitespace);
  const { title, publishedAt, body } = readHeader(lines);
  const titleKey = title === null ? null : comparisonKey(title);
  const isNoise = (line: string) => isChromeLine(line) || comparisonKey(line) === titleKey;

  const blocks = splitBlocks(body, hasBlankLine(lines)).filter((block) => !block.every(isNoise));
  const texts = blocks.map((block) => block.join(" "));
  const passages: ImportedPassage[] = texts.map((text, i) => {
    const level = blocks[i].length === 1 ? headingLevel(text, texts[i + 1]) : null;
    return level === null ? { kind: "paragraph", level: null, text } : { kind: "heading", level, text };
  });
  if (passages.length === 0) {
    throw new ImportError(
      "no_passages",
      "No paragraphs were found, only a title, a date or page buttons such as \"Share\". Paste the report's body text as well.",
    );
  }
  return { title, publishedAt, passages };
}

interface Header {
  title: string | null;
  publishedAt: string | null;
  body: string[];
}

/**
 * The first real line is the title. Around it, a web page puts a date (often with a view
 * counter), the title again and buttons; all of that is read or dropped up to the first
 * line of body text.
 */
function readHeader(lines: string[]): Header {
  let publishedAt: string | null = null;
  const skipFrom = (start: number, titleKey: string | null): number => {
    let i = start;
    for (; i < lines.length; i++) {
      const line = lines[i];
      if (line === "" || isChromeLine(line) || comparisonKey(line) === titleKey) continue;
      const date = publishedAt === null ? parseDateLine(line) : null;
      if (date === null) break;
      publishedAt = date;
    }
    return i;
  };

  const titleIndex = skipFrom(0, null);
  const candidate = lines[titleIndex];
  if (candidate === undefined || codePointLength(candidate) > TITLE_MAX_LENGTH) {
    return { title: null, publishedAt, body: lines.slice(titleIndex) };
  }
  const bodyStart = skipFrom(titleIndex + 1, comparisonKey(candidate));
  // A lone line is the report's only content, not a title over nothing.
  if (bodyStart >= lines.length) return { title: null, publishedAt, body: [candidate] };
  return { title: candidate, publishedAt, body: lines.slice(bodyStart) };
}

/** Whether blank lines separate the text's paragraphs (the header included). */
function hasBlankLine(lines: string[]): boolean {
  const first = lines.findIndex((line) => line !== "");
  const last = lines.findLastIndex((line) => line !== "");
  return lines.slice(first, last + 1).includes("");
}

/**
 * Blank lines separate paragraphs and the lines between them are one hard-wrapped
 * paragraph. Text with no blank lines at all was pasted one paragraph per line.
 */
function splitBlocks(lines: string[], blankLinesSeparate: boolean): string[][] {
  if (!blankLinesSeparate) return lines.filter((line) => line !== "").map((line) => [line]);
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of [...lines, ""]) {
    if (line !== "") current.push(line);
    else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  return blocks;
}

/**
 * A heading level only when a one-line block is clearly a heading: short, no sentence
 * punctuation, starting like a title, and followed by a longer paragraph of prose.
 * Anything doubtful stays a paragraph, which costs the reader far less than a wrong heading.
 */
function headingLevel(text: string, next: string | undefined): number | null {
  if (next === undefined) return null;
  const length = codePointLength(text);
  const looksLikeHeading =
    length <= HEADING_MAX_LENGTH &&
    text.split(" ").length <= HEADING_MAX_WORDS &&
    !TERMINAL_PUNCTUATION.test(text) &&
    /^[\p{Lu}\p{Lo}\d]/u.test(text) &&
    /\p{L}/u.test(text) &&
    parseDateLine(text) === null;
  const nextIsProse = codePointLength(next) >= Math.max(2 * length, 60) && TERMINAL_PUNCTUATION.test(next);
  if (!looksLikeHeading || !nextIsProse) return null;
  const numbered = NUMBERED_HEADING.exec(text);
  if (numbered === null) return 2;
  // "1." is a section under the title, "1.2" a subsection, and so on.
  return Math.min(6, numbered[1].split(".").length + 1);
}
