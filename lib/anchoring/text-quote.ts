import { codePointLength, sliceCodePoints } from "./code-points";

/** Characters of context kept on each side of a quote, as the hypothesis client does. */
export const CONTEXT_LENGTH = 32;

/** W3C TextPositionSelector: code point offsets into one passage, end exclusive. */
export interface TextPositionSelector {
  start: number;
  end: number;
}

/** W3C TextQuoteSelector: the quoted text and the context around it. */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface PositionProblem {
  field: "start" | "end";
  message: string;
}

/** Why a position cannot be used in `text`, in words fit for the user; null when it can. */
export function validatePosition(text: string, pos: TextPositionSelector): PositionProblem | null {
  const { start, end } = pos;
  if (!Number.isInteger(start)) return { field: "start", message: "start and end must be whole numbers." };
  if (!Number.isInteger(end)) return { field: "end", message: "start and end must be whole numbers." };
  if (start < 0) return { field: "start", message: "start must not be negative." };
  if (end <= start) return { field: "end", message: "end must be greater than start." };
  const length = codePointLength(text);
  if (start >= length) return { field: "start", message: `start is outside the passage (its length is ${length}).` };
  if (end > length) return { field: "end", message: `end is outside the passage (its length is ${length}).` };
  return null;
}

export function quoteFromPosition(text: string, pos: TextPositionSelector, contextLength = CONTEXT_LENGTH): TextQuoteSelector {
  const problem = validatePosition(text, pos);
  if (problem !== null) throw new RangeError(problem.message);
  const length = codePointLength(text);
  return {
    exact: sliceCodePoints(text, pos.start, pos.end),
    prefix: sliceCodePoints(text, Math.max(0, pos.start - contextLength), pos.start),
    suffix: sliceCodePoints(text, pos.end, Math.min(length, pos.end + contextLength)),
  };
}

/**
 * Finds where a quote sits in `text`. Only exact matches count; among several, the one
 * whose surrounding text agrees longest with the stored prefix and suffix wins, then the
 * one closest to `hint` (a code point start offset), then the first. Null when the quote
 * is not in the text, so the caller can show the annotation as orphaned.
 */
export function positionFromQuote(text: string, quote: TextQuoteSelector, hint?: number): TextPositionSelector | null {
  const { exact } = quote;
  if (exact === "") return null;

  let best: { start: number; score: number; distance: number } | null = null;
  // Code points before the last match, so each conversion walks only the new stretch.
  let lastIndex = 0;
  let lastCodePoint = 0;
  for (let index = text.indexOf(exact); index !== -1; index = text.indexOf(exact, index + 1)) {
    if (splitsPair(text, index) || splitsPair(text, index + exact.length)) continue;
    lastCodePoint += codePointLength(text.slice(lastIndex, index));
    lastIndex = index;
    const score =
      commonSuffixLength(quote.prefix, text.slice(Math.max(0, index - quote.prefix.length), index)) +
      commonPrefixLength(quote.suffix, text.slice(index + exact.length, index + exact.length + quote.suffix.length));
    const distance = hint === undefined ? 0 : Math.abs(lastCodePoint - hint);
    if (best === null || score > best.score || (score === best.score && distance < best.distance)) {
      best = { start: lastCodePoint, score, distance };
    }
  }
  if (best === null) return null;
  return { start: best.start, end: best.start + codePointLength(exact) };
}

/** True when `index` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, index: number): boolean {
  return index > 0 && index < text.length && (text.codePointAt(index - 1) ?? 0) > 0xffff;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
