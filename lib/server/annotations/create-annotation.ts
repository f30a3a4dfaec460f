import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db, sqlQuery } from "@/lib/db";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { quoteFromPosition, validatePosition } from "@/lib/anchoring";
import { newMentionIds } from "@/lib/markdown/mentions";
import type { CreateAnnotationInput } from "@/lib/validations/annotation";
import type { RoleName } from "@/lib/validations/common";
import { notify } from "../notifications/notify";
import { resolveTagIds } from "../tags/tags";
import { getReportAccessOrThrow, hasRole, reportAccessSql, requireRole, rolesAtLeast, type ReportAccess } from "../workspaces/access";
import { recordEvent, recordEventSql, type NewEvent } from "../events/events";
import { annotationViewFromRow, annotationViewSql, readAnnotationViews, type AnnotationViewRow } from "./read-views";
import type { AnnotationView } from "./view";
import { checkBodySize } from "./annotations";

type CreateOptions = { userId: string; reportId: string } & CreateAnnotationInput;

/** The annotation to store, as the columns say it: checked against the role, the passage and its text. */
export type NewAnnotation = Pick<AnnotationView, "reportId" | "passageId" | "kind" | "visibility" | "body" | "claimSummary" | "start" | "end" | "quote" | "prefix" | "suffix"> & {
  authorId: string;
};

/** Everything a new annotation must pass before it is written, in the order the API reports problems. */
function checkNewAnnotation(options: CreateOptions, access: ReportAccess, passage: { id: string; text: string } | undefined): NewAnnotation {
  requireRole(access.role, "annotator", "annotate reports");
  const body = options.body?.trim() ?? "";
  checkBodySize(body);
  if (!passage) throw invalidField("passageId", "passageId does not name a passage of this report.");
  const position = { start: options.start, end: options.end };
  const problem = validatePosition(passage.text, position);
  if (problem) throw invalidField(problem.field, problem.message);
  const selector = quoteFromPosition(passage.text, position);
  if (options.quote !== undefined && options.quote !== selector.exact) {
    throw invalidField("quote", `The quote does not match the passage text at those offsets, which is “${selector.exact}”.`);
  }
  const kind = options.kind ?? (body ? "comment" : "highlight");
  return {
    reportId: access.report.id,
    passageId: passage.id,
    authorId: options.userId,
    kind,
    visibility: options.visibility ?? "workspace",
    body,
    claimSummary: kind === "claim" ? options.claimSummary || null : null,
    ...position,
    quote: selector.exact,
    prefix: selector.prefix,
    suffix: selector.suffix,
  };
}

const createdEvent = (id: string, a: NewAnnotation): NewEvent => ({
  reportId: a.reportId,
  type: "annotation.created",
  itemType: "annotation",
  itemId: id,
  actorId: a.authorId,
  onlyUserId: a.visibility === "private" ? a.authorId : null,
});

/** Mentions in a private note tell no one anything (see createAnnotation). */
const mentionsOf = (a: NewAnnotation) => (a.visibility === "workspace" ? newMentionIds(a.body) : []);

/**
 * Creates an annotation. The common case (no tags, nobody mentioned) is one
 * read and one statement; tags and mentions take a transaction.
 */
export async function createAnnotation(options: CreateOptions): Promise<AnnotationView> {
  if (options.tags?.length) return createInTransaction(options);
  // A report re-versioned or a membership changed between the read and the write: read again, and answer by what holds now.
  for (let attempt = 0; attempt < 3; attempt++) {
    const { access, passage } = await readForCreate(options);
    const annotation = checkNewAnnotation(options, access, passage);
    if (mentionsOf(annotation).length) return createInTransaction(options);
    const view = await insertAnnotationIfCurrent(annotation, access.report.version);
    if (view) return view;
  }
  throw new AppError("conflict", "The report changed while the annotation was being saved. Try again.");
}

