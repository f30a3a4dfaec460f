import { Lexer, type MarkedToken, type Token, type Tokens } from "marked";
import { collapseWhitespace, comparisonKey, normalizeText, parseDateLine, toIsoDate } from "./normalize";
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
  const first = tokens[0] as MarkedToken | undefined;
  if (first?.type === "heading" && first.depth === 1) {
    const firstText = collapseWhitespace(inlineText(first.tokens));
    // The leading H1 is the document's title; with a front matter title it is dropped only as a repeat.
    if (title === null || comparisonKey(firstText) === comparisonKey(title)) {
      title ??= firstText || null;
      tokens.shift();
    }
  }
  if (title === null) {
    const heading = tokens.find((token) => token.type === "heading") as Tokens.Heading | undefined;
    if (heading) title = collapseWhitespace(inlineText(heading.tokens)) || null;
  }

  const passages: ImportedPassage[] = [];
  walkBlocks(tokens, false, passages);
  if (passages.length === 0) {
    throw new ImportError(
      "no_passages",
      "No paragraphs were found in this Markdown, only a title or markup. Check that the file holds the report's text.",
    );
  }
  return { title, publishedAt: frontDate, passages };
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
    return collapseWhitespace(value).replace(/^(["'])(.*)\1$/, "$2").trim();
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
  const push = (kind: PassageKind, text: string, level: number | null = null) => {
    const clean = collapseWhitespace(text);
    if (clean === "") return;
    out.push(inQuote ? { kind: "quote", level: null, text: clean } : { kind, level, text: clean });
  };
  for (const token of tokens as MarkedToken[]) {
    switch (token.type) {
      case "heading":
        push("heading", inlineText(token.tokens), Math.min(6, Math.max(1, token.depth)));
        break;
      case "paragraph":
        push("paragraph", inlineText(token.tokens));
        break;
      case "text":
        push("paragraph", token.tokens ? inlineText(token.tokens) : decodeEntities(token.text));
        break;
      case "blockquote":
        walkBlocks(token.tokens, true, out);
        break;
      case "list":
        for (const item of token.items) walkListItem(item, inQuote, out);
        break;
      case "code":
        push("paragraph", token.text);
        break;
      case "table":
        for (const row of [token.header, ...token.rows]) {
          push("paragraph", row.map((cell) => collapseWhitespace(inlineText(cell.tokens))).join(" | "));
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
 * One passage per item. Text before a nested block (a sub-list, a code block) belongs to
 * the item; the nested block's passages follow it, which flattens nested lists in order.
 */
function walkListItem(item: Tokens.ListItem, inQuote: boolean, out: ImportedPassage[]): void {
  let buffer: string[] = [];
  const flush = () => {
    const text = collapseWhitespace(buffer.join(" "));
    if (text !== "") out.push({ kind: inQuote ? "quote" : "list_item", level: null, text });
    buffer = [];
  };
  for (const child of item.tokens as MarkedToken[]) {
    if (child.type === "text") buffer.push(child.tokens ? inlineText(child.tokens) : decodeEntities(child.text));
    else if (child.type === "paragraph") buffer.push(inlineText(child.tokens));
    else if (child.type !== "space" && child.type !== "checkbox") {
      flush();
      walkBlocks([child], inQuote, out);
    }
  }
  flush();
}

/** Plain text of inline markup: links keep their text, images their alt text, tags vanish. */
function inlineText(tokens: Token[] | undefined): string {
  let text = "";
  for (const token of (tokens ?? []) as MarkedToken[]) {
    switch (token.type) {
      case "text":
        text += token.tokens ? inlineText(token.tokens) : decodeEntities(token.text);
        break;
      case "escape":
      case "codespan":
        text += token.text;
        break;
      case "br":
        text += " ";
        break;
      case "html":
        if (/^<br\b/i.test(token.text)) text += " ";
        break;
      case "checkbox":
        break;
      default:
        text += "tokens" in token && token.tokens ? inlineText(token.tokens) : "";
    }
  }
  return text;
}

const BLOCK_TAG = /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|table|tr|blockquote|section|article|aside|header|footer|figure|figcaption|pre)\b[^>]*>/gi;

/** Text content of raw HTML, split where block elements end; the HTML itself is never kept. */
function htmlToParagraphs(html: string): string[] {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(/<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, "")
    .replace(BLOCK_TAG, "\n\n")
    .replace(/<[^>]*(?:>|$)/g, "");
  return decodeEntities(text).split(/\n\s*\n/).map(collapseWhitespace).filter(Boolean);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—",
  hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»",
  copy: "©", reg: "®", trade: "™", shy: "",
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
