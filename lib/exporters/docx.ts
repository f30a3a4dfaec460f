/**
 * The Word export: what the Markdown export says (front matter, team notes,
 * annotations by passage), plus a table of the claims, in Word's own
 * structure — heading styles for navigation, real lists and tables, a Quote
 * paragraph style for quoted text — so it can be restyled and cited like any
 * other document.
 */
import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import { KIND_LABEL, VERDICT_LABEL, citation, formatDay, formatUtc, passageUrl, tallyText } from "./common";
import {
  INDENT_STEP,
  MARKDOWN_CHARACTER_STYLES,
  MARKDOWN_PARAGRAPH_STYLES,
  QUOTE_STYLE,
  directedParagraph,
  headingLevel,
  markdownToDocx,
  textLines,
  textRun,
} from "./markdown-to-docx";
import type { ExportAnnotation, ExportData, ExportPassage, ExportReply, ExportReport } from "./types";

/** The export as a .docx file. */
export async function toDocx(data: ExportData): Promise<Buffer> {
  const document = new Document({
    title: data.report.title,
    description: citation(data.report),
    creator: "Marginalia",
    styles: {
      default: { document: { paragraph: { spacing: { after: 120 } } } },
      paragraphStyles: [
        { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", run: { size: 28, color: "595959" } },
        ...MARKDOWN_PARAGRAPH_STYLES,
      ],
      characterStyles: MARKDOWN_CHARACTER_STYLES,
    },
    sections: [
      { children: [...frontMatter(data), ...notesSection(data), ...claimsSection(data), ...annotationsSection(data)] },
    ],
  });
  return Packer.toBuffer(document);
}

function frontMatter({ report, exportedAt, exportedBy, filters }: ExportData): FileChild[] {
  const out: FileChild[] = [heading(report.title, 1)];
  if (report.subtitle) out.push(directedParagraph(report.subtitle, { style: "Subtitle", children: [textRun(report.subtitle)] }));
  if (report.authors.length > 0) out.push(field("Authors", [textRun(report.authors.join(", "))]));
  if (report.publisher) out.push(field("Publisher", [textRun(report.publisher)]));
  if (report.publishedAt) out.push(field("Published", [textRun(formatDay(report.publishedAt))]));
  if (report.sourceUrl) out.push(field("Source", [link(report.sourceUrl)]));
  out.push(field("Report version", [textRun(String(report.version))]));
  out.push(field("Workspace", [textRun(report.workspace.name)]));
  out.push(new Paragraph({ children: [textRun(`Exported ${formatUtc(exportedAt)} by `), textRun(exportedBy.name)] }));
  if (filters.length > 0) out.push(field("Filters", [textRun(filters.join("; "))]));
  out.push(field("Cite as", [textRun(citation(report))]));
  out.push(new Paragraph({ children: [link(report.url, "Open this report in Marginalia")] }));
  return out;
}

function notesSection({ notes, report }: ExportData): FileChild[] {
  const body = markdownToDocx(notes.body, { baseUrl: report.url, headingOffset: 2 });
  const out: FileChild[] = [heading("Team notes", 2), ...(body.length > 0 ? body : [italicLine("No team notes have been written yet.")])];
  if (notes.updatedAt) {
    const by = notes.updatedBy ? [textRun(" by ", { italics: true }), textRun(notes.updatedBy.name, { italics: true })] : [];
    out.push(new Paragraph({ children: [textRun(`Last edited ${formatUtc(notes.updatedAt)}`, { italics: true }), ...by, textRun(".", { italics: true })] }));
  }
  return out;
}

/** Left out when there are no claims, as a table of nothing says nothing. */
function claimsSection({ annotations }: ExportData): FileChild[] {
  const claims = annotations.filter((a) => a.kind === "claim");
  if (claims.length === 0) return [];
  const header = new TableRow({
    tableHeader: true,
    children: ["Claim", "¶", "Tally", "Verdict"].map((text) => cell(text, { bold: true })),
  });
  const rows = claims.map(
    (a) =>
      new TableRow({
        children: [cell(a.claimSummary || a.quote), cell(String(a.passageIndex)), cell(tallyText(a.tally)), cell(VERDICT_LABEL[a.verdict])],
      }),
  );
  return [heading("Claims", 2), new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } })];
}

