import { comparisonKey } from "./normalize";
import type { ImportedPassage } from "./types";

// Page furniture that comes along when a report is copied from a web page. Matched against
// whole lines only, so prose that merely mentions "share" or "print" is never touched.
const CHROME_PHRASES = new Set([
  "font size",
  "text size",
  "a a a",
  "a+ a-",
  "a- a+",
  "a a",
  "print",
  "print this page",
  "share",
  "share this",
  "share this article",
  "share this story",
  "share this page",
  "share this post",
  "share on facebook",
  "share on twitter",
  "share on x",
  "share on linkedin",
  "share via email",
  "tweet",
  "email",
  "e-mail",
  "listen",
  "listen to this article",
  "save",
  "save article",
  "bookmark",
  "read more",
  "read more:",
  "continue reading",
  "copy link",
  "link copied",
  "download pdf",
  "advertisement",
  "advertisements",
  "sponsored",
  "skip to content",
  "skip to main content",
  "back to top",
  "follow us",
  "follow us on",
  "leave a comment",
  "show comments",
  "view comments",
  "subscribe",
  "sign up",
  "newsletter",
]);
// Single-word buttons that pages print side by side ("Share Tweet Email").
const CHROME_WORDS = new Set([
  "a",
  "a+",
  "a-",
  "print",
  "share",
  "tweet",
  "email",
  "e-mail",
  "save",
  "listen",
  "bookmark",
  "facebook",
  "twitter",
  "linkedin",
  "whatsapp",
  "telegram",
  "reddit",
  "pinterest",
]);
// Calls to subscribe and copyright notices: short lines that are nothing else.
const NEWSLETTER = /^(?:subscribe|sign up|sign-up|join|get)\b.{0,60}\bnewsletters?\b.{0,60}$/i;
const SUBSCRIBE_NOW = /^(?:subscribe|sign up|register) (?:now|today|for free|here)\b.{0,40}$/i;
const COPYRIGHT = /^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4}|all rights reserved\b)/i;
const RIGHTS_RESERVED = /\ball rights reserved\.?$/i;
const COPYRIGHT_MAX_LENGTH = 200;
// Lines that open the list of links a site puts under an article.
const FOOTER_START = new Set([
  "related",
  "related articles",
  "related stories",
  "related posts",
  "related content",
  "related coverage",
  "related news",
  "recommended",
  "recommended for you",
  "recommended articles",
  "you may also like",
  "you might also like",
  "more from this author",
  "more on this topic",
  "more on this story",
  "most read",
  "most popular",
  "read next",
  "read this next",
  "trending",
  "trending now",
  "popular now",
  "latest news",
  "more stories",
  "more articles",
  "also read",
]);
// How long a line in a list of headlines may be, and how much of the text must come before the list.
const HEADLINE_MAX_LENGTH = 140;
const FOOTER_FROM_FRACTION = 0.4;
const SENTENCE_END = /[.!?؟…]["'”’»)\]]*$/;

/** A line that is page furniture and nothing else: a button, a call to subscribe, a copyright notice. */
export function isChromeLine(line: string): boolean {
  const key = comparisonKey(line).replace(/[:.!]$/, "");
  if (key === "") return false;
  if (CHROME_PHRASES.has(key)) return true;
  if (key.length <= 160 && (NEWSLETTER.test(key) || SUBSCRIBE_NOW.test(key))) return true;
  if (key.length <= COPYRIGHT_MAX_LENGTH && (COPYRIGHT.test(key) || (RIGHTS_RESERVED.test(key) && /\d{4}/.test(key)))) return true;
  return key.split(/\s*[|·•]\s*|\s+/).every((word) => CHROME_WORDS.has(word));
}

function isFooterStart(line: string): boolean {
  return FOOTER_START.has(comparisonKey(line).replace(/[:.]$/, ""));
}

/** A line of a list of links: a short headline, not a sentence of prose. */
function isHeadline(line: string): boolean {
  return line.length <= HEADLINE_MAX_LENGTH && !SENTENCE_END.test(line);
}

/**
 * Where the list of links under an article begins ("Related articles", then
 * headlines), or -1. Only in the last part of the text, and only when nothing
 * after it is prose: a report's own "See also" section with sentences stays.
 */
export function footerStart(lines: readonly string[]): number {
  const filled = lines.map((line, i) => ({ line, i })).filter(({ line }) => line.trim() !== "");
  const from = Math.floor(filled.length * FOOTER_FROM_FRACTION);
  for (let k = Math.max(1, from); k < filled.length; k++) {
    if (!isFooterStart(filled[k].line)) continue;
    const rest = filled.slice(k + 1);
    if (rest.every(({ line }) => isChromeLine(line) || isHeadline(line))) return filled[k].i;
  }
  return -1;
}

/**
 * Passages less the page furniture: paragraphs that are chrome lines anywhere (a list item
 * or a quote is the author's own), and the list of links at the end.
 */
export function dropChromePassages<T extends Pick<ImportedPassage, "text" | "kind">>(passages: T[]): T[] {
  const kept = passages.filter((passage) => passage.kind !== "paragraph" || !isChromeLine(passage.text));
  const cut = footerStart(kept.map((passage) => passage.text));
  return cut === -1 ? kept : kept.slice(0, cut);
}
