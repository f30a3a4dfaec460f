import { Lexer, type MarkedToken, type Token, type Tokens } from "marked";
import { collapseWhitespace, comparisonKey, normalizeText, parseDateLine, toIsoDate } from "./normalize";
import { dropChromePassages } from "./page-chrome";
import { takeFrontLines } from "./report-front";
import { RichTextBuilder } from "./rich-text";
import { ImportError, type ImportedPassage, type ImportedReport, type PassageKind } from "./types";

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
// Lines a YAML header is made of; anything else means the "---" was a horizontal rule.
const YAML_LINE = /^(?:[\w-]+\s*:|\s|-\s|#|$)/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z ]*)?$/;

/** Markdown, read with marked's lexer so passages follow the document's real structure. */
export function importMarkdown(content: string): ImportedReport {
  const { body, frontTitle, frontDate } = readFrontMatter(normalizeText(content));
  const tokens = new Lexer().lex(body).filter((token) => token.type !== "space" && token.type !== "def");

  let title = frontTitle;
  let titlePassage: ImportedPassage | null = null;
  const first = tokens[0] as MarkedToken | undefined;
  if (first?.type === "heading" && first.depth === 1) {
    const firstText = collapseWhitespace(plainText(first.tokens));
    // The leading H1 is the document's title; with a front matter title it is dropped only as a repeat.
    if (title === null || comparisonKey(firstText) === comparisonKey(title)) {
      title ??= firstText || null;
      if (firstText) titlePassage = { kind: "heading", level: 1, ...inlineRich(first.tokens) };
      tokens.shift();
    }
  }
  if (title === null) {
    const heading = tokens.find((token) => token.type === "heading") as Tokens.Heading | undefined;
    if (heading) title = collapseWhitespace(plainText(heading.tokens)) || null;
  }

  const walked: ImportedPassage[] = [];
  walkBlocks(tokens, false, walked);
  const front = takeFrontLines(dropChromePassages(walked));
  const passages = front.passages;
  if (passages.length === 0) {
    throw new ImportError(
      "no_passages",
      "No paragraphs were found in this Markdown, only a title or markup. Check that the file holds the report's text.",
    );
  }
  return { title, publishedAt: frontDate ?? front.publishedAt, passages, authors: front.authors, titlePassage };
}

interface FrontMatter {
  body: string;
  frontTitle: string | null;
  frontDate: string | null;
}

function readFrontMatter(text: string): FrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (match === null || !match[1].split("\n").every((line) => YAML_LINE.test(line))) {
    return { body: text, frontTitle: null, frontDate: null };
  }
  const field = (name: string) => {
    const value = new RegExp(`^${name}\\s*:(.*)$`, "im").exec(match[1])?.[1] ?? "";
    return collapseWhitespace(value)
      .replace(/^(["'])(.*)\1$/, "$2")
      .trim();
  };
  const date = field("date") || field("published");
  const iso = ISO_DATE_TIME.exec(date);
  return {
    body: text.slice(match[0].length),
    frontTitle: field("title") || null,
    frontDate: iso ? toIsoDate(+iso[1], +iso[2], +iso[3]) : date ? parseDateLine(date) : null,
  };
}

/** Inside a block quote every passage is a quote, whatever markup it had. */
function walkBlocks(tokens: Token[], inQuote: boolean, out: ImportedPassage[]): void {
  const push = (kind: PassageKind, content: RichTextBuilder | string, level: number | null = null) => {
    const { text, marks } = (typeof content === "string" ? new RichTextBuilder().append(content) : content).finish();
    if (text === "") return;
    const passage: ImportedPassage = inQuote ? { kind: "quote", level: null, text } : { kind, level, text };
    if (marks.length > 0) passage.marks = marks;
    out.push(passage);
  };
  for (const token of tokens as MarkedToken[]) {
    switch (token.type) {
      case "heading":
        push("heading", richOf(token.tokens), Math.min(6, Math.max(1, token.depth)));
        break;
      case "paragraph":
        push("paragraph", richOf(token.tokens));
        break;
      case "text":
        push("paragraph", token.tokens ? richOf(token.tokens) : decodeEntities(token.text));
        break;
      case "blockquote":
        walkBlocks(token.tokens, true, out);
        break;
      case "list": {
        const start = token.ordered ? (typeof token.start === "number" ? token.start : 1) : null;
        token.items.forEach((item, i) => walkListItem(item, start === null ? null : start + i, inQuote, out));
        break;
      }
      case "code":
        push("paragraph", token.text);
        break;
      case "table":
        for (const row of [token.header, ...token.rows]) {
          const line = new RichTextBuilder();
          row.forEach((cell, i) => {
            if (i > 0) line.append(" | ");
            line.appendBuilder(richOf(cell.tokens));
          });
          push("paragraph", line);
        }
        break;
      case "html":
        for (const paragraph of htmlToParagraphs(token.text)) push("paragraph", paragraph);
        break;
      default:
        break; // rules, link definitions and blank space carry no text
    }
  }
}

/**
 * One passage per item, with its number in an ordered list. Text before a nested block
 * (a sub-list, a code block) belongs to the item; the nested block's passages follow it,
 * which flattens nested lists in order.
 */
function walkListItem(item: Tokens.ListItem, number: number | null, inQuote: boolean, out: ImportedPassage[]): void {
  let buffer = new RichTextBuilder();
  const flush = () => {
    const { text, marks } = buffer.finish();
    buffer = new RichTextBuilder();
    if (text === "") return;
    const passage: ImportedPassage = { kind: inQuote ? "quote" : "list_item", level: null, text };
    if (marks.length > 0) passage.marks = marks;
    if (number !== null && !inQuote) passage.listNumber = number;
    number = null; // text after a nested block continues the item without repeating its number
    out.push(passage);
  };
  for (const child of item.tokens as MarkedToken[]) {
    if (child.type === "text")
      buffer.append(" ").appendBuilder(child.tokens ? richOf(child.tokens) : new RichTextBuilder().append(decodeEntities(child.text)));
    else if (child.type === "paragraph") buffer.append(" ").appendBuilder(richOf(child.tokens));
    else if (child.type !== "space" && child.type !== "checkbox") {
      flush();
      walkBlocks([child], inQuote, out);
    }
  }
  flush();
}

function richOf(tokens: Token[] | undefined): RichTextBuilder {
  const builder = new RichTextBuilder();
  writeInline(tokens, builder);
  return builder;
}

/** Inline text with its bold, italic and link marks: images keep their alt text, tags vanish. */
function inlineRich(tokens: Token[] | undefined): { text: string; marks?: ImportedPassage["marks"] } {
  const { text, marks } = richOf(tokens).finish();
  return marks.length > 0 ? { text, marks } : { text };
}

function plainText(tokens: Token[] | undefined): string {
  return richOf(tokens).text;
}

function writeInline(tokens: Token[] | undefined, out: RichTextBuilder): void {
  for (const token of (tokens ?? []) as MarkedToken[]) {
    switch (token.type) {
      case "text":
        if (token.tokens) writeInline(token.tokens, out);
        else out.append(decodeEntities(token.text));
        break;
      case "escape":
      case "codespan":
        out.append(token.text);
        break;
      case "br":
        out.append(" ");
        break;
      case "html":
        if (/^<br\b/i.test(token.text)) out.append(" ");
        break;
      case "checkbox":
        break;
      case "strong":
        out.mark("bold", () => writeInline(token.tokens, out));
        break;
      case "em":
        out.mark("italic", () => writeInline(token.tokens, out));
        break;
      case "link":
        out.mark("link", () => writeInline(token.tokens, out), token.href);
        break;
      default:
        if ("tokens" in token && token.tokens) writeInline(token.tokens, out);
    }
  }
}

const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|table|tr|blockquote|section|article|aside|header|footer|figure|figcaption|pre)\b[^>]*>/gi;

/** Text content of raw HTML, split where block elements end; the HTML itself is never kept. */
function htmlToParagraphs(html: string): string[] {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, "")
    .replace(BLOCK_TAG, "\n\n")
    .replace(/<[^>]*(?:>|$)/g, "");
  return decodeEntities(text)
    .split(/\n\s*\n/)
    .map(collapseWhitespace)
    .filter(Boolean);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  copy: "©",
  reg: "®",
  trade: "™",
  shy: "",
};

/** marked leaves entities in text tokens for its HTML renderer; passages are plain text. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== "#") return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    const valid = !control && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : entity;
  });
}
