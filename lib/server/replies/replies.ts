import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { extractMentions, newMentionIds } from "@/lib/markdown/mentions";
import { getAnnotationAccessOrThrow } from "../annotations/access";
import { checkBodySize } from "../annotations/annotations";
import { restoreDeadline, RESTORE_WINDOW_DAYS } from "../annotations/edit-annotation";
import { annotationVisibleWhere } from "../annotations/visibility";
import { notify } from "../notifications/notify";
import { hasRole, reportWhere, requireRole } from "../workspaces/access";
import { audienceOf, recordEvent } from "../events/events";
import { keysetArgs, newestFirst, keysetPage, mapPage, type Keyset } from "../pagination/keyset";
import type { Page, PageRequest } from "../pagination/page";

export interface ReplyView {
  id: string;
  annotationId: string;
  author: { id: string; name: string };
  /** Empty for a deleted reply: the thread keeps a placeholder in its place. */
  body: string;
  deleted: boolean;
  deletedAt: Date | null;
  version: number;
  editedAt: Date | null;
  /** Who wrote it in the tool it was imported from, when that person is not a member. */
  importedCreator: string | null;
  createdAt: Date;
}

const select = {
  id: true,
  annotationId: true,
  body: true,
  deletedAt: true,
  version: true,
  editedAt: true,
  importedCreator: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.ReplySelect;

function toView(row: Prisma.ReplyGetPayload<{ select: typeof select }>): ReplyView {
  const deleted = row.deletedAt !== null;
  // Field by field: rows read for a page carry their sort key (seq) too, which is not part of the view.
  return {
    id: row.id,
    annotationId: row.annotationId,
    body: deleted ? "" : row.body,
    deletedAt: row.deletedAt,
    version: row.version,
    editedAt: row.editedAt,
    importedCreator: row.importedCreator,
    createdAt: row.createdAt,
    author: row.author,
    deleted,
  };
}

function requireText(body: string): string {
  const text = body.trim();
  if (!text)
    throw new AppError("validation_failed", "Write a reply first.", { issues: [{ path: "body", message: "Write a reply first." }] });
  checkBodySize(text, "The reply");
  return text;
}

/** In the order they were written: `seq` is unique, and the id makes that plain to the keyset. */
const repliesKeyset = (annotationId: string): Keyset => ({
  scope: `replies:${annotationId}`,
  order: [
    ["seq", "asc", "number"],
    ["id", "asc", "string"],
  ],
});

export async function listReplies(options: { userId: string; annotationId: string; page: PageRequest }): Promise<Page<ReplyView>> {
  await getAnnotationAccessOrThrow(options);
  const keyset = repliesKeyset(options.annotationId);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const rows = await db.reply.findMany({
    where: { AND: [{ annotationId: options.annotationId }, after] },
    orderBy,
    take,
    select: { ...select, seq: true },
  });
  return mapPage(keysetPage(rows, keyset, options.page), toView);
}

/**
 * Adds a reply. Everyone taking part in the thread hears of it; people
 * mentioned in the reply get a mention instead.
 */
export async function createReply(options: { userId: string; annotationId: string; body: string }): Promise<ReplyView> {
  return db.$transaction(async (tx) => {
    const { annotation, role, workspaceId } = await getAnnotationAccessOrThrow(options, tx);
    requireRole(role, "annotator", "reply");
    const body = requireText(options.body);
    const row = await tx.reply.create({ data: { annotationId: annotation.id, authorId: options.userId, body }, select });
    await recordEvent(tx, {
      reportId: annotation.reportId,
      type: "reply.created",
      itemType: "reply",
      itemId: row.id,
      parentId: annotation.id,
      actorId: options.userId,
      onlyUserId: audienceOf(annotation),
    });
    // A private note's thread is its author's alone: nobody else can read it, so nobody else hears of it.
    if (annotation.visibility === "private") return toView(row);
    const mentioned = newMentionIds(body);
    const base = { actorId: options.userId, workspaceId, reportId: annotation.reportId, annotationId: annotation.id, replyId: row.id };
    await notify(tx, { ...base, type: "mention", recipientIds: mentioned });
    // Everyone taking part: the author, earlier repliers, those who took a stance and those the annotation mentions.
    const repliers = await tx.reply.findMany({
      where: { annotationId: annotation.id, deletedAt: null },
      distinct: ["authorId"],
      select: { authorId: true },
    });
    const stances = await tx.claimStance.findMany({ where: { annotationId: annotation.id }, select: { userId: true } });
    const threadPeople = [
      annotation.authorId,
      ...repliers.map((p) => p.authorId),
      ...stances.map((s) => s.userId),
      ...extractMentions(annotation.body).map((m) => m.id),
    ].filter((id) => !mentioned.includes(id));
    await notify(tx, { ...base, type: "reply", recipientIds: threadPeople });
    return toView(row);
  });
}

async function replyAccessOrThrow(tx: Tx, userId: string, replyId: string) {
  const reply = await tx.reply.findFirst({
    where: { id: replyId, annotation: { report: reportWhere(userId), ...annotationVisibleWhere(userId), deletedAt: null } },
    select: { id: true, authorId: true, annotationId: true, body: true, version: true, deletedAt: true },
  });
  if (!reply) throw notFound("That reply");
  const { role, annotation, workspaceId } = await getAnnotationAccessOrThrow({ userId, annotationId: reply.annotationId }, tx);
  return { reply, role, annotation, workspaceId };
}

export async function updateReply(options: { userId: string; replyId: string; body: string; version: number }): Promise<ReplyView> {
  return db.$transaction(async (tx) => {
    const { reply, role, annotation, workspaceId } = await replyAccessOrThrow(tx, options.userId, options.replyId);
    requireRole(role, "annotator", "edit replies");
    const body = requireText(options.body);
    if (reply.authorId !== options.userId) throw new AppError("forbidden", "Only the author can edit a reply.");
    if (reply.deletedAt) throw new AppError("conflict", "This reply was deleted. Restore it before editing.");
    const stale = async (): Promise<never> => {
      const current = toView(await tx.reply.findUniqueOrThrow({ where: { id: reply.id }, select }));
      throw new AppError("conflict", "This reply changed after you opened it. Review the current version and try again.", { current });
    };
    if (reply.version !== options.version) await stale();
    if (body === reply.body) return toView(await tx.reply.findUniqueOrThrow({ where: { id: reply.id }, select }));
    const { count } = await tx.reply.updateMany({
      where: { id: reply.id, version: options.version },
      data: { body, version: { increment: 1 }, editedAt: new Date() },
    });
    if (count === 0) await stale();
    await tx.replyRevision.create({ data: { replyId: reply.id, body: reply.body, editedById: options.userId } });
    if (annotation.visibility === "workspace") {
      await notify(tx, {
        type: "mention",
        actorId: options.userId,
        workspaceId,
        reportId: annotation.reportId,
        annotationId: annotation.id,
        replyId: reply.id,
        recipientIds: newMentionIds(body, reply.body),
      });
    }
    await recordEvent(tx, {
      reportId: annotation.reportId,
      type: "reply.updated",
      itemType: "reply",
      itemId: reply.id,
      parentId: annotation.id,
      actorId: options.userId,
      onlyUserId: audienceOf(annotation),
    });
    return toView(await tx.reply.findUniqueOrThrow({ where: { id: reply.id }, select }));
  });
}

async function setDeleted(options: { userId: string; replyId: string }, deleted: boolean): Promise<ReplyView> {
  return db.$transaction(async (tx) => {
    const { reply, role, annotation } = await replyAccessOrThrow(tx, options.userId, options.replyId);
    requireRole(role, "annotator", deleted ? "delete replies" : "restore replies");
    if (reply.authorId !== options.userId && !hasRole(role, "editor")) {
      throw new AppError("forbidden", `Only the author or an editor can ${deleted ? "delete" : "restore"} this reply.`);
    }
    if (deleted && reply.deletedAt) throw new AppError("conflict", "This reply is already deleted.");
    if (!deleted) {
      if (!reply.deletedAt) throw new AppError("conflict", "This reply is not deleted.");
      if (restoreDeadline(reply.deletedAt) < new Date()) {
        throw invalidField("id", `Deleted replies can be restored for ${RESTORE_WINDOW_DAYS} days; this one was deleted earlier.`);
      }
    }
    const row = await tx.reply.update({
      where: { id: reply.id },
      data: deleted
        ? { deletedAt: new Date(), deletedById: options.userId, version: { increment: 1 } }
        : { deletedAt: null, deletedById: null, version: { increment: 1 } },
      select,
    });
    await recordEvent(tx, {
      reportId: annotation.reportId,
      type: deleted ? "reply.deleted" : "reply.restored",
      itemType: "reply",
      itemId: reply.id,
      parentId: annotation.id,
      actorId: options.userId,
      onlyUserId: audienceOf(annotation),
    });
    return toView(row);
  });
}

export const deleteReply = (options: { userId: string; replyId: string }) => setDeleted(options, true);
export const restoreReply = (options: { userId: string; replyId: string }) => setDeleted(options, false);

/** Earlier texts of a reply, newest first (then by id); a deleted reply shows none. */
export async function replyHistory(options: {
  userId: string;
  replyId: string;
  page: PageRequest;
}): Promise<Page<{ body: string; replacedAt: Date }>> {
  const { reply } = await db.$transaction((tx) => replyAccessOrThrow(tx, options.userId, options.replyId));
  if (reply.deletedAt) return { items: [], nextCursor: null };
  const keyset = newestFirst(`reply-history:${reply.id}`);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const rows = await db.replyRevision.findMany({
    where: { AND: [{ replyId: reply.id }, after] },
    orderBy,
    take,
    select: { id: true, body: true, createdAt: true },
  });
  return mapPage(keysetPage(rows, keyset, options.page), (r) => ({ body: r.body, replacedAt: r.createdAt }));
}
