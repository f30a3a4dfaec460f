import fc from "fast-check";
import { Lexer } from "marked";
import { describe, expect, it } from "vitest";
import { mentionsAsText, parseMentionAttributes } from "@/lib/markdown/mentions";
import { tidyMarkdown } from "@/lib/markdown/tidy";
import { bodyForExport } from "./common";
import { embedMarkdown, embedMarkdownOpening, escapeInline, indentContinuation, quoteBlock } from "./markdown-text";

/*
 * The helpers skip their expressions when a text cannot need them (the large
 * export calls them for every name, quote and body). These properties hold the
 * shortcuts to the full transformations, written out here as they were before.
 */

const URL_PART = /(https?:\/\/[^\s<>]+)/;
const fullEscapeInline = (text: string) =>
  text
    .replace(/\s*\n\s*/g, " ")
    .split(URL_PART)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\`*_[\]<~]/g, "\\$&").replace(/&(?=#?\w+;)/g, "\\&")))
    .join("");
const fullQuoteBlock = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      const escaped = fullEscapeInline(line)
        .replace(/^(\s*)(#{1,6}(?:\s|$)|>|[-+](?:\s|$))/, "$1\\$2")
        .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
        .replace(/^(\s*)([=-])(?=[=-]*\s*$)/, "$1\\$2");
      return escaped.trim() === "" ? ">" : `> ${escaped}`;
    })
    .join("\n");
const fullMentionsAsText = (text: string) =>
  text.replace(/\[@\s+([^\]]{0,500})\]/g, (whole, attrs: string) => {
    const mention = parseMentionAttributes(attrs);
    return mention ? `@${mention.label || mention.id}` : whole;
  });
// Tidying (lib/markdown/tidy.ts, tested there) comes first; the shortcuts here are the mentions' and links'.
const fullBodyForExport = (text: string, origin: string) =>
  fullMentionsAsText(tidyMarkdown(text)).replace(/\]\((\/(?!\/)[^)\s]*)\)/g, (_, href: string) => `](${origin}${href})`);
const fullStartsWithParagraph = (markdown: string) =>
  new Lexer().blockTokens(markdown.replace(/\r\n?/g, "\n")).find((token) => token.type !== "space")?.type === "paragraph";

// Mostly plain words, now and then a character that matters to Markdown, an address, a mention or an app link.
const PIECES = [
  "a",
  "Z",
  "é",
  "ع",
  "7",
  "1.",
  "2)",
  " ",
  "  ",
  "\t",
  "\n",
  "\n\n",
  "\r\n",
  "\u00a0",
  ".",
  ",",
  "#",
  "## ",
  ">",
  "-",
  "- ",
  "+",
  "=",
  "==",
  "*",
  "_",
  "`",
  "```",
  "~",
  "[",
  "]",
  "<",
  "\\",
  "&",
  "&amp;",
  "&#39;",
  "https://x.org/a_b*c",
  "http://y.net",
  '[@ id="u1" label="Ann Lee"]',
  "[@",
  ' id="u2"]',
  "[@ x]",
  "[link](/w/ws/r/1)",
  "](/",
  "(/",
  "](//cdn)",
];
const text = fc
  .array(
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom("a", "b", "Word", " ", "ل") }, { weight: 4, arbitrary: fc.constantFrom(...PIECES) }),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(""));

describe("markdown-text shortcuts", () => {
  it("escapeInline gives what the full escaping gives", () => {
    for (const sample of ["plain name", "a\nb", "x & y", "a &amp; b", "[x]", "a_b", "see https://x.org/a_b", "~", "<b>", "back\\slash"]) {
      expect(escapeInline(sample), sample).toBe(fullEscapeInline(sample));
    }
    fc.assert(
      fc.property(text, (sample) => {
        expect(escapeInline(sample)).toBe(fullEscapeInline(sample));
      }),
      { numRuns: 5000 },
    );
  });

  it("quoteBlock escapes the start of every line as the full rules do", () => {
    for (const sample of ["# heading", " > quote", "- item", "+", "12. item", "3) item", "===", " --", "plain", "a\n1.\n-\n#x"]) {
      expect(quoteBlock(sample), sample).toBe(fullQuoteBlock(sample));
    }
    fc.assert(
      fc.property(text, (sample) => {
        expect(quoteBlock(sample)).toBe(fullQuoteBlock(sample));
      }),
      { numRuns: 5000 },
    );
  });

  it("mentionsAsText and bodyForExport change only texts with a mention, an app link or something to tidy", () => {
    expect(mentionsAsText('hi [@ id="u1" label="Ann Lee"]')).toBe("hi @Ann Lee");
    expect(mentionsAsText('[@\tid="u3"] and [@\nid="u4"]')).toBe("@u3 and @u4");
    expect(bodyForExport("see [it](/w/ws/r/1)", "https://m.example")).toBe("see [it](https://m.example/w/ws/r/1)");
    fc.assert(
      fc.property(text, (sample) => {
        expect(mentionsAsText(sample)).toBe(fullMentionsAsText(sample));
        expect(bodyForExport(sample, "https://m.example")).toBe(fullBodyForExport(sample, "https://m.example"));
      }),
      { numRuns: 5000 },
    );
  });

  it("embedMarkdownOpening is embedMarkdown and whether the result opens with a paragraph", () => {
    for (const sample of ["Plain words.", "\nPlain\n\nwords\n", "# Heading", "- item", "```\ncode", "", "  "]) {
      const embedded = embedMarkdown(sample, 3);
      expect(embedMarkdownOpening(sample, 3), sample).toEqual({
        markdown: embedded,
        opensWithParagraph: fullStartsWithParagraph(embedded),
      });
    }
    fc.assert(
      fc.property(text, (sample) => {
        const embedded = embedMarkdown(sample, 3);
        expect(embedMarkdownOpening(sample, 3)).toEqual({ markdown: embedded, opensWithParagraph: fullStartsWithParagraph(embedded) });
      }),
      { numRuns: 3000 },
    );
  });

  it("indentContinuation indents every line after the first, and leaves one line alone", () => {
    expect(indentContinuation("one line", "  ")).toBe("one line");
    expect(indentContinuation("a\nb", "  ")).toBe("a\n  b");
    expect(indentContinuation("a\nb\n\nc", "  ")).toBe("a\n  b\n\n  c");
  });
});
