/**
 * Small Markdown-writing helpers for the Markdown export: text that must read
 * as itself (names, quotes, titles) and Markdown that must fit inside the
 * export's outline (team notes, annotation and reply bodies).
 */
import { Lexer, type Token } from "marked";
import { isPlainProse } from "@/lib/markdown/prose";

// Left alone so addresses stay usable when read as plain text and still autolink.
const URL_PART = /(https?:\/\/[^\s<>]+)/;
// A line break, or a character `escapeInline` escapes (in or out of an address): without one, it changes nothing.
const MAY_NEED_ESCAPING = /[\n\\`*_[\]<~&]/;
// The first character (after spaces) of a line that could open a heading, list, quote or rule.
const MAY_OPEN_BLOCK = /^\s*[#>+\-=\d]/;

/**
 * Plain text that must not turn into emphasis, links, code or HTML when
 * rendered, kept on one line. Only the characters that would change the
 * rendering are escaped, so the file still reads well as plain text.
 */
export function escapeInline(text: string): string {
  // Most names, tags and quotes have nothing to escape and no line to join: they are their own answer.
  if (!MAY_NEED_ESCAPING.test(text)) return text;
  return text
    .replace(/\s*\n\s*/g, " ")
    .split(URL_PART)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\`*_[\]<~]/g, "\\$&").replace(/&(?=#?\w+;)/g, "\\&")))
    .join("");
}

/** One line of plain text, escaped so that it is not read as the start of a heading, list, quote or rule. */
export function escapeLine(line: string): string {
  const escaped = escapeInline(line);
  if (!MAY_OPEN_BLOCK.test(escaped)) return escaped;
  return escaped
    .replace(/^(\s*)(#{1,6}(?:\s|$)|>|[-+](?:\s|$))/, "$1\\$2")
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
    .replace(/^(\s*)([=-])(?=[=-]*\s*$)/, "$1\\$2");
}

/** Plain text as a blockquote: every line, blank ones too, stays inside it. */
export function quoteBlock(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      const escaped = escapeLine(line);
      return escaped.trim() === "" ? ">" : `> ${escaped}`;
    })
    .join("\n");
}

/**
 * User-written Markdown made fit to sit inside the export: its top-level
 * headings move `demoteBy` levels down (capped at 6) so they nest under the
 * export's own, and a code fence left open is closed so it cannot swallow
 * the rest of the file. Everything else is kept byte for byte; code blocks
 * are tokens of their own, so a `#` inside them is never touched.
 */
export function embedMarkdown(markdown: string, demoteBy: number): string {
  // Plain prose has no headings or code blocks to change.
  if (isPlainProse(markdown)) return markdown.trim();
  return embedLexed(markdown, demoteBy);
}

/**
 * `embedMarkdown`, and whether what it gives opens with an ordinary paragraph
 * (`startsWithParagraph`): for plain prose that is known without a second look.
 */
export function embedMarkdownOpening(markdown: string, demoteBy: number): { markdown: string; opensWithParagraph: boolean } {
  if (isPlainProse(markdown)) {
    const text = markdown.trim();
    return { markdown: text, opensWithParagraph: text !== "" };
  }
  const text = embedLexed(markdown, demoteBy);
  return { markdown: text, opensWithParagraph: startsWithParagraph(text) };
}

function embedLexed(markdown: string, demoteBy: number): string {
  const tokens = blockTokens(markdown.replace(/\r\n?/g, "\n"));
  const out = tokens.map((token) => {
    if (token.type === "heading") return demoteHeading(token.raw, token.text, token.depth, demoteBy);
    if (token.type === "code") return closeFence(token.raw);
    return token.raw;
  });
  return out.join("").trim();
}

function demoteHeading(raw: string, text: string, depth: number, demoteBy: number): string {
  const hashes = "#".repeat(Math.min(6, depth + demoteBy));
  const trailing = /\n*$/.exec(raw)?.[0] ?? "";
  const atx = /^( {0,3})#{1,6}(?=\s|$)/;
  if (atx.test(raw)) return raw.replace(atx, `$1${hashes}`);
  // A setext heading ("Title\n===") becomes ATX: underlines only express levels 1 and 2.
  return `${hashes} ${text.replace(/\s*\n\s*/g, " ")}${trailing}`;
}

function closeFence(raw: string): string {
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
  if (!open) return raw;
  const body = raw.replace(/\n+$/, "");
  const lines = body.split("\n");
  const closing = new RegExp(`^ {0,3}\\${open[0]}{${open.length},}\\s*$`);
  if (lines.length > 1 && closing.test(lines[lines.length - 1])) return raw;
  return `${body}\n${open}${raw.slice(body.length)}`;
}

/** Every line after the first indented, so a multi-line text stays inside a list item. */
export function indentContinuation(text: string, indent: string): string {
  if (!text.includes("\n")) return text;
  return text
    .split("\n")
    .map((line, i) => (i === 0 || line === "" ? line : `${indent}${line}`))
    .join("\n");
}

/** Whether Markdown opens with an ordinary paragraph, so it can follow text on the same line. */
function startsWithParagraph(markdown: string): boolean {
  if (isPlainProse(markdown)) return markdown.trim() !== "";
  const first = blockTokens(markdown.replace(/\r\n?/g, "\n")).find((token) => token.type !== "space");
  return first?.type === "paragraph";
}

/**
 * The block structure only: what `Lexer#lex` gives less the inline tokens
 * inside the blocks, which nothing here reads and which cost as much again.
 * (`lex` itself only normalises line endings first, as the callers do.)
 */
function blockTokens(markdown: string): Token[] {
  return new Lexer().blockTokens(markdown);
}
