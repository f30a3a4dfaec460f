import { collapseWhitespace, normalizeText } from "./normalize";
import { RichTextBuilder } from "./rich-text";
import type { ImportedPassage, PassageKind } from "./types";

// DOM node types, as numbers: there is no global `Node` in Node.js.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

// Page furniture and machinery; their text is never part of the report.
const IGNORED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "aside",
  "form",
  "button",
  "select",
  "textarea",
  "input",
  "label",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "audio",
  "video",
  "map",
  "dialog",
  "head",
  "title",
  "meta",
  "link",
  "img",
  "picture",
  "source",
]);
// Elements that end the line of text before them and start a new one.
const BLOCK = new Set([
  "address",
  "article",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "main",
  "menu",
  "ol",
  "p",
  "pre",
  "search",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);
const HEADING = /^h([1-6])$/;
// Where a class of "footnote" means the note itself and not the superscript pointing to it.
const FOOTNOTE_CLASS_TAGS = new Set(["div", "p", "li", "aside", "section", "footer", "dd"]);
// Ids of note items: mammoth's "footnote-1" and "endnote-1", Pandoc's "fn1", kramdown's "fn:1".
const NOTE_ITEM_ID = /^(?:fn|footnote|endnote)[-:_]?\d+$/i;
const BACKLINK_TEXT = /^[\s↑↩⤴^\uFE0E\uFE0F]+$/u;
const NOTE_NUMBER = /^\[?\d{1,4}\]?$/;
// A footnote's own text already opens with its number ("1.", "[1]", "1 ").
const NUMBERED_START = /^\[?\d{1,4}[\].):]?\s/;
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/;
// Inline elements whose formatting a passage keeps.
const BOLD = new Set(["strong", "b"]);
const ITALIC = new Set(["em", "i", "cite", "dfn"]);

interface Context {
  /** What loose text becomes: a paragraph, or a quote inside a block quote, and so on. */
  kind: PassageKind;
  /** Inside a list item, paragraphs are joined into the item instead of splitting it. */
  joinBlocks: boolean;
}

const BODY: Context = { kind: "paragraph", joinBlocks: false };

/**
 * Reads the passages of an HTML document or element: headings, paragraphs, quotes, list
 * items (nested lists flattened in document order, an ordered list's items keeping their
 * numbers), table rows (cells joined with " | ") and footnotes, with bold, italic and links
 * kept as marks. Navigation, forms, scripts and hidden elements are skipped.
 */
export function htmlToPassages(root: Document | Element): ImportedPassage[] {
  const start = "documentElement" in root ? (root.body ?? root.documentElement) : root;
  const walker = new Walker();
  if (start) walker.walk(start, BODY);
  walker.flush(BODY);
  return walker.passages;
}

class Walker {
  readonly passages: ImportedPassage[] = [];
  private buffer = new RichTextBuilder();
  /** The number of the ordered list item whose text comes next. */
  private pendingNumber: number | null = null;

  walk(node: Node, ctx: Context): void {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      this.buffer.append(cleanText(node.nodeValue ?? ""));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.localName.toLowerCase();

    if (isHidden(el)) return;
    // Before the ignored tags: a note may be an <aside role="doc-footnote">.
    if (isFootnote(el)) {
      this.flush(ctx);
      this.push("footnote", footnoteText(el));
      return;
    }
    if (IGNORED.has(tag) || isBacklink(el)) return;

    const heading = HEADING.exec(tag);
    if (heading) {
      this.flush(ctx);
      this.push(ctx.kind === "paragraph" || ctx.kind === "list_item" ? "heading" : ctx.kind, inlineRich(el), +heading[1]);
      return;
    }
    switch (tag) {
      case "br":
        this.buffer.append("\n");
        return;
      case "a":
        if (isNoteReference(el)) {
          this.buffer.append(noteReference(el));
          return;
        }
        if (el.hasAttribute("href")) {
          this.buffer.mark("link", () => this.walkChildren(el, ctx), el.getAttribute("href"));
          return;
        }
        break;
      case "ul":
      case "ol":
      case "menu": {
        this.flush(ctx);
        let next = tag === "ol" ? listStart(el) : null;
        for (const child of Array.from(el.childNodes)) {
          if (isElement(child) && child.localName.toLowerCase() === "li") {
            const number = next === null ? null : (itemValue(child) ?? next);
            if (number !== null) next = number + 1;
            this.walkItem(child, ctx, number);
          } else this.walk(child, ctx);
        }
        this.flush(ctx);
        return;
      }
      case "li":
        this.walkItem(el, ctx, null);
        return;
      case "table":
        this.flush(ctx);
        this.walkTable(el, ctx);
        return;
      case "blockquote": {
        this.flush(ctx);
        const quote: Context = { kind: ctx.kind === "footnote" ? "footnote" : "quote", joinBlocks: false };
        for (const child of Array.from(el.childNodes)) this.walk(child, quote);
        this.flush(quote);
        return;
      }
      case "pre":
        this.flush(ctx);
        this.push(ctx.kind, inlineText(el));
        return;
      case "hr":
        this.flush(ctx);
        return;
    }
    if (BOLD.has(tag) || ITALIC.has(tag)) {
      this.buffer.mark(BOLD.has(tag) ? "bold" : "italic", () => this.walkChildren(el, ctx));
      return;
    }

    const block = BLOCK.has(tag);
    if (block) {
      if (ctx.joinBlocks) this.buffer.append(" ");
      else this.flush(ctx);
    }
    this.walkChildren(el, ctx);
    if (block) {
      if (ctx.joinBlocks) this.buffer.append(" ");
      else this.flush(ctx);
    }
  }

