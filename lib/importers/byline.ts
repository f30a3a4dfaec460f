import { collapseWhitespace, parseDateLine } from "./normalize";

// "By …", "Written by …", "Words by …", "Authors: …", and Arabic "بقلم …".
const BYLINE =
  /^(?:(?:written|words|reporting|report|text|analysis|story|posted)\s+)?by\s*:?\s+(.+)$|^authors?\s*:\s*(.+)$|^بقلم\s*:?\s*(.+)$/iu;
const BYLINE_MAX_LENGTH = 200;
// Name particles that stay lower case: "Ahmad bin Salman", "Ursula von der Leyen", "Rana al-Khalil".
const PARTICLES = new Set([
  "al",
  "al-",
  "el",
  "bin",
  "ibn",
  "bint",
  "abu",
  "de",
  "del",
  "della",
  "der",
  "den",
  "van",
  "von",
  "da",
  "di",
  "du",
  "la",
  "le",
  "y",
  "dos",
  "das",
  "ter",
  "ten",
]);
const MAX_NAME_WORDS = 6;
// What separates a byline from a date printed on the same line.
const PART_SEPARATOR = /\s+[|·•–—]\s+|\s+on\s+(?=[\p{L}\d])/u;

/** "Rana Khalil" or "Rana al-Khalil": words that start like names, no sentence, no digits. */
function looksLikeName(name: string): boolean {
  const words = name.split(" ");
  if (words.length === 0 || words.length > MAX_NAME_WORDS || /\d/.test(name)) return false;
  return words.every((word, i) => {
    if (i > 0 && (PARTICLES.has(word.toLowerCase()) || /^(?:al|el|ad|ash|as|at|az|bin|ibn|abu)-[\p{Lu}\p{Lo}]/u.test(word))) return true;
    // Latin and Cyrillic names are capitalised; scripts without case (Arabic, Hebrew, CJK) pass as letters.
    return /^[\p{Lu}\p{Lo}][\p{L}\p{M}'’.\-]*$/u.test(word);
  });
}

/** The names of a byline's list: "A, B and C", "A & B", "A و B", "A، B". */
function splitNames(list: string): string[] {
  return list
    .replace(/[.;]$/, "")
    .split(/\s*(?:,|;|،|\s&\s|\sand\s|\sو\s)\s*/iu)
    .map(collapseWhitespace)
    .filter((name) => name !== "");
}

/**
 * The authors a byline names ("By Rana Khalil and Thomas Berger"), or null when
 * the line is not a byline: every part must look like a person's name, so "By
 * the end of 2023, prices had doubled." stays prose.
 */
export function parseByline(line: string): string[] | null {
  const text = collapseWhitespace(line);
  if (text.length > BYLINE_MAX_LENGTH) return null;
  const match = BYLINE.exec(text);
  if (match === null) return null;
  // A byline in a hard-wrapped paragraph would start with a small "by": a byline starts with a capital.
  if (/^by\s/.test(text)) return null;
  const names = splitNames(match[1] ?? match[2] ?? match[3]);
  if (names.length === 0 || !names.every(looksLikeName)) return null;
  return [...new Set(names)];
}

export interface FrontLine {
  authors: string[] | null;
  publishedAt: string | null;
}

/**
 * A line at the top of an article that is a byline, a date, or both ("By Rana
 * Khalil | March 4, 2024", "Posted by Rana Khalil on 4 March 2024"); null for
 * anything else.
 */
export function parseFrontLine(line: string): FrontLine | null {
  const text = collapseWhitespace(line);
  if (text === "" || text.length > BYLINE_MAX_LENGTH) return null;
  const date = parseDateLine(text);
  if (date !== null) return { authors: null, publishedAt: date };
  const authors = parseByline(text);
  if (authors !== null) return { authors, publishedAt: null };
  // Parts side by side: one byline and one date, or several dates ("Published … | Updated …", the first kept).
  const parts = text.split(PART_SEPARATOR);
  if (parts.length < 2) return splitTrailingDate(text);
  let found: FrontLine = { authors: null, publishedAt: null };
  for (const part of parts) {
    const partDate = parseDateLine(part);
    const partAuthors = partDate === null ? parseByline(part) : null;
    if (partDate === null && partAuthors === null) return splitTrailingDate(text);
    found = { authors: found.authors ?? partAuthors, publishedAt: found.publishedAt ?? partDate };
  }
  return found;
}

/** "By Rana Khalil, March 4, 2024": a byline whose last comma-separated part is a date. */
function splitTrailingDate(text: string): FrontLine | null {
  for (let at = text.indexOf(", "); at !== -1; at = text.indexOf(", ", at + 1)) {
    const date = parseDateLine(text.slice(at + 2));
    if (date === null) continue;
    const authors = parseByline(text.slice(0, at));
    return authors === null ? null : { authors, publishedAt: date };
  }
  return null;
}
