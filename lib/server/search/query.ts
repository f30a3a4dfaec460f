/**
 * A user's search string as a Postgres tsquery, built from words only: every
 * character that is not a letter, mark or digit separates words, so quotes,
 * operators and SQL-looking text can never reach the query syntax.
 *
 * - `"rising prices"` is a phrase: the words next to each other, in order.
 * - Other words must all occur (AND), each also as a prefix: `infla` finds "inflation".
 * - A leading `-` excludes a word.
 */
const MAX_TERMS = 16;

export interface ParsedQuery {
  /** For `to_tsquery('simple', …)`; empty when there is nothing to look for. */
  tsquery: string;
  /** The phrases and words as typed, lower-cased: an exact occurrence ranks first. */
  exact: string;
  /**
   * The same words next to each other in the order typed (the last one a prefix), with the same
   * exclusions: what finds the exact occurrences among many matches. Empty when it would find
   * what `tsquery` finds (a single word or phrase).
   */
  exactTsquery: string;
  terms: string[];
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function words(text: string): string[] {
  return (text.toLocaleLowerCase("en").match(WORD) ?? []).map((w) => w.slice(0, 64));
}

const lexeme = (word: string) => `'${word}'`;

export function parseSearchQuery(input: string): ParsedQuery {
  const text = input.toWellFormed().normalize("NFC");
  const parts: string[] = [];
  const exclusions: string[] = [];
  const terms: string[] = [];
  const positiveWords: string[] = [];
  for (const match of text.matchAll(/(-?)"([^"]*)"?|(-?)(\S+)/g)) {
    if (parts.length >= MAX_TERMS) break;
    const negated = (match[1] ?? match[3]) === "-";
    if (match[2] !== undefined) {
      const phrase = words(match[2]);
      if (!phrase.length) continue;
      const expr = phrase.length === 1 ? lexeme(phrase[0]) : `(${phrase.map(lexeme).join(" <-> ")})`;
      parts.push(negated ? `!${expr}` : expr);
      if (negated) exclusions.push(`!${expr}`);
      else {
        terms.push(phrase.join(" "));
        positiveWords.push(...phrase);
      }
    } else {
      // A bare word with punctuation inside ("covid-19", "U.S.") is several words next to each other.
      const ws = words(match[4]);
      if (!ws.length) continue;
      if (negated) {
        const expr = `!${ws.length === 1 ? lexeme(ws[0]) : `(${ws.map(lexeme).join(" <-> ")})`}`;
        parts.push(expr);
        exclusions.push(expr);
      } else {
        const last = ws.length - 1;
        const expr = ws.map((w, i) => (i === last ? `${lexeme(w)}:*` : lexeme(w))).join(" <-> ");
        parts.push(ws.length === 1 ? expr : `(${expr})`);
        terms.push(ws.join(" "));
        positiveWords.push(...ws);
      }
    }
  }
  // A query of only exclusions matches nothing useful: look for nothing.
  const positive = parts.filter((p) => !p.startsWith("!"));
  if (!positive.length) return { tsquery: "", exact: "", exactTsquery: "", terms };
  const last = positiveWords.length - 1;
  const adjacent = positiveWords.map((w, i) => (i === last ? `${lexeme(w)}:*` : lexeme(w))).join(" <-> ");
  const exactTsquery = terms.length > 1 ? [`(${adjacent})`, ...exclusions].join(" & ") : "";
  return { tsquery: parts.join(" & "), exact: terms.join(" "), exactTsquery, terms };
}