  private walkChildren(el: Element, ctx: Context): void {
    for (const child of Array.from(el.childNodes)) this.walk(child, ctx);
  }

  /** The item's own text is one passage (with its number, in an ordered list); nested lists and blocks follow it in order. */
  private walkItem(li: Element, ctx: Context, number: number | null): void {
    this.flush(ctx);
    this.pendingNumber = number;
    if (isFootnote(li)) {
      this.push("footnote", footnoteText(li));
      return;
    }
    const item: Context = { kind: ctx.kind === "paragraph" || ctx.kind === "list_item" ? "list_item" : ctx.kind, joinBlocks: true };
    for (const child of Array.from(li.childNodes)) this.walk(child, item);
    this.flush(item);
    this.pendingNumber = null;
  }

  /** One paragraph per row, its non-empty cells joined with " | "; a caption comes first. */
  private walkTable(table: Element, ctx: Context): void {
    const kind = ctx.kind === "list_item" ? "paragraph" : ctx.kind;
    const caption = Array.from(table.children).find((child) => child.localName.toLowerCase() === "caption");
    if (caption) this.push(kind, inlineRich(caption));
    for (const row of ownRows(table)) {
      const line = new RichTextBuilder();
      const cells = Array.from(row.children)
        .filter((cell) => /^t[dh]$/i.test(cell.localName) && !isHidden(cell))
        .map((cell) => inlineRich(cell))
        .filter((cell) => collapseWhitespace(cell.text) !== "");
      cells.forEach((cell, i) => line.append(i > 0 ? " | " : "").appendBuilder(cell));
      this.push(kind, line);
    }
  }

  /** Ends the run of loose text; two line breaks in a row separate paragraphs. */
  flush(ctx: Context): void {
    const text = this.buffer;
    this.buffer = new RichTextBuilder();
    if (ctx.joinBlocks || ctx.kind === "footnote") this.push(ctx.kind, text);
    else for (const part of text.split(PARAGRAPH_BREAK)) this.push(ctx.kind, part);
  }

  private push(kind: PassageKind, raw: RichTextBuilder | string, level: number | null = null): void {
    const { text, marks } = (typeof raw === "string" ? new RichTextBuilder().append(raw) : raw).finish();
    if (text === "") return;
    const passage: ImportedPassage = { kind, level: kind === "heading" ? level : null, text };
    // A footnote's text is read plain (its number is put in front of it).
    if (marks.length > 0 && kind !== "footnote") passage.marks = marks;
    if (kind === "list_item" && this.pendingNumber !== null) {
      passage.listNumber = this.pendingNumber;
      this.pendingNumber = null;
    }
    this.passages.push(passage);
  }
}

/** Rows of this table only, not those of tables nested in its cells. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = child.localName.toLowerCase();
    if (tag === "tr") rows.push(child);
    else if (tag === "thead" || tag === "tbody" || tag === "tfoot") {
      for (const row of Array.from(child.children)) if (row.localName.toLowerCase() === "tr") rows.push(row);
    }
  }
  return rows;
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** Canonical text with every run of whitespace (source indentation included) as one space. */
function cleanText(text: string): string {
  return normalizeText(text).replace(/\s+/g, " ");
}

/** Text of an element on one line: line breaks and nested blocks become spaces. */
function inlineText(el: Element): string {
  return collapseWhitespace(inlineRich(el).text);
}

