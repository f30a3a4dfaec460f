/**
 * The Word export: what the Markdown export says (front matter, team notes,
 * annotations by passage), plus a table of the claims, in Word's own
 * structure — heading styles for navigation, real lists and tables, a Quote
 * paragraph style for quoted text — so it can be restyled and cited like any
 * other document.
 *
 * Written as a stream (see docx-package.ts and word-xml.ts): a large report's
 * document is never held whole, in memory or as a tree of objects.
 */
import { KIND_LABEL, STANCE_VERB, VERDICT_LABEL } from "@/lib/domain/words";
import { quoteRuns } from "./quote-marks";
import { assignmentText, counterpartPassages, formatDay, formatUtc, noteSentence, passageUrl, tallyText, verdictSetText } from "./common";
import { docxPackage, type DocxOptions, type WordParts } from "./docx-package";
import { INDENT_STEP, MARKDOWN_CHARACTER_STYLES, MARKDOWN_PARAGRAPH_STYLES, QUOTE_STYLE, markdownToDocx } from "./markdown-to-docx";
import { writeChunks, type Annotations, type ExportWriter } from "./stream";
import type { ExportAnnotation, ExportClaim, ExportHead, ExportPassage, ExportReply, ExportReport, ExportStance } from "./types";
import { directedParagraph, paragraph, plainRun, run, table, textLines, type RunOptions } from "./word-xml";