/** The report, the caller's role and the passage in the report's current version, in one query. */
async function readForCreate(options: CreateOptions): Promise<{ access: ReportAccess; passage?: { id: string; text: string } }> {
  const [row] = await sqlQuery<{ id: string; version: number; workspaceId: string; role: RoleName; passageId: string | null; passageText: string | null }>(Prisma.sql`
    SELECT x.*, p.id AS "passageId", p.text AS "passageText"
    FROM (${reportAccessSql(options)}) x
    LEFT JOIN passages p ON p.id = ${options.passageId} AND p.report_id = x.id AND p.version = x.version`, { prepare: "annotation-create-read" });
  if (!row) throw notFound("That report");
  const { role, passageId, passageText, ...report } = row;
  return { access: { report, role }, passage: passageId !== null && passageText !== null ? { id: passageId, text: passageText } : undefined };
}

/**
 * Writes the annotation and its event (announced with NOTIFY) in one
 * statement, only if the report is still at `reportVersion` and the author
 * still may annotate it; returns its view, or null when nothing was written.
 * The report and membership rows are share-locked: a new version or a
 * revoked membership committed meanwhile is seen (the re-check runs on the
 * newest rows), and one that comes after waits until this has committed.
 */
export async function insertAnnotationIfCurrent(a: NewAnnotation, reportVersion: number): Promise<AnnotationView | null> {
  const id = randomUUID();
  const [row] = await sqlQuery<AnnotationViewRow>(Prisma.sql`
    WITH allowed AS (
      SELECT 1 FROM (${reportAccessSql({ userId: a.authorId, reportId: a.reportId })}) x
      WHERE x.version = ${reportVersion} AND x.role = ANY(${rolesAtLeast("annotator")}::text[])
      FOR SHARE
    ), inserted AS (
      INSERT INTO annotations (id, report_id, passage_id, author_id, kind, visibility, body, claim_summary, start, "end", quote, prefix, suffix, created_at, updated_at)
      SELECT ${id}, ${a.reportId}, ${a.passageId}, ${a.authorId}, ${a.kind}::"AnnotationKind", ${a.visibility}::"Visibility", ${a.body}, ${a.claimSummary},
             ${a.start}::int, ${a.end}::int, ${a.quote}, ${a.prefix}, ${a.suffix}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM allowed
      RETURNING *
    ), event AS (${recordEventSql(createdEvent(id, a), Prisma.sql`WHERE EXISTS (SELECT 1 FROM inserted)`)})
    ${annotationViewSql(Prisma.sql`inserted`)}`, { prepare: "annotation-create-write" });
  return row ? annotationViewFromRow(row) : null;
}

/** With tags (which an editor may create) or mentions (notifications to members): one interactive transaction. */
async function createInTransaction(options: CreateOptions): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const access = await getReportAccessOrThrow(options, tx);
    // Share-locks the report, as insertAnnotationIfCurrent does: a new version waits, or is seen (no passage then).
    const [passage] = await tx.$queryRaw<{ id: string; text: string }[]>`
      SELECT p.id, p.text FROM passages p JOIN reports r ON r.id = p.report_id AND r.version = p.version
      WHERE p.id = ${options.passageId} AND r.id = ${access.report.id}
      FOR SHARE OF r`;
    const a = checkNewAnnotation(options, access, passage);
    const tagIds = options.tags?.length
      ? await resolveTagIds(tx, { workspaceId: access.report.workspaceId, names: options.tags, canCreate: hasRole(access.role, "editor") })
      : [];
    const { id } = await tx.annotation.create({
      data: { ...a, tags: { create: tagIds.map((tagId) => ({ tagId })) } },
      select: { id: true },
    });
    await recordEvent(tx, createdEvent(id, a));
    await notify(tx, { type: "mention", actorId: a.authorId, workspaceId: access.report.workspaceId, reportId: a.reportId, annotationId: id, recipientIds: mentionsOf(a) });
    return (await readAnnotationViews([id], tx)).get(id)!;
  });
}