/** An element's text on one line, with its bold, italic and link marks. */
function inlineRich(el: Element): RichTextBuilder {
  const out = new RichTextBuilder();
  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      out.append(cleanText(node.nodeValue ?? ""));
      return;
    }
    if (!isElement(node)) return;
    const tag = node.localName.toLowerCase();
    if (IGNORED.has(tag) || isHidden(node) || isBacklink(node)) return;
    if (tag === "br") {
      out.append(" ");
      return;
    }
    if (tag === "a" && isNoteReference(node)) {
      out.append(noteReference(node));
      return;
    }
    const children = () => node.childNodes.forEach(visit);
    if (tag === "a" && node.hasAttribute("href")) return void out.mark("link", children, node.getAttribute("href"));
    if (BOLD.has(tag)) return void out.mark("bold", children);
    if (ITALIC.has(tag)) return void out.mark("italic", children);
    const block = BLOCK.has(tag);
    if (block) out.append(" ");
    children();
    if (block) out.append(" ");
  };
  el.childNodes.forEach(visit);
  return out;
}

/** "[1]" for a link to note 1, so the number does not stick to the word before it. */
function noteReference(el: Element): string {
  return `[${collapseWhitespace(el.textContent ?? "").replace(/^\[|\]$/g, "")}]`;
}

/** Where an ordered list starts counting (`<ol start="3">`), 1 by default. */
function listStart(list: Element): number {
  const start = Number.parseInt(list.getAttribute("start") ?? "", 10);
  return Number.isFinite(start) && start >= 0 && start < 1_000_000 ? start : 1;
}

/** An item's own number (`<li value="7">`), when it sets one. */
function itemValue(li: Element): number | null {
  const value = Number.parseInt(li.getAttribute("value") ?? "", 10);
  return Number.isFinite(value) && value >= 0 && value < 1_000_000 ? value : null;
}

function isFootnote(el: Element): boolean {
  const role = el.getAttribute("role");
  if (role === "doc-footnote" || role === "doc-endnote") return true;
  const tag = el.localName.toLowerCase();
  if (el.classList.contains("footnote") && FOOTNOTE_CLASS_TAGS.has(tag)) return true;
  if (tag !== "li") return false;
  if (NOTE_ITEM_ID.test(el.id) || el.classList.contains("footnote-item")) return true;
  const list = el.parentElement;
  const container = list?.parentElement ?? null;
  return [list, container].some(
    (box) =>
      box !== null &&
      (box.getAttribute("role") === "doc-endnotes" || box.getAttribute("role") === "doc-footnotes" || box.classList.contains("footnotes")),
  );
}

/**
 * A note's whole text as one passage. A note that is an item of a numbered list gets its
 * number in front, as "[1] …", the way references to it read in the text.
 */
function footnoteText(el: Element): string {
  const text = inlineText(el);
  if (el.localName.toLowerCase() !== "li" || text === "" || NUMBERED_START.test(text)) return text;
  const list = el.parentElement;
  if (list === null || list.localName.toLowerCase() !== "ol") return text;
  const start = Number.parseInt(list.getAttribute("start") ?? "1", 10);
  const items = Array.from(list.children).filter((child) => child.localName.toLowerCase() === "li");
  return `[${(Number.isFinite(start) ? start : 1) + items.indexOf(el)}] ${text}`;
}

/** The "↑" or "↩" link at the end of a note that leads back to where it is cited. */
function isBacklink(el: Element): boolean {
  if (el.localName.toLowerCase() !== "a") return false;
  if (el.getAttribute("role") === "doc-backlink" || el.classList.contains("footnote-back") || el.classList.contains("footnote-backref")) {
    return true;
  }
  return (el.getAttribute("href") ?? "").startsWith("#") && BACKLINK_TEXT.test(el.textContent ?? "");
}

/** A superscript number linking to a note, read as "[1]" so it does not stick to the word. */
function isNoteReference(el: Element): boolean {
  const text = collapseWhitespace(el.textContent ?? "");
  if (!NOTE_NUMBER.test(text)) return false;
  if (el.getAttribute("role") === "doc-noteref" || el.classList.contains("footnote-ref")) return true;
  const inSup = el.parentElement?.localName.toLowerCase() === "sup" || el.querySelector("sup") !== null;
  return inSup && (el.getAttribute("href") ?? "").startsWith("#");
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true") return true;
  const style = el.getAttribute("style");
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