function documentOptions(head: ExportHead): DocxOptions {
  return {
    title: head.report.title,
    description: head.report.reference,
    creator: "Marginalia",
    styles: {
      default: { document: { paragraph: { spacing: { after: 120 } } } },
      paragraphStyles: [
        { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", run: { size: 28, color: "595959" } },
        ...MARKDOWN_PARAGRAPH_STYLES,
      ],
      characterStyles: MARKDOWN_CHARACTER_STYLES,
    },
  };
}

/** The .docx file in compressed pieces, written as the annotations arrive. */
export function docxChunks(head: ExportHead, annotations: Annotations): AsyncGenerator<Uint8Array> {
  return docxPackage(documentOptions(head), (parts) => writeChunks(docxWriter(head, parts), annotations));
}

/** The document's body as a writer: front matter, notes and claims first, then each annotation. */
export function docxWriter(head: ExportHead, parts: WordParts): ExportWriter {
  const passages = new Map(head.passages.map((passage) => [passage.id, passage]));
  let passageId: string | null = null;
  return {
    start: () => frontMatter(head, parts) + notesSection(head, parts) + claimsSection(head) + annotationsHeading(head),
    annotation(annotation) {
      let out = "";
      if (annotation.passageId !== passageId) {
        passageId = annotation.passageId;
        out += passageHeading(head.report, annotation.passageIndex, passages.get(annotation.passageId), parts);
        out += counterpartParagraphs(head, annotation.passageId);
      }
      return out + annotationParagraphs(annotation, head.report, head.includeReplies, parts, passages.get(annotation.passageId));
    },
    end: () => heading("References", 2) + directedParagraph(head.report.reference, {}, run(head.report.reference)),
  };
}

function frontMatter({ report, exportedAt, exportedBy, filters }: ExportHead, parts: WordParts): string {
  let out = heading(report.title, 1);
  if (report.subtitle) out += directedParagraph(report.subtitle, { style: "Subtitle" }, run(report.subtitle));
  if (report.authors.length > 0) out += field("Authors", run(report.authors.join(", ")));
  if (report.publisher) out += field("Publisher", run(report.publisher));
  if (report.publishedAt) out += field("Published", run(formatDay(report.publishedAt)));
  if (report.sourceUrl) out += field("Source", link(report.sourceUrl, report.sourceUrl, parts));
  out += field("Report version", run(String(report.version)));
  out += field("Workspace", run(report.workspace.name));
  out += paragraph({}, run(`Exported ${formatUtc(exportedAt)} by `) + run(exportedBy.name));
  if (filters.length > 0) out += field("Filters", run(filters.join("; ")));
  out += paragraph({}, link(report.url, "Open this report in Marginalia", parts));
  return out;
}

function notesSection({ notes, report }: ExportHead, parts: WordParts): string {
  const body = markdownToDocx(notes.body, { baseUrl: report.url, headingOffset: 2 }, parts);
  let out = heading("Team notes", 2) + (body || italicLine("No team notes have been written yet."));
  if (notes.updatedAt) {
    const italic = { italics: true };
    const by = notes.updatedBy ? run(" by ", italic) + run(notes.updatedBy.name, italic) : "";
    out += paragraph({}, run(`Last edited ${formatUtc(notes.updatedAt)}`, italic) + by + run(".", italic));
  }
  return out;
}

/** Left out when there are no claims, as a table of nothing says nothing. */
function claimsSection({ claims }: ExportHead): string {
  if (claims.length === 0) return "";
  const header = { header: true, cells: ["Claim", "¶", "Tally", "Verdict"].map((text) => cell(text, { bold: true })) };
  const rows = claims.map((a) => ({
    cells: [cell(a.claimSummary || a.quote), cell(String(a.passageIndex)), cell(tallyText(a.tally)), cell(verdictText(a))],
  }));
  return heading("Claims", 2) + table(4, [header, ...rows]);
}

function annotationsHeading({ annotationCount, filters }: ExportHead): string {
  const out = heading(`Annotations (${annotationCount})`, 2);
  if (annotationCount > 0) return out;
  return out + italicLine(filters.length > 0 ? "No annotations match these filters." : "No annotations yet.");
}

/** "¶ 4", linked to the passage in the app; a heading passage adds its text: "¶ 1 · Summary". */
function passageHeading(report: ExportReport, index: number, passage: ExportPassage | undefined, parts: WordParts): string {
  let content = link(passageUrl(report, index), `¶ ${index}`, parts);
  if (passage?.kind === "heading") content += run(" · ") + run(passage.text);
  return paragraph({ heading: 3 }, content);
}

/** The counterpart's passages aligned with a ¶ (asked for with includeCounterpart), each a Quote paragraph in its own direction. */
function counterpartParagraphs(head: ExportHead, passageId: string): string {
  const aligned = counterpartPassages(head.counterpart, passageId);
  if (!aligned) return "";
  return (
    italicLine(aligned.label) + aligned.passages.map((p) => directedParagraph(p.text, { style: QUOTE_STYLE }, textLines(p.text))).join("")
  );
}

/** A quote's runs: bold and italic as Word's own, links as hyperlinks; the plain quote when its passage kept no marks. */
function quoteContent(a: ExportAnnotation, passage: ExportPassage | undefined, parts: WordParts): string {
  const runs = quoteRuns(a, passage);
  if (runs === null) return textLines(a.quote);
  return runs
    .map((r) => {
      const options = { bold: r.bold || undefined, italics: r.italic || undefined };
      return r.href ? parts.hyperlink(r.href, run(r.text, { ...options, style: "Hyperlink" })) : run(r.text, options);
    })
    .join("");
}

function annotationParagraphs(
  a: ExportAnnotation,
  report: ExportReport,
  includeReplies: boolean,
  parts: WordParts,
  passage: ExportPassage | undefined,
): string {
  let out = "";
  if (a.quote.trim() !== "") out += directedParagraph(a.quote, { style: QUOTE_STYLE, keepNext: true }, quoteContent(a, passage, parts));
  const meta = [plainRun(KIND_LABEL[a.kind], { bold: true }), ...byline(a)];
  if (a.visibility === "private") meta.push(run("private"));
  if (a.status === "resolved") meta.push(run("resolved"));
  if (a.tags.length > 0) meta.push(run(`Tags: ${a.tags.join(", ")}`));
  const assigned = assignmentText(a);
  if (assigned) meta.push(run(assigned));
  out += paragraph({}, joined(meta));
  if (a.kind === "claim") {
    const set = verdictSetText(a);
    const verdict =
      run("Verdict: ") + run(VERDICT_LABEL[a.verdict], { bold: true }) + (set ? run(`, ${set}`) : "") + run(` (${tallyText(a.tally)})`);
    out += paragraph({}, joined(a.claimSummary ? [run("Claim: ") + run(a.claimSummary), verdict] : [verdict]));
  }
  out += markdownToDocx(a.body, { baseUrl: report.url, headingOffset: 3 }, parts);
  if (a.stances.length > 0) {
    out += paragraph({ keepNext: true }, plainRun("Stances:"));
    for (const stance of a.stances) out += stanceParagraph(stance, parts);
  }
  if (includeReplies && a.replies.length > 0) {
    out += paragraph({ keepNext: true }, plainRun("Replies:"));
    for (const reply of a.replies) out += replyParagraphs(reply, report, parts);
  }
  return out;
}

/** "Contested, set by Bob Ruiz on 2026-11-20 10:00 UTC" */
function verdictText(a: ExportClaim): string {
  const set = verdictSetText(a);
  return set ? `${VERDICT_LABEL[a.verdict]}, ${set}` : VERDICT_LABEL[a.verdict];
}

/** "Bob Ruiz disputes: Table A3 says 35%. Evidence: ¶ 3" (linked), indented under the claim. */
function stanceParagraph(stance: ExportStance, parts: WordParts): string {
  let content = run(stance.author.name, { bold: true }) + run(` ${STANCE_VERB[stance.stance]}`);
  content += stance.note?.trim() ? run(": ") + run(noteSentence(stance.note)) : run(".");
  if (stance.evidence) content += run(" Evidence: ") + link(stance.evidence.url, stance.evidence.label, parts);
  return directedParagraph(stance.note ?? stance.author.name, { indent: { left: INDENT_STEP } }, content);
}

/** Who wrote it and when: "Alice Example · originally by … · 2026-11-18 14:05 UTC (edited)", a part each. */
function byline(item: ExportAnnotation | ExportReply, bold = false): string[] {
  const parts = [run(item.author.name, { bold })];
  if (item.importedCreator) parts.push(run("originally by ") + run(item.importedCreator));
  parts.push(run(`${formatUtc(item.createdAt)}${item.editedAt ? " (edited)" : ""}`));
  return parts;
}

function replyParagraphs(reply: ExportReply, report: ExportReport, parts: WordParts): string {
  return (
    directedParagraph(reply.author.name, { indent: { left: INDENT_STEP }, keepNext: true }, joined(byline(reply, true))) +
    markdownToDocx(reply.body, { baseUrl: report.url, headingOffset: 3, indent: INDENT_STEP }, parts)
  );
}

function heading(text: string, level: number): string {
  return directedParagraph(text, { heading: level }, run(text));
}

/** "Label: value" — a line of the front matter. */
function field(label: string, value: string): string {
  return paragraph({}, plainRun(`${label}: `, { bold: true }) + value);
}

function italicLine(text: string): string {
  return paragraph({}, plainRun(text, { italics: true }));
}

/** Parts of a line, separated by " · ". */
function joined(parts: string[]): string {
  return parts.join(SEPARATOR);
}
const SEPARATOR = plainRun(" · ");

/** A link for web addresses only; anything else stays text. */
function link(url: string, text: string, parts: WordParts): string {
  if (!/^https?:\/\//i.test(url)) return run(text);
  return parts.hyperlink(url, run(text, { style: "Hyperlink" }));
}

function cell(text: string, options: RunOptions = {}): string {
  return directedParagraph(text, {}, run(text, options));
}