function annotationsSection({ annotations, passages, report, filters, includeReplies }: ExportData): FileChild[] {
  const out: FileChild[] = [heading(`Annotations (${annotations.length})`, 2)];
  if (annotations.length === 0) {
    out.push(italicLine(filters.length > 0 ? "No annotations match these filters." : "No annotations yet."));
  }
  const byId = new Map(passages.map((passage) => [passage.id, passage]));
  annotations.forEach((annotation, i) => {
    if (i === 0 || annotations[i - 1].passageId !== annotation.passageId) {
      out.push(passageHeading(report, annotation.passageIndex, byId.get(annotation.passageId)));
    }
    out.push(...annotationParagraphs(annotation, report, includeReplies));
  });
  return out;
}

/** "¶ 4", linked to the passage in the app; a heading passage adds its text: "¶ 1 · Summary". */
function passageHeading(report: ExportReport, index: number, passage: ExportPassage | undefined): Paragraph {
  const children = [link(passageUrl(report, index), `¶ ${index}`)];
  if (passage?.kind === "heading") children.push(textRun(" · "), textRun(passage.text));
  return new Paragraph({ heading: HeadingLevel.HEADING_3, children });
}

function annotationParagraphs(a: ExportAnnotation, report: ExportReport, includeReplies: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  if (a.quote.trim() !== "") {
    out.push(directedParagraph(a.quote, { style: QUOTE_STYLE, keepNext: true, children: textLines(a.quote) }));
  }
  const meta = [[textRun(KIND_LABEL[a.kind], { bold: true })], ...byline(a)];
  if (a.visibility === "private") meta.push([textRun("private")]);
  if (a.status === "resolved") meta.push([textRun("resolved")]);
  if (a.tags.length > 0) meta.push([textRun(`Tags: ${a.tags.join(", ")}`)]);
  out.push(new Paragraph({ children: joined(meta) }));
  if (a.kind === "claim") {
    const verdict = [textRun("Verdict: "), textRun(VERDICT_LABEL[a.verdict], { bold: true }), textRun(` (${tallyText(a.tally)})`)];
    out.push(new Paragraph({ children: joined(a.claimSummary ? [[textRun("Claim: "), textRun(a.claimSummary)], verdict] : [verdict]) }));
  }
  out.push(...markdownToDocx(a.body, { baseUrl: report.url, headingOffset: 3 }));
  if (includeReplies && a.replies.length > 0) {
    out.push(new Paragraph({ text: "Replies:", keepNext: true }));
    for (const reply of a.replies) out.push(...replyParagraphs(reply, report));
  }
  return out;
}

/** Who wrote it and when: "Alice Example · originally by … · 2026-11-18 14:05 UTC (edited)". */
function byline(item: ExportAnnotation | ExportReply, bold = false): TextRun[][] {
  const parts = [[textRun(item.author.name, { bold: bold || undefined })]];
  if (item.importedCreator) parts.push([textRun("originally by "), textRun(item.importedCreator)]);
  parts.push([textRun(`${formatUtc(item.createdAt)}${item.editedAt ? " (edited)" : ""}`)]);
  return parts;
}

function replyParagraphs(reply: ExportReply, report: ExportReport): Paragraph[] {
  return [
    directedParagraph(reply.author.name, { indent: { left: INDENT_STEP }, keepNext: true, children: joined(byline(reply, true)) }),
    ...markdownToDocx(reply.body, { baseUrl: report.url, headingOffset: 3, indent: INDENT_STEP }),
  ];
}

function heading(text: string, level: number): Paragraph {
  return directedParagraph(text, { heading: headingLevel(level), children: [textRun(text)] });
}

/** "Label: value" — a line of the front matter. */
function field(label: string, value: ParagraphChild[]): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...value] });
}

function italicLine(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, italics: true })] });
}

/** Parts of a line, separated by " · ". */
function joined(parts: TextRun[][]): TextRun[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [new TextRun(" · "), ...part]));
}

/** A link for web addresses only; anything else stays text. */
function link(url: string, text = url): ParagraphChild {
  if (!/^https?:\/\//i.test(url)) return textRun(text);
  return new ExternalHyperlink({ link: url, children: [textRun(text, { style: "Hyperlink" })] });
}

function cell(text: string, options: Omit<IRunOptions, "text"> = {}): TableCell {
  return new TableCell({ children: [directedParagraph(text, { children: [textRun(text, options)] })] });
}
