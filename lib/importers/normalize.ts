import { ImportError, MAX_IMPORT_BYTES } from "./types";

// Invisible characters that web pages and word processors leave behind. ZWNJ and ZWJ
// (U+200C, U+200D) and the bidi marks are kept on purpose: Persian spelling and emoji
// sequences depend on them.
const INVISIBLE_JUNK = /[\u00AD\u200B\u2060\uFEFF]/g;
// C0 and C1 controls except tab and newline (carriage returns are gone by the time this runs).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const CONTROL_OR_REPLACEMENT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;
// A decoded image or PDF is full of these; a text file has at most a stray few.
const BINARY_RATIO = 0.1;

/** Size in UTF-8 bytes, without allocating a copy of a multi-megabyte string. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Refuses what cannot be a report before any parsing: too large, empty, or binary. */
export function assertImportable(content: string): void {
  // Each UTF-16 unit is 1-3 UTF-8 bytes, so the exact count is only needed near the limit.
  const tooLarge =
    content.length > MAX_IMPORT_BYTES || (content.length * 3 > MAX_IMPORT_BYTES && utf8ByteLength(content) > MAX_IMPORT_BYTES);
  if (tooLarge) {
    throw new ImportError(
      "too_large",
      "The text is larger than 5 MB, the most one import can take. Split the report into smaller parts and import each part separately.",
    );
  }
  if (content.includes("\u0000") || controlRatio(content) > BINARY_RATIO) {
    throw new ImportError(
      "binary",
      "This looks like a binary file (such as an image, a PDF or a Word document), not text. Save the report as plain text (.txt) or Markdown (.md), or copy its text and paste it here.",
    );
  }
  if (collapseWhitespace(stripInvisible(content)) === "") {
    throw new ImportError("empty", "The text is empty. Paste the report's text or choose a .txt or .md file.");
  }
}

function controlRatio(content: string): number {
  if (content.length === 0) return 0;
  const matches = content.match(CONTROL_OR_REPLACEMENT);
  return (matches?.length ?? 0) / content.length;
}

function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_JUNK, "");
}

/**
 * Brings pasted text to one canonical form so that passage offsets are stable across
 * re-imports: "\n" line breaks, NFC, plain spaces, no invisible junk or stray controls.
 */
export function normalizeText(content: string): string {
  return stripInvisible(content)
    .replace(/\r\n?/g, "\n")
    .replace(/\u2029/g, "\n\n")
    .replace(/[\u2028\u000B\u000C]/g, "\n") // form feeds separate pages in text exported from PDFs
    .replace(CONTROL, "")
    .replace(/\uFFFD/g, "")
    .normalize("NFC")
    .replace(/[\u00A0\u2007\u202F]/g, " ");
}

/** Trims and turns every run of whitespace (tabs, newlines, Unicode spaces) into one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Case- and spacing-insensitive key, for spotting a title repeated by the page. */
export function comparisonKey(text: string): string {
  return collapseWhitespace(text).toLocaleLowerCase();
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const LEAD = String.raw`^(?:(?:(?:first |last )?published|posted|(?:last )?updated|date|dated)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
// What news sites print after a date: a time, and a view counter ("Mar 21, 2023 1902").
const TAIL = String.raw`(?:\s*[,|·•–—-]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:utc|gmt|[ecmp][sd]t|bst|cest|cet|eest|eet|ast|ist|msk|trt)(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?(?:\s*[,|·•–—-]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+views?)?)?\s*$`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;

const MONTH_DAY_YEAR = new RegExp(`${LEAD}([a-z]+)\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})${TAIL}`, "i");
const DAY_MONTH_YEAR = new RegExp(`${LEAD}(\\d{1,2})${ORDINAL}\\s+([a-z]+)\\.?,?\\s+(\\d{4})${TAIL}`, "i");
const YEAR_MONTH_DAY = new RegExp(`${LEAD}(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TAIL}`, "i");
const NUMERIC_DAY_FIRST_OR_MONTH_FIRST = new RegExp(`${LEAD}(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4})${TAIL}`, "i");

/** "YYYY-MM-DD" when the parts make a real calendar date, else null (no Feb 30). */
export function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Reads a line that is a publication date and nothing else (besides a time or a view
 * counter). Only unambiguous forms: month names, year first, or a numeric date where
 * just one of day/month order gives a real date ("21/03/2023" but not "03/04/2023").
 */
export function parseDateLine(line: string): string | null {
  const text = collapseWhitespace(line);
  let m = MONTH_DAY_YEAR.exec(text);
  if (m && MONTHS[m[1].toLowerCase()]) return toIsoDate(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  m = DAY_MONTH_YEAR.exec(text);
  if (m && MONTHS[m[2].toLowerCase()]) return toIsoDate(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  m = YEAR_MONTH_DAY.exec(text);
  if (m) return toIsoDate(+m[1], +m[3], +m[4]);
  m = NUMERIC_DAY_FIRST_OR_MONTH_FIRST.exec(text);
  if (m) {
    const dayFirst = toIsoDate(+m[4], +m[3], +m[1]);
    const monthFirst = toIsoDate(+m[4], +m[1], +m[3]);
    if (dayFirst && monthFirst) return dayFirst === monthFirst ? dayFirst : null;
    return dayFirst ?? monthFirst;
  }
  return null;
}
