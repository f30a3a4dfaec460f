/**
 * The Markdown export: the report's details, the team notes, then the
 * annotations grouped by passage in reading order. Written to read well both
 * rendered and as plain text; names and quotes are escaped so they cannot
 * change the structure, and user-written Markdown is nested under the export's
 * own headings.
 */
import { KIND_LABEL, STANCE_VERB, VERDICT_LABEL } from "@/lib/domain/words";
import {
  assignmentText,
  bodyForExport,
  counterpartPassages,
  formatDay,
  formatUtc,
  noteSentence,
  originOf,
  passageUrl,
  tallyText,
  verdictSetText,
} from "./common";
import { tidyMarkdown } from "@/lib/markdown/tidy";
import { embedMarkdown, embedMarkdownOpening, escapeInline, escapeLine, indentContinuation, quoteBlock } from "./markdown-text";
import { quoteRuns } from "./quote-marks";
import type { ExportWriter } from "./stream";
import type { ExportAnnotation, ExportEvidence, ExportHead, ExportPassage, ExportReply, ExportStance } from "./types";

/**
 * What the export writes itself (titles, names, quotes, tags) keeps only the
 * escapes it needs: `escapeInline` escapes every character that could matter,
 * and most turn out not to (a lone "~" or "<" strikes and tags nothing).
 */
const tidy = (markdown: string) => (markdown.includes("\\") ? tidyMarkdown(markdown) : markdown);

// Team notes sit under "## Team notes"; bodies sit under "### ¶ N".
const NOTES_DEMOTION = 2;
const BODY_DEMOTION = 3;

/**
 * The export as a writer: the head (details, notes, the annotations heading),
 * then one piece per passage, given when the next passage begins (or at the end).
 */
export function markdownWriter(head: ExportHead): ExportWriter {
  const passages = new Map(head.passages.map((passage) => [passage.id, passage]));
  const origin = originOf(head.report);
  let passageId: string | null = null;
  let blocks: string[] = [];
  const finishPassage = () => {
    if (blocks.length === 0) return "";
    const piece = `\n${blocks.join("\n\n")}\n`;
    blocks = [];
    return piece;
  };
  return {
    start: () => headText(head),
    annotation(annotation) {
      let piece = "";
      if (annotation.passageId !== passageId) {
        piece = finishPassage();
        passageId = annotation.passageId;
        blocks.push(passageHeading(head, annotation.passageIndex, passages.get(annotation.passageId)));
        const counterpart = counterpartBlock(head, annotation.passageId);
        if (counterpart) blocks.push(counterpart);
      }
      blocks.push(annotationBlock(head, annotation, origin, passages.get(annotation.passageId)));
      return piece;
    },
    end: () => `${finishPassage()}\n## References\n\n${tidy(escapeLine(head.report.reference))}\n`,
  };
}

function headText(data: ExportHead): string {
  const { report, notes, annotationCount, filters } = data;
  const blocks = [tidy(`# ${escapeInline(report.title)}`)];
  if (report.subtitle) blocks.push(tidy(`*${escapeInline(report.subtitle)}*`));
  blocks.push(
    tidy(
      details(data)
        .map((item) => `- ${item}`)
        .join("\n"),
    ),
  );
  blocks.push(`[Open this report in Marginalia](${report.url})`);

  blocks.push("## Team notes");
  const notesBody = embedMarkdown(bodyForExport(notes.body, originOf(report)), NOTES_DEMOTION);
  blocks.push(notesBody || "*No team notes have been written yet.*");
  if (notes.updatedAt) {
    const by = notes.updatedBy ? ` by ${escapeInline(notes.updatedBy.name)}` : "";
    blocks.push(tidy(`*Last edited ${formatUtc(notes.updatedAt)}${by}.*`));
  }

  blocks.push(`## Annotations (${annotationCount})`);
  if (annotationCount === 0) {
    blocks.push(filters.length > 0 ? "*No annotations match these filters.*" : "*No annotations yet.*");
  }
  return `${blocks.join("\n\n")}\n`;
}

function details({ report, exportedAt, exportedBy, filters }: ExportHead): string[] {
  const items: string[] = [];
  if (report.authors.length > 0) items.push(`Authors: ${escapeInline(report.authors.join(", "))}`);
  if (report.publisher) items.push(`Publisher: ${escapeInline(report.publisher)}`);
  if (report.publishedAt) items.push(`Published: ${formatDay(report.publishedAt)}`);
  if (report.sourceUrl) items.push(`Source: <${report.sourceUrl}>`);
  items.push(`Report version: ${report.version}`);
  items.push(`Workspace: ${escapeInline(report.workspace.name)}`);
  items.push(`Exported ${formatUtc(exportedAt)} by ${escapeInline(exportedBy.name)}`);
  if (filters.length > 0) items.push(`Filters: ${escapeInline(filters.join("; "))}`);
  return items;
}

function passageHeading(data: ExportHead, index: number, passage: ExportPassage | undefined): string {
  const title = passage?.kind === "heading" ? ` · ${escapeInline(passage.text)}` : "";
  return tidy(`### [¶ ${index}](${passageUrl(data.report, index)})${title}`);
}

/** The counterpart's passages aligned with a ¶, quoted under their label; null when none are. */
function counterpartBlock(head: ExportHead, passageId: string): string | null {
  const aligned = counterpartPassages(head.counterpart, passageId);
  if (!aligned) return null;
  return `${tidy(`*${escapeInline(aligned.label)}*`)}\n\n${aligned.passages.map((p) => quoteBlock(p.text)).join("\n>\n")}`;
}

