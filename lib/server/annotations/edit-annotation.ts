import "server-only";
import { db, type Tx } from "@/lib/db";
import type { AnnotationView } from "@/lib/domain/annotation";
import { AppError, invalidField } from "@/lib/errors";
import { newMentionIds } from "@/lib/markdown/mentions";
import type { UpdateAnnotationInput } from "@/lib/validations/annotation";
import { notify } from "../notifications/notify";
import { checkAssignee, planAssignment } from "../assignments/assign";
import { resolveTagIds } from "../tags/tags";
import { hasRole, requireRole } from "../workspaces/access";
import { getAnnotationAccessOrThrow } from "./access";
import { checkBodySize } from "./annotations";
import { readAnnotationView } from "./read-views";
import { audienceOf, recordEvent } from "../events/events";
import { keysetArgs, newestFirst, keysetPage } from "../pagination/keyset";
import type { Page, PageRequest } from "../pagination/page";

export const RESTORE_WINDOW_DAYS = 30;

const currentView = (tx: Tx, annotationId: string): Promise<AnnotationView> => readAnnotationView(annotationId, tx);

/** 409 carrying the item as it is now, so the client can show it and merge. */
async function staleOrThrow(tx: Tx, annotationId: string): Promise<never> {
  throw new AppError("conflict", "Someone changed this annotation after you opened it. Review the current version and try again.", {
    current: await currentView(tx, annotationId),
  });
}

/**
 * Edits an annotation: the author edits the body (the old text is kept as a
 * revision); the author or an editor changes tags, assigns the thread (with a
 * due date) and resolves or reopens it, which its assignee may do too:
 * resolving an assigned thread completes it. The version sent must be the
 * stored one, else 409.
 */
export async function updateAnnotation(options: { userId: string; annotationId: string } & UpdateAnnotationInput): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const { annotation, role, workspaceId } = await getAnnotationAccessOrThrow(options, tx);
    requireRole(role, "annotator", "change annotations");
    const isAuthor = annotation.authorId === options.userId;
    const moderates = hasRole(role, "editor");
    const editsText = options.body !== undefined || options.claimSummary !== undefined;
    if (editsText && !isAuthor) throw new AppError("forbidden", "Only the author can edit what an annotation says.");
    if (options.tags !== undefined && !isAuthor && !moderates) {
      throw new AppError("forbidden", "Only the author or an editor can change this annotation's tags.");
    }
    if (options.status !== undefined && !isAuthor && !moderates && annotation.assigneeId !== options.userId) {
      throw new AppError("forbidden", "Only the author, an editor or the assignee can resolve or reopen this thread.");
    }
    const assigns = options.assigneeId !== undefined || options.dueAt !== undefined;
    if (assigns && !isAuthor && !moderates) {
      throw new AppError("forbidden", "Only the author or an editor can assign this thread or change its due date.");
    }
    if (annotation.version !== options.version) await staleOrThrow(tx, annotation.id);

    const now = new Date();
    const assignment = planAssignment(
      { assigneeId: annotation.assigneeId, dueAt: annotation.dueAt?.toISOString().slice(0, 10) ?? null },
      { assigneeId: options.assigneeId, dueAt: options.dueAt },
      options.userId,
      now,
    );
    if (assignment.assigneeChanged && assignment.next.assigneeId !== null) {
      await checkAssignee(tx, { workspaceId, assigneeId: assignment.next.assigneeId, annotation });
    }

    const body = options.body?.trim();
    if (body !== undefined) checkBodySize(body);
    const textChanged =
      (body !== undefined && body !== annotation.body) ||
      (options.claimSummary !== undefined && annotation.kind === "claim" && (options.claimSummary || null) !== annotation.claimSummary);

    const { count } = await tx.annotation.updateMany({
      where: { id: annotation.id, version: options.version },
      data: {
        version: { increment: 1 },
        ...(body !== undefined ? { body } : {}),
        ...(options.claimSummary !== undefined && annotation.kind === "claim" ? { claimSummary: options.claimSummary || null } : {}),
        ...(textChanged ? { editedAt: now } : {}),
        ...(options.status === "resolved" ? { status: "resolved", resolvedAt: now, resolvedById: options.userId } : {}),
        ...assignment.data,
        ...(options.status === "open" ? { status: "open", resolvedAt: null, resolvedById: null } : {}),
      },
    });
    // Another edit committed between our read and our write.
    if (count === 0) await staleOrThrow(tx, annotation.id);

    if (textChanged) {
      await tx.annotationRevision.create({
        data: { annotationId: annotation.id, body: annotation.body, claimSummary: annotation.claimSummary, editedById: options.userId },
      });
    }
    if (options.tags !== undefined) {
      const tagIds = await resolveTagIds(tx, { workspaceId, names: options.tags, canCreate: moderates });
      await tx.annotationTag.deleteMany({ where: { annotationId: annotation.id } });
      await tx.annotationTag.createMany({ data: tagIds.map((tagId) => ({ annotationId: annotation.id, tagId })) });
    }
    // Resolving or reopening a thread is an event of its own; what else the request changed is an update.
    const event = {
      reportId: annotation.reportId,
      itemType: "annotation",
      itemId: annotation.id,
      actorId: options.userId,
      onlyUserId: audienceOf(annotation),
    } as const;
    // Assigning is an event of its own too; resolving an assigned thread is its completion.
    const statusChanged = options.status !== undefined && options.status !== annotation.status;
    if (assignment.event) await recordEvent(tx, { ...event, type: assignment.event });
    if (statusChanged) {
      const completes = options.status === "resolved" && assignment.next.assigneeId !== null;
      await recordEvent(tx, {
        ...event,
        type: completes ? "assignment.completed" : options.status === "resolved" ? "annotation.resolved" : "annotation.reopened",
      });
    }
    const editsOther = options.body !== undefined || options.claimSummary !== undefined || options.tags !== undefined;
    if (editsOther || (!statusChanged && !assignment.event)) {
      await recordEvent(tx, { ...event, type: "annotation.updated" });
    }
    if (assignment.assigneeChanged && assignment.next.assigneeId !== null) {
      await notify(tx, {
        type: "assignment",
        actorId: options.userId,
        workspaceId,
        reportId: annotation.reportId,
        annotationId: annotation.id,
        recipientIds: [assignment.next.assigneeId],
      });
    }
    if (body !== undefined && annotation.visibility === "workspace") {
      await notify(tx, {
        type: "mention",
        actorId: options.userId,
        workspaceId,
        reportId: annotation.reportId,
        annotationId: annotation.id,
        recipientIds: newMentionIds(body, annotation.body),
      });
    }
    return currentView(tx, annotation.id);
  });
}

