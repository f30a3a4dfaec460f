/**
 * Anchors: the bits of a passage that survive translation unchanged, so a passage and
 * its translation share them whatever the languages: numbers (Arabic-Indic and Persian
 * digits read as 0-9, thousands separators dropped), years among them, runs of words in
 * Latin script that start with a capital (names kept in the original script inside an Arabic
 * text), and quotations (a quoted stretch, whatever quotation marks a language uses).
 * Month names and the like are translated, so a date is anchored by its numbers.
 */

export interface Anchors {
  /** Numbers as ASCII digits ("2023", "6", "3.5"). */
  numbers: Set<string>;
  /** Runs of capitalised Latin-script words, lower-cased ("king abdullah ii"). */
  names: Set<string>;
  /** How many quoted stretches the passage has. */
  quotations: number;
}

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** ٠-٩ and ۰-۹ as 0-9, the Arabic decimal and thousands separators as "." and nothing. */
export function normalizeDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.codePointAt(0)! - ARABIC_INDIC_ZERO))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.codePointAt(0)! - PERSIAN_ZERO))
    .replace(/\u066b/g, ".")
    .replace(/\u066c/g, "");
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
// A run of capitalised words is one name ("King Abdullah II"); a lone word any English sentence may start with is none.
const LATIN_NAME = /\b[A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+)*/g;
const QUOTED = /["“”«»„‟‹›][^"“”«»„‟‹›]{2,}["“”«»„‟‹›]/g;
const COMMON = new Set(["the", "a", "an", "this", "these", "that", "those", "in", "on", "it", "its", "as", "and", "but", "for", "with"]);

export function anchorsOf(text: string): Anchors {
  const normal = normalizeDigits(text);
  const numbers = new Set<string>();
  for (const match of normal.matchAll(NUMBER)) {
    // "1,000" and "1000" are one number; a decimal comma is read as a point.
    const n = match[0].replace(/,(?=\d{3}\b)/g, "").replace(",", ".");
    numbers.add(n);
  }
  const names = new Set<string>();
  for (const match of normal.matchAll(LATIN_NAME)) {
    const word = match[0].toLowerCase();
    if (!COMMON.has(word)) names.add(word);
  }
  const quotations = [...normal.matchAll(QUOTED)].length;
  return { numbers, names, quotations };
}

export function mergeAnchors(list: Anchors[]): Anchors {
  return {
    numbers: new Set(list.flatMap((a) => [...a.numbers])),
    names: new Set(list.flatMap((a) => [...a.names])),
    quotations: list.reduce((sum, a) => sum + a.quotations, 0),
  };
}

const count = <T>(a: Set<T>, b: Set<T>) => [...a].filter((x) => b.has(x)).length;
const isYear = (n: string) => /^(1[5-9]|20)\d\d$/.test(n);

/**
 * How much more likely two stretches are translations of each other given their anchors,
 * as a cost to subtract (natural-log units, like the length cost): each shared number
 * counts (a year more), a shared name and a shared quotation too; a number on one side
 * only counts as much against, since translators keep numbers. Stretches without anchors: 0.
 */
export function anchorBonus(a: Anchors, b: Anchors): number {
  let bonus = 0;
  for (const n of a.numbers) if (b.numbers.has(n)) bonus += isYear(n) ? 2 : 1.5;
  const unmatched = a.numbers.size + b.numbers.size - 2 * count(a.numbers, b.numbers);
  bonus -= 1.5 * unmatched;
  bonus += 1.5 * count(a.names, b.names);
  bonus += 1 * Math.min(a.quotations, b.quotations);
  return bonus;
}
