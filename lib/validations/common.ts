import { z } from "zod";
import { ROLES } from "@/lib/domain/words";

// In the browser zod must not compile schemas with `new Function`, nor probe whether it may (it calls
// `Function("")` on first use): the pages' Content-Security-Policy refuses eval, and the probe alone
// was reported as a violation on every page with a form. Set here, where every schema module takes
// zod from, so zod still loads only with the pages that use a schema (not with every page, as an
// instrumentation-client file would: the long reader's first paint paid for it). The server compiles.
if (typeof window !== "undefined") z.config({ jitless: true });

/** A member's role, as a request names it. */
export const roleField = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}.` });

// ---------------------------------------------------------------- text
// Every text field is one of three kinds, each with its rule written once here: a line
// (names, titles, labels), text in several lines (bodies, notes), or a document the
// importer cleans itself (a report's text). None may hold a lone surrogate: Prisma's
// query engine refuses it, and UTF-8 cannot carry it.

/** C0 controls (NUL included: Postgres text cannot hold it), DEL and C1 controls, tab and line breaks excepted. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROLS = new RegExp(CONTROL.source, "g");
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/**
 * Directional overrides and isolates (U+202A–U+202E, U+2066–U+2069): in a name or a
 * title they can make it display as something else ("Trojan Source"). The marks that
 * Arabic and Hebrew text needs (U+200E, U+200F, U+061C) are not among them and stay.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const withoutBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, "");

/** The control characters text may not hold (tab and line breaks stay), each replaced: for text from files, repaired rather than refused. */
export const replaceControlCharacters = (text: string, replacement: string): string => text.replace(CONTROLS, replacement);

const isWellFormed = (text: string): boolean => text.isWellFormed();
const broken = (label: string) => `${label} contains a broken character (a lone UTF-16 surrogate).`;

/** Text in several lines: a body, a note, a description. Tabs and line breaks are kept. */
export const multilineText = (label: string, error = `${label} must be text.`) =>
  z
    .string({ error })
    .refine(isWellFormed, broken(label))
    .refine((s) => !CONTROL.test(s), `${label} must not contain control characters.`);

/**
 * One line a person types and others read as a label: a name, a title, a tag, a search.
 * Trimmed; bidi overrides and isolates removed; no line breaks, tabs or other control
 * characters (an input field cannot produce them, and a list cannot show them).
 */
export const lineText = (label: string, error = `${label} must be text.`) =>
  z
    .string({ error })
    .overwrite(withoutBidiControls)
    .trim()
    .refine(isWellFormed, broken(label))
    .refine((s) => !LINE_BREAK.test(s), `${label} is one line.`)
    .refine((s) => !CONTROL.test(s) && !s.includes("\t"), `${label} must not contain control characters.`);

/** A document's text, which the importer cleans (stray controls dropped, NUL refused as binary): only what cannot travel is refused here. */
export const documentText = (label: string, error = `${label} must be text.`) => z.string({ error }).refine(isWellFormed, broken(label));

/** Trimmed one-line text that must not be empty once trimmed. */
export const requiredText = (label: string, max: number) =>
  lineText(label, `${label} is required.`).min(1, `${label} is required.`).max(max, `${label} must be at most ${max} characters.`);

/** A web address: one line, at most 2,000 characters, http or https. */
export const webAddress = (label: string, message: string) =>
  lineText(label)
    .max(2000, `${label} must be at most 2,000 characters.`)
    .refine((u) => /^https?:\/\/\S+$/i.test(u), message);

export const emailField = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));

// ---------------------------------------------------------------- ids

/**
 * What an id can look like: our ids are cuids, imported annotations' and replies' are
 * UUIDs, a workspace's slug is lower-case letters, digits and dashes. Anything else
 * names nothing, and is refused before it reaches the database.
 */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const isIdLike = (value: string): boolean => ID_PATTERN.test(value);

export const idField = (label: string) => z.string({ error: `${label} must be an id.` }).regex(ID_PATTERN, `${label} must be an id.`);

// ---------------------------------------------------------------- dates

/** Years a report or a filter can sensibly name; Postgres has no year 0, and JavaScript's range ends in +275760. */
export const YEAR_MIN = 1000;
export const YEAR_MAX = 9999;

/** 2024-02-29 is a day; 2023-02-29, 2023-02-30 and 0000-01-01 are not. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < YEAR_MIN || year > YEAR_MAX || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

/** A calendar day, or an ISO 8601 time on one (`2026-11-27T09:30:00Z`), with every part in range. */
export function isDateOrTime(text: string): boolean {
  if (isCalendarDate(text)) return true;
  const match = TIME.exec(text);
  if (!match || !isCalendarDate(match[1])) return false;
  const [hours, minutes, seconds = 0, offsetHours = 0, offsetMinutes = 0] = [match[2], match[3], match[4], match[6], match[7]].map((v) =>
    Number(v ?? 0),
  );
  return hours <= 23 && minutes <= 59 && seconds <= 59 && offsetHours <= 14 && offsetMinutes <= 59;
}

const DATE_EXAMPLE = "2026-11-27";

/** A calendar day, `YYYY-MM-DD`, that exists, in a year from 1000 to 9999. */
export const calendarDate = (label: string) =>
  z
    .string({ error: `${label} must be a date such as ${DATE_EXAMPLE}.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} must be a date such as ${DATE_EXAMPLE}.`, abort: true })
    .refine(isCalendarDate, `${label} is not a real date (the day must exist, in a year from ${YEAR_MIN} to ${YEAR_MAX}).`);

/** A calendar day as above, or a full ISO 8601 time on one. */
export const dateOrTime = (label: string) =>
  z
    .string({ error: `${label} must be a date such as ${DATE_EXAMPLE}.` })
    .trim()
    .refine(
      isDateOrTime,
      `${label} must be a real date such as ${DATE_EXAMPLE} (or a time such as ${DATE_EXAMPLE}T09:30:00Z), in a year from ${YEAR_MIN} to ${YEAR_MAX}.`,
    );

// ---------------------------------------------------------------- numbers

/** The largest value a Postgres `integer` (int4) column holds. */
export const INT4_MAX = 2_147_483_647;

/** A whole JSON number from `min` to `max` (at most what an int4 column holds). */
export const wholeNumber = (label: string, options: { min: number; max?: number; error?: string }) => {
  const max = options.max ?? INT4_MAX;
  return z
    .number({ error: options.error ?? `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(options.min, `${label} must be ${options.min} or more.`)
    .max(max, `${label} must be at most ${max}.`);
};

/**
 * A whole number from a query string: decimal digits only, so "1e3", "0x10", "1.0",
 * "Infinity" and "-0" are refused rather than read as numbers.
 */
export const queryWholeNumber = (label: string, options: { min: number; max?: number }) => {
  const max = options.max ?? INT4_MAX;
  const message = `${label} must be a whole number from ${options.min} to ${max}.`;
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,10}$/, { message, abort: true })
    .transform(Number)
    .refine((n) => n >= options.min && n <= max, message);
};