/** Soft delete by the author or an editor; restorable for 30 days. */
export async function deleteAnnotation(options: { userId: string; annotationId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { annotation, role } = await getAnnotationAccessOrThrow(options, tx);
    requireRole(role, "annotator", "delete annotations");
    if (annotation.authorId !== options.userId && !hasRole(role, "editor")) {
      throw new AppError("forbidden", "Only the author or an editor can delete this annotation.");
    }
    await tx.annotation.update({
      where: { id: annotation.id },
      data: { deletedAt: new Date(), deletedById: options.userId, version: { increment: 1 } },
    });
    await recordEvent(tx, {
      reportId: annotation.reportId,
      type: "annotation.deleted",
      itemType: "annotation",
      itemId: annotation.id,
      actorId: options.userId,
      onlyUserId: audienceOf(annotation),
    });
  });
}

export function restoreDeadline(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + RESTORE_WINDOW_DAYS * 24 * 60 * 60 * 1000);
}

export async function restoreAnnotation(options: { userId: string; annotationId: string }): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const { annotation, role } = await getAnnotationAccessOrThrow({ ...options, includeDeleted: true }, tx);
    requireRole(role, "annotator", "restore annotations");
    if (annotation.authorId !== options.userId && !hasRole(role, "editor")) {
      throw new AppError("forbidden", "Only the author or an editor can restore this annotation.");
    }
    if (!annotation.deletedAt) throw new AppError("conflict", "This annotation is not deleted.");
    if (restoreDeadline(annotation.deletedAt) < new Date()) {
      throw invalidField("id", `Deleted items can be restored for ${RESTORE_WINDOW_DAYS} days; this one was deleted earlier.`);
    }
    await tx.annotation.update({ where: { id: annotation.id }, data: { deletedAt: null, deletedById: null, version: { increment: 1 } } });
    await recordEvent(tx, {
      reportId: annotation.reportId,
      type: "annotation.restored",
      itemType: "annotation",
      itemId: annotation.id,
      actorId: options.userId,
      onlyUserId: audienceOf(annotation),
    });
    return currentView(tx, annotation.id);
  });
}

export interface RevisionView {
  body: string;
  claimSummary: string | null;
  editedBy: { id: string; name: string };
  replacedAt: Date;
}

/** Earlier texts of an annotation, newest first (then by id). */
export async function annotationHistory(options: { userId: string; annotationId: string; page: PageRequest }): Promise<Page<RevisionView>> {
  await getAnnotationAccessOrThrow(options);
  const keyset = newestFirst(`annotation-history:${options.annotationId}`);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const found = await db.annotationRevision.findMany({
    where: { AND: [{ annotationId: options.annotationId }, after] },
    orderBy,
    take,
    select: { id: true, body: true, claimSummary: true, createdAt: true, editedById: true },
  });
  const { items: rows, nextCursor } = keysetPage(found, keyset, options.page);
  const editors = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.editedById))] } },
    select: { id: true, name: true },
  });
  const byId = new Map(editors.map((u) => [u.id, u]));
  const items = rows.map((r) => ({
    body: r.body,
    claimSummary: r.claimSummary,
    editedBy: byId.get(r.editedById) ?? { id: r.editedById, name: "Former member" },
    replacedAt: r.createdAt,
  }));
  return { items, nextCursor };
}
