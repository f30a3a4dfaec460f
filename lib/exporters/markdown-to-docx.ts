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
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Paragraph,
  TextRun,
  type ICharacterStyleOptions,
  type IParagraphOptions,
  type IParagraphStyleOptions,
  type IRunOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from "docx";
import { markdownToBlocks, mentionText, type Block, type Inline } from "@/lib/markdown/to-blocks";

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

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

/** Heading `level` (1–6, clamped) as a Word heading style. */
export function headingLevel(level: number): (typeof HEADINGS)[number] {
  return HEADINGS[Math.min(6, Math.max(1, level)) - 1];
}

const FIRST_LETTER = /\p{L}/u;
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;

/**
 * Whether text reads right to left: its first letter is in a right-to-left
 * script (the rule browsers apply for `dir="auto"`). Judging by the first
 * letter rather than any letter keeps an English line that names an Arabic
 * author left to right.
 */
export function isRightToLeft(text: string): boolean {
  const letter = FIRST_LETTER.exec(text);
  return letter !== null && RTL_SCRIPT.test(letter[0]);
}

// docx drops the control characters XML forbids but not U+FFFE/U+FFFF, which Word refuses to open a file over.
const NOT_XML = /[\uFFFE\uFFFF]/g;

/** A run marked right to left when its text is. */
export function textRun(text: string, options: Omit<IRunOptions, "text"> = {}): TextRun {
  return new TextRun({ ...options, text: text.replace(NOT_XML, ""), rightToLeft: isRightToLeft(text) || undefined });
}

/** Text that may span lines: one run per line, with line breaks between them. */
export function textLines(text: string, options: Omit<IRunOptions, "text"> = {}): TextRun[] {
  return text.split(/\r\n?|\n/).map((line, i) => textRun(line, { ...options, break: i > 0 ? 1 : undefined }));
}

/** A paragraph laid out right to left when its text is. */
export function directedParagraph(text: string, options: IParagraphOptions): Paragraph {
  return new Paragraph({ ...options, bidirectional: isRightToLeft(text) || undefined });
}

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

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  style?: string;
}

/** Markdown as Word paragraphs; empty Markdown gives none. */
export function markdownToDocx(markdown: string, placement: MarkdownPlacement): Paragraph[] {
  const place: Place = { ...placement, indent: placement.indent ?? 0, inQuote: false, listLevel: 0 };
  return markdownToBlocks(markdown).flatMap((block) => blockParagraphs(block, place));
}

function blockParagraphs(block: Block, place: Place): Paragraph[] {
  switch (block.type) {
    case "paragraph":
      return [inlineParagraph(block.children, place, place.inQuote ? { style: QUOTE_STYLE } : {})];
    case "heading":
      return [inlineParagraph(block.children, place, { heading: headingLevel(block.level + place.headingOffset) })];
    case "quote": {
      const inner = { ...place, inQuote: true, indent: place.indent + INDENT_STEP };
      return block.children.flatMap((child) => blockParagraphs(child, inner));
    }
    case "list":
      return listParagraphs(block, place);
    case "code": {
      return [new Paragraph({ children: textLines(block.text, { style: CODE_STYLE }), indent: indentOf(place) })];
    }
    case "rule":
      return [new Paragraph({ thematicBreak: true, indent: indentOf(place) })];
  }
}

/** An explicit indent only for content that sits in from the margin (quotes, list items, replies). */
function indentOf(place: Place): IParagraphOptions["indent"] {
  return place.indent > 0 ? { left: place.indent } : undefined;
}

function inlineParagraph(nodes: Inline[], place: Place, options: IParagraphOptions): Paragraph {
  return directedParagraph(plainText(nodes), {
    indent: indentOf(place),
    ...options,
    children: inlineRuns(nodes, {}, place.baseUrl),
  });
}

function listParagraphs(block: Extract<Block, { type: "list" }>, place: Place): Paragraph[] {
  const level = Math.min(place.listLevel, 8);
  const itemPlace: Place = { ...place, inQuote: false, indent: place.indent + INDENT_STEP, listLevel: place.listLevel + 1 };
  return block.items.flatMap((item, i) => {
    const marker: IParagraphOptions = {
      indent: { left: itemPlace.indent, hanging: INDENT_STEP / 2 },
      ...(block.ordered
        ? { numbering: { reference: orderedList(level, block.start ?? 1), level, restart: i === 0 } }
        : { bullet: { level } }),
    };
    const [first, ...rest] = item;
    // The marker goes on the item's first paragraph; an item that opens with anything else gets a line of its own.
    const head = first?.type === "paragraph" ? inlineParagraph(first.children, itemPlace, marker) : new Paragraph(marker);
    const body = first?.type === "paragraph" ? rest : item;
    return [head, ...body.flatMap((child) => blockParagraphs(child, itemPlace))];
  });
}

/** A decimal list at one depth starting at `start`; each list restarts it on its first item. */
function orderedList(level: number, start: number): NumberingDefinition {
  return {
    reference: `markdown-ordered-${level}-${start}`,
    levels: Array.from({ length: 9 }, (_, l) => ({
      level: l,
      format: LevelFormat.DECIMAL,
      text: `%${l + 1}.`,
      alignment: AlignmentType.START,
      start: l === level ? start : 1,
    })),
  };
}

function inlineRuns(nodes: Inline[], marks: Marks, baseUrl: string): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    switch (node.type) {
      case "text":
        // A soft line break reads as a space, as it does on screen.
        return [textRun(node.text.replace(/\n/g, " "), marks)];
      case "mention":
        return [textRun(mentionText(node), marks)];
      case "code":
        return [textRun(node.text, { ...marks, style: CODE_STYLE })];
      case "break":
        return [new TextRun({ break: 1 })];
      case "strong":
        return inlineRuns(node.children, { ...marks, bold: true }, baseUrl);
      case "em":
        return inlineRuns(node.children, { ...marks, italics: true }, baseUrl);
      case "del":
        return inlineRuns(node.children, { ...marks, strike: true }, baseUrl);
      case "link": {
        const link = absoluteHref(node.href, baseUrl);
        const children = inlineRuns(node.children, link ? { ...marks, style: "Hyperlink" } : marks, baseUrl);
        return link ? [new ExternalHyperlink({ link, children })] : children;
      }
    }
  });
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
