/**
 * Markdown (team notes, annotation bodies, replies) → Word paragraphs.
 *
 * The Markdown goes through the app's safe block model (lib/markdown/to-blocks,
 * built on `marked`'s lexer), the same one the reader renders: raw HTML comes
 * out as its literal text, images as their alt text, mentions as "@Name", and
 * only http(s), mailto and in-app links survive. This module only maps that
 * closed set of nodes onto Word structure, so nothing in a body can reach the
 * file as markup.
 */
import { BorderStyle, type ICharacterStyleOptions, type IParagraphStyleOptions } from "docx";
import { markdownToBlocks, mentionText, type Block, type Inline } from "@/lib/markdown/to-blocks";
import { tidyMarkdown } from "@/lib/markdown/tidy";
import type { WordParts } from "./docx-package";
import { LINE_BREAK, directedParagraph, paragraph, run, textLines, type ParagraphOptions, type RunOptions } from "./word-xml";

export const QUOTE_STYLE = "Quote";
export const CODE_STYLE = "Code";
/** One step of indentation (half an inch, in twips): a quote, a list level, a reply. */
export const INDENT_STEP = 720;

/** The styles the paragraphs below refer to; the document must define them. */
export const MARKDOWN_PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    id: QUOTE_STYLE,
    name: QUOTE_STYLE,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { italics: true, color: "404040" },
    paragraph: {
      indent: { left: INDENT_STEP },
      border: { left: { style: BorderStyle.SINGLE, size: 18, color: "A6A6A6", space: 8 } },
    },
  },
];
export const MARKDOWN_CHARACTER_STYLES: ICharacterStyleOptions[] = [
  { id: CODE_STYLE, name: CODE_STYLE, basedOn: "DefaultParagraphFont", run: { font: "Consolas", shading: { fill: "F2F2F2" } } },
];

export interface MarkdownPlacement {
  /** Relative links ("/w/…", "#p-2") are resolved against it, so they work from the file. */
  baseUrl: string;
  /** Added to each Markdown heading level: 2 makes `#` a Heading 3, under the document's Heading 2s. */
  headingOffset: number;
  /** Left indent of every paragraph, in twips: replies sit one step in. */
  indent?: number;
}

interface Place {
  baseUrl: string;
  headingOffset: number;
  indent: number;
  inQuote: boolean;
  listLevel: number;
}

type Marks = RunOptions;

/** Markdown as Word paragraphs (WordprocessingML); empty Markdown gives none. */
export function markdownToDocx(markdown: string, placement: MarkdownPlacement, parts: WordParts): string {
  const place: Place = { ...placement, indent: placement.indent ?? 0, inQuote: false, listLevel: 0 };
  let out = "";
  // The editor's empty lines (&nbsp; paragraphs) would be empty paragraphs in Word.
  for (const block of markdownToBlocks(tidyMarkdown(markdown))) out += blockParagraphs(block, place, parts);
  return out;
}

function blockParagraphs(block: Block, place: Place, parts: WordParts): string {
  switch (block.type) {
    case "paragraph":
      return inlineParagraph(block.children, place, parts, place.inQuote ? { style: QUOTE_STYLE } : {});
    case "heading":
      return inlineParagraph(block.children, place, parts, { heading: block.level + place.headingOffset });
    case "quote": {
      const inner = { ...place, inQuote: true, indent: place.indent + INDENT_STEP };
      return block.children.map((child) => blockParagraphs(child, inner, parts)).join("");
    }
    case "list":
      return listParagraphs(block, place, parts);
    case "code":
      return paragraph({ indent: indentOf(place) }, textLines(block.text, { style: CODE_STYLE }));
    case "rule":
      return paragraph({ thematicBreak: true, indent: indentOf(place) }, "");
  }
}

/** An explicit indent only for content that sits in from the margin (quotes, list items, replies). */
function indentOf(place: Place): ParagraphOptions["indent"] {
  return place.indent > 0 ? { left: place.indent } : undefined;
}

function inlineParagraph(nodes: Inline[], place: Place, parts: WordParts, options: ParagraphOptions): string {
  const placed: ParagraphOptions = {
    heading: options.heading,
    style: options.style,
    list: options.list,
    indent: options.indent ?? indentOf(place),
  };
  return directedParagraph(plainText(nodes), placed, inlineRuns(nodes, {}, place.baseUrl, parts));
}

function listParagraphs(block: Extract<Block, { type: "list" }>, place: Place, parts: WordParts): string {
  const level = Math.min(place.listLevel, 8);
  const itemPlace: Place = { ...place, inQuote: false, indent: place.indent + INDENT_STEP, listLevel: place.listLevel + 1 };
  return block.items
    .map((item, i) => {
      const numId = block.ordered ? parts.orderedList(level, block.start ?? 1, i === 0) : BULLETS;
      const marker: ParagraphOptions = { indent: { left: itemPlace.indent, hanging: INDENT_STEP / 2 }, list: { numId, level } };
      const [first, ...rest] = item;
      // The marker goes on the item's first paragraph; an item that opens with anything else gets a line of its own.
      const head = first?.type === "paragraph" ? inlineParagraph(first.children, itemPlace, parts, marker) : paragraph(marker, "");
      const body = first?.type === "paragraph" ? rest : item;
      return head + body.map((child) => blockParagraphs(child, itemPlace, parts)).join("");
    })
    .join("");
}

/** The document's default bullet list (docx's "default-bullet-numbering"). */
const BULLETS = 1;

function inlineRuns(nodes: Inline[], marks: Marks, baseUrl: string, parts: WordParts): string {
  let out = "";
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        // A soft line break reads as a space, as it does on screen.
        out += run(node.text.replace(/\n/g, " "), marks);
        break;
      case "mention":
        out += run(mentionText(node), marks);
        break;
      case "code":
        out += run(node.text, { ...marks, style: CODE_STYLE });
        break;
      case "break":
        out += LINE_BREAK;
        break;
      case "strong":
        out += inlineRuns(node.children, { ...marks, bold: true }, baseUrl, parts);
        break;
      case "em":
        out += inlineRuns(node.children, { ...marks, italics: true }, baseUrl, parts);
        break;
      case "del":
        out += inlineRuns(node.children, { ...marks, strike: true }, baseUrl, parts);
        break;
      case "link": {
        const link = absoluteHref(node.href, baseUrl);
        const children = inlineRuns(node.children, link ? { ...marks, style: "Hyperlink" } : marks, baseUrl, parts);
        out += link ? parts.hyperlink(link, children) : children;
        break;
      }
    }
  }
  return out;
}

function absoluteHref(href: string, baseUrl: string): string | null {
  try {
    return new URL(href, baseUrl).href;
  } catch {
    return null;
  }
}

function plainText(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text" || node.type === "code") return node.text;
      if (node.type === "mention") return mentionText(node);
      if (node.type === "break") return "\n";
      return plainText(node.children);
    })
    .join("");
}
