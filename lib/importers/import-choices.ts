import { codePointLength } from "../anchoring/code-points";
import { normalizeMarks, shiftMarks } from "../passage-marks";
import { parseByline, parseFrontLine } from "./byline";
import { parseDateLine } from "./normalize";
import { splitAuthors } from "./report-front";
import type { ImportedPassage } from "./types";

/**
 * What a person decided in the preview, by the dry run's passage numbers (1-based):
 * passages to leave out, passages to join with the one after them, and passages whose
 * text is the report's authors, date or subtitle rather than part of its text.
 */
export interface ImportChoices {
  omit?: number[];
  merge?: number[];
  authorsFrom?: number;
  publishedAtFrom?: number;
  subtitleFrom?: number;
}

export interface ChoiceIssue {
  path: string;
  message: string;
}

export interface ChosenImport {
  passages: ImportedPassage[];
  authors?: string[];
  publishedAt?: string;
  subtitle?: string;
}

const SUBTITLE_MAX_LENGTH = 300;
const FIELDS = ["authorsFrom", "publishedAtFrom", "subtitleFrom"] as const;

/** The names a passage gives when it is used as the authors: a byline's, or its text split at commas and "and". */
export function namesFromText(text: string): string[] {
  return parseByline(text) ?? parseFrontLine(text)?.authors ?? splitAuthors(text);
}

/** The date a passage gives when it is used as the date ("4 March 2024", "Published: …"), or null. */
export function dateFromText(text: string): string | null {
  return parseFrontLine(text)?.publishedAt ?? parseDateLine(text);
}

/** Whether the request carries any choice. */
export function hasChoices(choices: ImportChoices): boolean {
  return (choices.omit?.length ?? 0) > 0 || (choices.merge?.length ?? 0) > 0 || FIELDS.some((field) => choices[field] !== undefined);
}

/**
 * Checks the choices against the passages they name (every number in range, no
 * passage both removed and merged, or given two jobs) and applies them. Returns the
 * issues instead when any is wrong, each with the field at fault, so nothing half
 * applied is ever stored.
 */
export function applyImportChoices(passages: readonly ImportedPassage[], choices: ImportChoices): ChosenImport | { issues: ChoiceIssue[] } {
  const count = passages.length;
  const issues: ChoiceIssue[] = [];
  const inRange = (path: string, index: number, last = count) => {
    if (index > last)
      issues.push({
        path,
        message: `There is no passage ${index}${last === count ? "" : " with a passage after it"}: the preview has ${count}.`,
      });
    return index <= last;
  };
  const jobs = new Map<number, string>();
  const claim = (path: string, index: number, job: string) => {
    const earlier = jobs.get(index);
    if (earlier !== undefined && earlier !== job) issues.push({ path, message: `Passage ${index} cannot be ${job} and also ${earlier}.` });
    else jobs.set(index, job);
  };
  const omit = [...new Set(choices.omit ?? [])];
  const merge = [...new Set(choices.merge ?? [])];
  omit.forEach((index, i) => inRange(`omit.${i}`, index) && claim(`omit.${i}`, index, "removed"));
  merge.forEach((index, i) => {
    if (!inRange(`merge.${i}`, index, count - 1)) return;
    claim(`merge.${i}`, index, "merged");
    claim(`merge.${i}`, index + 1, "merged");
  });
  const fieldJob = { authorsFrom: "the authors", publishedAtFrom: "the date", subtitleFrom: "the subtitle" } as const;
  for (const field of FIELDS) {
    const index = choices[field];
    if (index !== undefined && inRange(field, index)) claim(field, index, fieldJob[field]);
  }
  if (issues.length > 0) return { issues };

  const out: ChosenImport = { passages: [] };
  const textAt = (index: number) => passages[index - 1].text;
  if (choices.authorsFrom !== undefined) {
    const text = textAt(choices.authorsFrom);
    const authors = namesFromText(text);
    if (authors.length === 0)
      issues.push({ path: "authorsFrom", message: `Passage ${choices.authorsFrom} names no one: it cannot be the authors.` });
    else out.authors = authors;
  }
  if (choices.publishedAtFrom !== undefined) {
    const text = textAt(choices.publishedAtFrom);
    const date = dateFromText(text);
    if (date === null)
      issues.push({ path: "publishedAtFrom", message: `Passage ${choices.publishedAtFrom} is not a date such as “4 March 2024”.` });
    else out.publishedAt = date;
  }
  if (choices.subtitleFrom !== undefined) {
    const text = textAt(choices.subtitleFrom);
    if (text.length > SUBTITLE_MAX_LENGTH)
      issues.push({ path: "subtitleFrom", message: `Passage ${choices.subtitleFrom} is longer than a subtitle can be (300 characters).` });
    else out.subtitle = text;
  }
  if (issues.length > 0) return { issues };

  const mergeWithNext = new Set(merge);
  const leave = new Set([...omit, ...FIELDS.map((field) => choices[field]).filter((index): index is number => index !== undefined)]);
  for (let index = 1; index <= count; index++) {
    if (leave.has(index)) continue;
    let passage: ImportedPassage = passages[index - 1];
    while (mergeWithNext.has(index)) {
      passage = joinPassages(passage, passages[index]);
      index++;
    }
    out.passages.push(passage);
  }
  if (out.passages.length === 0) return { issues: [{ path: "omit", message: "Keep at least one passage: a report needs some text." }] };
  return out;
}

/** Two passages as one: the first's kind and place, the texts joined by a space, the marks kept. */
function joinPassages(first: ImportedPassage, second: ImportedPassage): ImportedPassage {
  const text = `${first.text} ${second.text}`;
  const marks = normalizeMarks(
    [...(first.marks ?? []), ...shiftMarks(second.marks ?? [], codePointLength(first.text) + 1)],
    codePointLength(text),
  );
  const joined: ImportedPassage = { ...first, text };
  if (marks.length > 0) joined.marks = marks;
  else delete joined.marks;
  return joined;
}
