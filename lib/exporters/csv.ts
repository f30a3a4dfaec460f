/**
 * The CSV export: one row per annotation, each followed by one row per stance
 * taken on it (claims) and one row per reply,
 * for one report or for many (a workspace-wide export shares one header).
 * RFC 4180 (CRLF, quoted fields), UTF-8 with a BOM so spreadsheets read
 * Arabic and other non-Latin text correctly, and formula injection defused.
 */
import { stringify } from "csv-stringify/sync";
import { bodyForExport, originOf, passageUrl } from "./common";
import type { ExportWriter } from "./stream";
import type { ExportAnnotation, ExportHead, ExportReply, ExportStance } from "./types";

/**
 * The columns, in order. They are a public format: add new ones at the end
 * and never rename one.
 *
 * - `record_type`: "annotation", "stance" or "reply"; stance rows, then reply rows, follow their annotation.
 * - `report_id`, `report_title`: the report the row belongs to.
 * - `annotation_id`: the annotation, or on a reply row the annotation replied to.
 * - `reply_id`: the reply; empty on annotation rows.
 * - `paragraph`: the ¶ number of the annotated passage.
 * - `kind`: highlight, comment, question or claim.
 * - `visibility`: private or workspace.
 * - `quote`: the annotated text.
 * - `body`: Markdown, with mentions written as "@Name" and links into the app made absolute; on a stance row, its note (plain text).
 * - `claim_summary`: the claim in one sentence (claims only).
 * - `verdict`: unverified, supported, contested or refuted (claims only).
 * - `supports`, `disputes`, `needs_evidence`: how many members took each stance (claims only).
 * - `tags`: the tag names, joined with "; ".
 * - `status`: open or resolved.
 * - `author`: the member who wrote it (or imported it), or took the stance.
 * - `original_author`: who wrote it in the tool it was imported from, when that is not a member.
 * - `created_at`, `edited_at`: ISO 8601 in UTC to the second, e.g. "2026-11-18T14:05:09Z"; `edited_at` empty when never edited.
 *   On a stance row, `created_at` is when the stance was last taken or changed.
 * - `link`: the annotated passage in the app.
 * - `stance`: supports, disputes or needs_evidence (stance rows only).
 * - `evidence`, `evidence_link`: a stance's evidence as shown ("¶ 14", or the web address) and its address (stance rows only).
 * - `verdict_set_by`, `verdict_set_at`: who set a claim's verdict, and when (claims only; empty while nobody has).
 * - `assignee`, `due_at`: whom the thread is assigned to, and its due date ("YYYY-MM-DD"); empty when unassigned.
 *
 * Stance and reply rows repeat the report, annotation, paragraph and link
 * columns so each row stands alone; the columns describing the annotation
 * itself (kind, visibility, quote, claim columns, tags, status) are empty on them.
 */
