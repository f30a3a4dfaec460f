import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { codePointLength, quoteFromPosition, validatePosition } from "@/lib/anchoring";
import { newMentionIds } from "@/lib/markdown/mentions";
import { BODY_MAX, type AnnotationFilters, type CreateAnnotationInput } from "@/lib/validations/annotation";
import { notify } from "../notifications/notify";
import { resolveTagIds } from "../tags/tags";
import { getReportAccessOrThrow, hasRole, reportWhere, requireRole } from "../workspaces/access";
import { annotationSelect, toAnnotationView, type AnnotationView } from "./view";
import { annotationVisibleWhere } from "./visibility";
import { recordEvent } from "../events/events";

export type { AnnotationView } from "./view";

export function checkBodySize(body: string, what = "The comment"): void {
  if (codePointLength(body) > BODY_MAX) {
    throw new AppError("payload_too_large", `${what} is too long: at most ${BODY_MAX.toLocaleString("en")} characters.`);
  }
}

export async function createAnnotation(options: { userId: string; reportId: string } & CreateAnnotationInput): Promise<AnnotationView> {
  const body = options.body?.trim() ?? "";
  return db.$transaction(async (tx) => {
    const { report, role } = await getReportAccessOrThrow(options, tx);
    requireRole(role, "annotator", "annotate reports");
    checkBodySize(body);

    const passage = await tx.passage.findFirst({
      where: { id: options.passageId, reportId: report.id, version: report.version },
      select: { id: true, text: true },
    });
    if (!passage) throw invalidField("passageId", "passageId does not name a passage of this report.");

    const position = { start: options.start, end: options.end };
    const problem = validatePosition(passage.text, position);
    if (problem) throw invalidField(problem.field, problem.message);
    const selector = quoteFromPosition(passage.text, position);
    if (options.quote !== undefined && options.quote !== selector.exact) {
      throw invalidField("quote", `The quote does not match the passage text at those offsets, which is “${selector.exact}”.`);
    }
    const kind = options.kind ?? (body ? "comment" : "highlight");
    const visibility = options.visibility ?? "workspace";
    const tagIds = options.tags?.length
      ? await resolveTagIds(tx, { workspaceId: report.workspaceId, names: options.tags, canCreate: hasRole(role, "editor") })
      : [];

    const row = await tx.annotation.create({
      data: {
        reportId: report.id,
        passageId: passage.id,
        authorId: options.userId,
        kind,
        visibility,
        body,
        claimSummary: kind === "claim" ? options.claimSummary || null : null,
        start: position.start,
        end: position.end,
        quote: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
      },
      select: annotationSelect,
    });
    await recordEvent(tx, { reportId: report.id, type: "annotation.created", itemType: "annotation", itemId: row.id, actorId: options.userId, onlyUserId: visibility === "private" ? options.userId : null });
    // A private note is seen by its author only: mentioning someone there tells them nothing.
    if (visibility === "workspace") {
      await notify(tx, {
        type: "mention",
        actorId: options.userId,
        workspaceId: report.workspaceId,
        reportId: report.id,
        annotationId: row.id,
        recipientIds: newMentionIds(body),
      });
    }
    return toAnnotationView(row);
  });
}

export function annotationFilterWhere(filters: AnnotationFilters): Prisma.AnnotationWhereInput {
  const and: Prisma.AnnotationWhereInput[] = [];
  if (filters.tag?.length) and.push({ tags: { some: { tag: { nameKey: { in: filters.tag.map((t) => t.trim().toLocaleLowerCase("en")) } } } } });
  if (filters.author?.length) and.push({ authorId: { in: filters.author } });
  if (filters.kind?.length) and.push({ kind: { in: filters.kind } });
  if (filters.verdict?.length) and.push({ kind: "claim", verdict: { in: filters.verdict } });
  if (filters.status?.length) and.push({ status: { in: filters.status } });
  if (filters.visibility?.length) and.push({ visibility: { in: filters.visibility } });
  return and.length ? { AND: and } : {};
}

/** What the user may see of a report's annotations, in reading order, optionally filtered. */
export async function listAnnotations(options: { userId: string; reportId: string; filters?: AnnotationFilters; version?: number }): Promise<AnnotationView[]> {
  const report = await db.report.findFirst({
    where: { id: options.reportId, ...reportWhere(options.userId) },
    select: { id: true, version: true },
  });
  if (!report) throw notFound("That report");
  if (options.version !== undefined && options.version !== report.version) return listAnnotationsAsOf({ ...options, current: report.version });
  const rows = await db.annotation.findMany({
    where: {
      reportId: report.id,
      deletedAt: null,
      // Orphans are listed apart (the orphans panel): they have no place in this text.
      anchorStatus: { not: "orphaned" },
      passage: { version: report.version },
      ...annotationVisibleWhere(options.userId),
      ...annotationFilterWhere(options.filters ?? {}),
    },
    orderBy: [{ passage: { index: "asc" } }, { start: "asc" }, { end: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: annotationSelect,
  });
  return rows.map(toAnnotationView);
}

export async function getAnnotationViewOrThrow(options: { userId: string; annotationId: string }): Promise<AnnotationView> {
  const row = await db.annotation.findFirst({
    where: { id: options.annotationId, deletedAt: null, report: reportWhere(options.userId), ...annotationVisibleWhere(options.userId) },
    select: annotationSelect,
  });
  if (!row) throw notFound("That annotation");
  return toAnnotationView(row);
}

/** Annotations as they were anchored in an earlier version, from the anchors kept when it was replaced. */
async function listAnnotationsAsOf(options: { userId: string; reportId: string; filters?: AnnotationFilters; version?: number; current: number }): Promise<AnnotationView[]> {
  const version = options.version!;
  if (version < 1 || version > options.current) throw notFound(`Version ${version} of that report`);
  const anchors = await db.annotationAnchor.findMany({
    where: {
      version,
      status: { not: "orphaned" },
      annotation: { reportId: options.reportId, deletedAt: null, ...annotationVisibleWhere(options.userId), ...annotationFilterWhere(options.filters ?? {}) },
    },
    select: { passageId: true, start: true, end: true, quote: true, prefix: true, suffix: true, annotation: { select: annotationSelect } },
  });
  const passages = await db.passage.findMany({ where: { reportId: options.reportId, version }, select: { id: true, index: true } });
  const indexOf = new Map(passages.map((p) => [p.id, p.index]));
  return anchors
    .filter((a) => a.passageId && indexOf.has(a.passageId))
    .map((a) => ({
      ...toAnnotationView(a.annotation),
      passageId: a.passageId!,
      passageIndex: indexOf.get(a.passageId!)!,
      start: a.start!,
      end: a.end!,
      quote: a.quote,
      prefix: a.prefix,
      suffix: a.suffix,
    }))
    .sort((x, y) => x.passageIndex - y.passageIndex || x.start - y.start || x.end - y.end || x.createdAt.getTime() - y.createdAt.getTime());
}