/** A quote with its passage's bold (**…**), italics (_…_) and links ([…](…)); null when it has none. */
function markedQuote(annotation: ExportAnnotation, passage: ExportPassage | undefined): string | null {
  const runs = quoteRuns(annotation, passage);
  if (runs === null) return null;
  const line = runs
    .map((run, i) => {
      const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text)!;
      if (core === "") return run.text;
      let text = i === 0 && !run.bold && !run.italic && !run.href ? escapeLine(core) : escapeInline(core);
      if (run.italic) text = `_${text}_`;
      if (run.bold) text = `**${text}**`;
      if (run.href) text = `[${text}](${markdownUrl(run.href)})`;
      return lead + text + trail;
    })
    .join("");
  return `> ${line}`;
}

/** A link's address as Markdown takes it between parentheses. */
function markdownUrl(href: string): string {
  return href.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

function annotationBlock(data: ExportHead, annotation: ExportAnnotation, origin: string, passage: ExportPassage | undefined): string {
  const blocks: string[] = [];
  if (annotation.quote.trim() !== "") blocks.push(markedQuote(annotation, passage) ?? tidy(quoteBlock(annotation.quote)));
  blocks.push(tidy(annotationLine(annotation)));
  if (annotation.kind === "claim") blocks.push(tidy(claimLine(annotation)));
  const body = embedMarkdown(bodyForExport(annotation.body, origin), BODY_DEMOTION);
  if (body) blocks.push(body);
  if (annotation.stances.length > 0) {
    // Labelled like the replies: a list right after a body that ends with one would merge into it.
    blocks.push("Stances:", tidy(annotation.stances.map(stanceItem).join("\n")));
  }
  if (data.includeReplies && annotation.replies.length > 0) {
    // The label keeps the replies from merging into a list the body may end with.
    blocks.push("Replies:", annotation.replies.map((reply) => replyItem(reply, origin)).join("\n"));
  }
  return blocks.join("\n\n");
}

/** "**Claim** · Alice Example · 2026-11-18 14:05 UTC · private · resolved · Tags: Methods, Numbers" */
function annotationLine(annotation: ExportAnnotation): string {
  const parts = [`**${KIND_LABEL[annotation.kind]}**`, ...byline(annotation)];
  if (annotation.visibility === "private") parts.push("private");
  if (annotation.status === "resolved") parts.push("resolved");
  if (annotation.tags.length > 0) parts.push(`Tags: ${escapeInline(annotation.tags.join(", "))}`);
  const assigned = assignmentText(annotation, escapeInline);
  if (assigned) parts.push(assigned);
  return parts.join(" · ");
}

/** Who wrote it and when, shared by annotations and replies. */
function byline(item: ExportAnnotation | ExportReply, bold = false): string[] {
  const name = escapeInline(item.author.name);
  const parts = [bold ? `**${name}**` : name];
  if (item.importedCreator) parts.push(`originally by ${escapeInline(item.importedCreator)}`);
  parts.push(`${formatUtc(item.createdAt)}${item.editedAt ? " (edited)" : ""}`);
  return parts;
}

/** "Claim: … · Verdict: **Contested**, set by Bob Ruiz on 2026-11-20 10:00 UTC (1 supports · …)" */
function claimLine(annotation: ExportAnnotation): string {
  const set = verdictSetText(annotation, escapeInline);
  const verdict = `Verdict: **${VERDICT_LABEL[annotation.verdict]}**${set ? `, ${set}` : ""} (${tallyText(annotation.tally)})`;
  return annotation.claimSummary ? `Claim: ${escapeInline(annotation.claimSummary)} · ${verdict}` : verdict;
}

/** "- **Bob Ruiz** disputes: Table A3 says 35%. Evidence: [¶ 3](https://…#p-3)": the note is plain text, kept as such. */
function stanceItem(stance: ExportStance): string {
  let line = `- **${escapeInline(stance.author.name)}** ${STANCE_VERB[stance.stance]}`;
  line += stance.note?.trim() ? `: ${escapeInline(noteSentence(stance.note))}` : ".";
  if (stance.evidence) line += ` Evidence: ${evidenceLink(stance.evidence)}`;
  return line;
}

/** An address shown as itself is an autolink; a place in the app is named ("¶ 3") and linked. */
function evidenceLink(evidence: ExportEvidence): string {
  if (evidence.label === evidence.url && !/[<>\s]/.test(evidence.url)) return `<${evidence.url}>`;
  // Brackets around the address only when it needs them (spaces, parentheses).
  const target = /[\s()<>]/.test(evidence.url) ? `<${evidence.url.replace(/[<>]/g, encodeURIComponent)}>` : evidence.url;
  return `[${escapeInline(evidence.label)}](${target})`;
}

/** "- **Bob Ruiz** · 2026-11-18 15:00 UTC: body", later lines indented under the item. */
function replyItem(reply: ExportReply, origin: string): string {
  const lead = tidy(`- ${byline(reply, true).join(" · ")}`);
  const { markdown: body, opensWithParagraph } = embedMarkdownOpening(bodyForExport(reply.body, origin), BODY_DEMOTION);
  if (!body) return lead;
  const indented = indentContinuation(body, "  ");
  // A body opening with a heading, list or code block cannot follow the byline on its line.
  return opensWithParagraph ? `${lead}: ${indented}` : `${lead}:\n\n  ${indented}`;
}
