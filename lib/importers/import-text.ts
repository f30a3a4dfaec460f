import { codePointLength } from "../anchoring/code-points";
import { parseFrontLine } from "./byline";
import { collapseWhitespace, comparisonKey, normalizeText, parseDateLine } from "./normalize";
import { footerStart, isChromeLine } from "./page-chrome";
import { ImportError, type ImportedPassage, type ImportedReport } from "./types";

export { isChromeLine } from "./page-chrome";

const TITLE_MAX_LENGTH = 200;
const HEADING_MAX_LENGTH = 80;
const HEADING_MAX_WORDS = 12;
// How far into the body a byline or a date line is looked for, in lines.
const FRONT_LINES = 8;
// A line this long ending like a sentence is the article's prose.
const PROSE_MIN_LENGTH = 80;
const NUMBERED_HEADING = /^(\d+(?:\.\d+)*)[.)]?\s+\S/;
// Sentence-ending or clause punctuation, Latin and Arabic, before closing quotes or brackets.
const TERMINAL_PUNCTUATION = /[.,;:!?…،؛؟]["'”’»)\]]*$/;

/** Plain text as pasted from a web page or saved from a word processor. */
export function importText(content: string): ImportedReport {
  const lines = normalizeText(content).split("\n").map(collapseWhitespace);
  const header = readHeader(lines);
  const { title } = header;
  const titleKey = title === null ? null : comparisonKey(title);
  const isNoise = (line: string) => isChromeLine(line) || comparisonKey(line) === titleKey;

  const footer = footerStart(header.body);
  const body = footer === -1 ? header.body : header.body.slice(0, footer);
  const blocks = splitBlocks(body, hasBlankLine(lines))
    .map((block) => block.filter((line) => !isNoise(line)))
    .filter((block) => block.length > 0);
  const texts = blocks.map((block) => block.join(" "));
  const passages: ImportedPassage[] = texts.map((text, i) => {
    const level = blocks[i].length === 1 ? headingLevel(text, texts[i + 1]) : null;
    return level === null ? { kind: "paragraph", level: null, text } : { kind: "heading", level, text };
  });
  if (passages.length === 0) {
    throw new ImportError(
      "no_passages",
      'No paragraphs were found, only a title, a date or page buttons such as "Share". Paste the report\'s body text as well.',
    );
  }
  return {
    title,
    publishedAt: header.publishedAt,
    passages,
    authors: header.authors,
    titlePassage: title === null ? null : { kind: "heading", level: 1, text: title },
  };
}

interface Header {
  title: string | null;
  publishedAt: string | null;
  authors: string[];
  body: string[];
}

/**
 * The first real line is the title. Around it, a web page puts a date (often with a view
 * counter), a byline, the title again and buttons; all of that is read or dropped up to
 * the first line of body text. A byline or date a little further down (after a standfirst)
 * is taken out of the body too.
 */
function readHeader(lines: string[]): Header {
  let publishedAt: string | null = null;
  let authors: string[] = [];
  /** Reads a byline or date line into the header; false for any other line. */
  const takeFront = (line: string): boolean => {
    const front = parseFrontLine(line);
    if (front === null) return false;
    const fresh = (front.publishedAt !== null && publishedAt === null) || (front.authors !== null && authors.length === 0);
    if (!fresh) return false;
    publishedAt ??= front.publishedAt;
    if (front.authors !== null && authors.length === 0) authors = front.authors;
    return true;
  };
  const skipFrom = (start: number, titleKey: string | null): number => {
    let i = start;
    for (; i < lines.length; i++) {
      const line = lines[i];
      if (line === "" || isChromeLine(line) || comparisonKey(line) === titleKey) continue;
      // Before the title only a date is taken: a byline opens no article.
      if (titleKey === null) {
        const date = publishedAt === null ? parseDateLine(line) : null;
        if (date === null) break;
        publishedAt = date;
      } else if (!takeFront(line)) break;
    }
    return i;
  };

  const titleIndex = skipFrom(0, null);
  const candidate = lines[titleIndex];
  if (candidate === undefined || codePointLength(candidate) > TITLE_MAX_LENGTH) {
    return { title: null, publishedAt, authors, body: lines.slice(titleIndex) };
  }
  const bodyStart = skipFrom(titleIndex + 1, comparisonKey(candidate));
  // A lone line is the report's only content, not a title over nothing.
  if (bodyStart >= lines.length) return { title: null, publishedAt, authors, body: [candidate] };
  const body = lines.slice(bodyStart);
  // A standfirst may come before the byline and the date: look a few lines further, up to
  // the second line of prose, and never at the last line (a date there closes the text).
  const lastFilled = body.findLastIndex((line) => line !== "");
  for (let i = 0, seen = 0, prose = 0; i < lastFilled && seen < FRONT_LINES && prose < 2; i++) {
    if (body[i] === "") continue;
    seen++;
    if (body[i].length >= PROSE_MIN_LENGTH && TERMINAL_PUNCTUATION.test(body[i])) prose++;
    const isolated = (body[i - 1] ?? "") === "" || (body[i + 1] ?? "") === "" || !hasBlankLine(lines);
    if (isolated && takeFront(body[i])) body[i] = "";
  }
  return { title: candidate, publishedAt, authors, body };
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