export const CSV_COLUMNS = [
  "record_type",
  "report_id",
  "report_title",
  "annotation_id",
  "reply_id",
  "paragraph",
  "kind",
  "visibility",
  "quote",
  "body",
  "claim_summary",
  "verdict",
  "supports",
  "disputes",
  "needs_evidence",
  "tags",
  "status",
  "author",
  "original_author",
  "created_at",
  "edited_at",
  "link",
  "stance",
  "evidence",
  "evidence_link",
  "verdict_set_by",
  "verdict_set_at",
  "assignee",
  "due_at",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
type Row = Record<CsvColumn, string>;

const BOM = "\ufeff";

/**
 * `escape_formulas` prefixes a single quote to any text cell starting with
 * =, +, -, @, tab or carriage return (and their full-width forms), so a
 * spreadsheet shows it as text instead of running it as a formula.
 */
function csvLines(rows: string[][]): string {
  return stringify(rows, { record_delimiter: "\r\n", escape_formulas: true });
}

/** The header row (with the BOM): once per file, however many reports it holds. */
export function csvHeader(): string {
  return BOM + csvLines([[...CSV_COLUMNS]]);
}

/** One report's rows as a writer, without the header: each annotation with its replies. */
export function csvWriter(
  head: Pick<ExportHead, "report" | "includeReplies">,
  options: { header: boolean } = { header: true },
): ExportWriter {
  const origin = originOf(head.report);
  return {
    start: () => (options.header ? csvHeader() : ""),
    annotation(annotation) {
      const rows = [annotationRow(head, annotation, origin)];
      for (const stance of annotation.stances) rows.push(stanceRow(head, annotation, stance));
      if (head.includeReplies) {
        for (const reply of annotation.replies) rows.push(replyRow(head, annotation, reply, origin));
      }
      return csvLines(rows.map((row) => CSV_COLUMNS.map((column) => row[column])));
    },
    end: () => "",
  };
}

/** "2026-11-18T14:05:09Z": ISO 8601 in UTC, without the milliseconds nobody entered. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

// Rows are written out field by field, not spread from a shared part: spreading into a literal this
// size is slow enough in V8 to be most of a large export's time.
function annotationRow(data: Pick<ExportHead, "report">, annotation: ExportAnnotation, origin: string): Row {
  const claim = annotation.kind === "claim";
  return {
    record_type: "annotation",
    report_id: data.report.id,
    report_title: data.report.title,
    annotation_id: annotation.id,
    reply_id: "",
    paragraph: String(annotation.passageIndex),
    kind: annotation.kind,
    visibility: annotation.visibility,
    quote: annotation.quote,
    body: bodyForExport(annotation.body, origin),
    claim_summary: claim ? (annotation.claimSummary ?? "") : "",
    verdict: claim ? annotation.verdict : "",
    supports: claim ? String(annotation.tally.supports) : "",
    disputes: claim ? String(annotation.tally.disputes) : "",
    needs_evidence: claim ? String(annotation.tally.needs_evidence) : "",
    tags: annotation.tags.join("; "),
    status: annotation.status,
    author: annotation.author.name,
    original_author: annotation.importedCreator ?? "",
    created_at: isoSeconds(annotation.createdAt),
    edited_at: annotation.editedAt ? isoSeconds(annotation.editedAt) : "",
    link: passageUrl(data.report, annotation.passageIndex),
    stance: "",
    evidence: "",
    evidence_link: "",
    verdict_set_by: claim ? (annotation.verdictSetBy?.name ?? "") : "",
    verdict_set_at: claim && annotation.verdictSetAt ? isoSeconds(annotation.verdictSetAt) : "",
    assignee: annotation.assignee?.name ?? "",
    due_at: annotation.dueAt ?? "",
  };
}

/** A stance's row: who took it, their note and evidence, after its claim's row. */
function stanceRow(data: Pick<ExportHead, "report">, annotation: ExportAnnotation, stance: ExportStance): Row {
  return {
    record_type: "stance",
    report_id: data.report.id,
    report_title: data.report.title,
    annotation_id: annotation.id,
    reply_id: "",
    paragraph: String(annotation.passageIndex),
    kind: "",
    visibility: "",
    quote: "",
    body: stance.note ?? "",
    claim_summary: "",
    verdict: "",
    supports: "",
    disputes: "",
    needs_evidence: "",
    tags: "",
    status: "",
    author: stance.author.name,
    original_author: "",
    created_at: isoSeconds(stance.updatedAt),
    edited_at: "",
    link: passageUrl(data.report, annotation.passageIndex),
    stance: stance.stance,
    evidence: stance.evidence?.label ?? "",
    evidence_link: stance.evidence?.url ?? "",
    verdict_set_by: "",
    verdict_set_at: "",
    assignee: "",
    due_at: "",
  };
}

/** A reply's row repeats its annotation's report, id, paragraph and link, so it stands alone. */
function replyRow(data: Pick<ExportHead, "report">, annotation: ExportAnnotation, reply: ExportReply, origin: string): Row {
  return {
    record_type: "reply",
    report_id: data.report.id,
    report_title: data.report.title,
    annotation_id: annotation.id,
    reply_id: reply.id,
    paragraph: String(annotation.passageIndex),
    kind: "",
    visibility: "",
    quote: "",
    body: bodyForExport(reply.body, origin),
    claim_summary: "",
    verdict: "",
    supports: "",
    disputes: "",
    needs_evidence: "",
    tags: "",
    status: "",
    author: reply.author.name,
    original_author: reply.importedCreator ?? "",
    created_at: isoSeconds(reply.createdAt),
    edited_at: reply.editedAt ? isoSeconds(reply.editedAt) : "",
    link: passageUrl(data.report, annotation.passageIndex),
    stance: "",
    evidence: "",
    evidence_link: "",
    verdict_set_by: "",
    verdict_set_at: "",
    assignee: "",
    due_at: "",
  };
}
