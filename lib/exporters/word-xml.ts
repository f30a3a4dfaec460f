/**
 * The WordprocessingML the Word export is made of, written as text.
 *
 * The export used to build a tree of `docx` library objects for the whole
 * document and serialise it at the end: for a large report that took seconds
 * and a gigabyte. These helpers write the same XML directly (the elements, their
 * order and attributes, and the escaping are the ones `docx` writes, checked
 * against it when this module was written; the golden document.xml keeps it
 * so), so the document can be streamed a paragraph at a time. Only what the
 * export uses is here.
 */

import { isRightToLeft } from "@/lib/format/text-direction";

// docx's escaping: the five XML entities, and the control characters XML 1.0 forbids dropped.
const ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };
// Not forbidden by XML, but Word refuses to open a file holding them (docx leaves them in).
const NOT_WORD = /[\uFFFE\uFFFF]/g;

export function escapeXml(value: string): string {
  return ESCAPE.test(value) ? value.replace(new RegExp(ESCAPE.source, "g"), (c) => ESCAPES[c] ?? "") : value;
}

export interface RunOptions {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  /** A character style: "Hyperlink", "Code". */
  style?: string;
}

function runProperties(options: RunOptions, rightToLeft: boolean): string {
  let rPr = "";
  if (options.style) rPr += `<w:rStyle w:val="${escapeXml(options.style)}"/>`;
  if (options.bold) rPr += "<w:b/><w:bCs/>";
  if (options.italics) rPr += "<w:i/><w:iCs/>";
  if (options.strike) rPr += "<w:strike/>";
  if (rightToLeft) rPr += "<w:rtl/>";
  return rPr ? `<w:rPr>${rPr}</w:rPr>` : "";
}

/** A run of text, marked right to left when the text is; `breakBefore` starts it on a new line. */
export function run(text: string, options: RunOptions = {}, breakBefore = false): string {
  const properties = runProperties(options, isRightToLeft(text));
  return `<w:r>${properties}${breakBefore ? "<w:br/>" : ""}<w:t xml:space="preserve">${escapeXml(text.replace(NOT_WORD, ""))}</w:t></w:r>`;
}

/** A run of fixed wording (labels, separators): never right to left. */
export function plainRun(text: string, options: RunOptions = {}): string {
  return `<w:r>${runProperties(options, false)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A line break of its own (a hard break in Markdown). */
export const LINE_BREAK = "<w:r><w:br/></w:r>";

/** Text that may span lines: one run per line, with line breaks between them. */
export function textLines(text: string, options: RunOptions = {}): string {
  return text
    .split(/\r\n?|\n/)
    .map((line, i) => run(line, options, i > 0))
    .join("");
}

export interface ParagraphOptions {
  /** Heading 1–6. */
  heading?: number;
  /** A paragraph style: "Quote", "Subtitle". */
  style?: string;
  keepNext?: boolean;
  /** A list item: bullets use the document's default bullet list, numbered lists their own. */
  list?: { numId: number; level: number };
  thematicBreak?: boolean;
  indent?: { left: number; hanging?: number };
}

/** Heading `level` (1–6, clamped) as a style id. */
export function headingStyle(level: number): string {
  return `Heading${Math.min(6, Math.max(1, level))}`;
}

function paragraphProperties(options: ParagraphOptions, bidirectional: boolean): string {
  let pPr = "";
  if (options.heading) pPr += `<w:pStyle w:val="${headingStyle(options.heading)}"/>`;
  // docx gives list items the ListParagraph style unless they have one.
  if (options.list && !options.style && !options.heading) pPr += '<w:pStyle w:val="ListParagraph"/>';
  if (options.style) pPr += `<w:pStyle w:val="${escapeXml(options.style)}"/>`;
  if (options.keepNext) pPr += "<w:keepNext/>";
  if (options.list) pPr += `<w:numPr><w:ilvl w:val="${options.list.level}"/><w:numId w:val="${options.list.numId}"/></w:numPr>`;
  if (options.thematicBreak) pPr += '<w:pBdr><w:bottom w:val="single" w:color="auto" w:sz="6" w:space="1"/></w:pBdr>';
  if (bidirectional) pPr += "<w:bidi/>";
  if (options.indent) {
    const { left, hanging } = options.indent;
    pPr += `<w:ind w:left="${left}"${hanging !== undefined ? ` w:hanging="${hanging}"` : ""}/>`;
  }
  return pPr ? `<w:pPr>${pPr}</w:pPr>` : "";
}

function paragraphXml(options: ParagraphOptions, bidirectional: boolean, content: string): string {
  const properties = paragraphProperties(options, bidirectional);
  return properties || content ? `<w:p>${properties}${content}</w:p>` : "<w:p/>";
}

export function paragraph(options: ParagraphOptions, content: string): string {
  return paragraphXml(options, false, content);
}

/** A paragraph laid out right to left when `text` (its plain text) is. */
export function directedParagraph(text: string, options: ParagraphOptions, content: string): string {
  return paragraphXml(options, isRightToLeft(text), content);
}

// The claims table: full width, single borders, four equal columns (what docx writes for it).
const TABLE_START =
  '<w:tbl><w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders>' +
  ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`).join("") +
  "</w:tblBorders></w:tblPr><w:tblGrid>";

// The text width of an A4 page with 1-inch margins, in twips: what docx shares out among a table's columns.
const TEXT_WIDTH = 9026;

/** A full-width table of `columns` equal columns; each cell holds paragraphs. */
export function table(columns: number, rows: { header?: boolean; cells: string[] }[]): string {
  const width = Math.round(TEXT_WIDTH / columns);
  const grid = `<w:gridCol w:w="${width}"/>`.repeat(columns);
  const body = rows
    .map(
      (row) =>
        `<w:tr>${row.header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${row.cells.map((cell) => `<w:tc>${cell}</w:tc>`).join("")}</w:tr>`,
    )
    .join("");
  return `${TABLE_START}${grid}</w:tblGrid>${body}</w:tbl>`;
}
