import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { markdownToPlainText } from "@/lib/markdown/to-blocks";
import { annotationVisibleWhere } from "../annotations/visibility";
import { cursorAfter, keyFromCursor, scopeOf, type PageRequest } from "../pagination/page";
import { workspaceWhere } from "../workspaces/access";
import type { NotificationKind } from "./notify";

export interface NotificationView {
  id: string;
  type: NotificationKind;
  actor: { id: string; name: string };
  workspace: { id: string; slug: string; name: string };
  report: { id: string; title: string };
  annotation: { id: string; kind: string; quote: string; verdict: string };
  replyId: string | null;
  /** A plain-text excerpt of what was written: never HTML. */
  excerpt: string;
  /** Where the item is: the reader, scrolled to it. */
  href: string;
  createdAt: Date;
  readAt: Date | null;
}

const EXCERPT = 160;

function excerpt(markdown: string): string {
  const text = markdownToPlainText(markdown);
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

/** A cursor's place in the list (newest first): after this creation time, then below this id. */
function afterFrom(cursor: string, scope: string): { createdAt: string; id: string } {
  const [createdAt, id] = keyFromCursor(cursor, scope, ["string", "string"]) as [string, string];
  if (Number.isNaN(Date.parse(createdAt))) throw new AppError("bad_request", "That cursor is not valid. Start again from the first page (without `cursor`).");
  return { createdAt, id };
}

/**
 * A page of the user's notifications, newest first (then by id), for items
 * they can still see: membership and visibility are checked again when reading,
 * not only when sent. That check is in the SQL that cuts the page, so a page is
 * full unless it is the last. `unread` counts them all, whatever the page.
 */
export async function listNotifications(options: {
  userId: string;
  unreadOnly?: boolean;
  page: PageRequest;
}): Promise<{ notifications: NotificationView[]; unread: number; nextCursor: string | null }> {
  const { userId, page } = options;
  const visible = { workspace: workspaceWhere(userId) };
  const scope = scopeOf(`notifications:${userId}`, { unread: options.unreadOnly ? true : undefined });
  const after = page.cursor !== undefined ? afterFrom(page.cursor, scope) : null;
  // The same rule as annotationVisibleWhere and workspaceWhere (and countUnread below), in SQL:
  // notifications have no relation to their annotation Prisma could filter through.
  const found = await db.$queryRaw<{ id: string }[]>`
    SELECT n.id FROM notifications n
    JOIN annotations a ON a.id = n.annotation_id
    JOIN reports r ON r.id = a.report_id
    WHERE n.user_id = ${userId}
      ${options.unreadOnly ? Prisma.sql`AND n.read_at IS NULL` : Prisma.empty}
      ${after ? Prisma.sql`AND (n.created_at, n.id) < ((${after.createdAt}::timestamptz AT TIME ZONE 'UTC'), ${after.id})` : Prisma.empty}
      AND a.deleted_at IS NULL
      AND (a.visibility = 'workspace' OR a.author_id = ${userId})
      AND EXISTS (SELECT 1 FROM memberships m WHERE m.workspace_id = r.workspace_id AND m.user_id = ${userId})
    ORDER BY n.created_at DESC, n.id DESC
    LIMIT ${page.limit + 1}`;
  const rows = await db.notification.findMany({
    where: { id: { in: found.slice(0, page.limit).map((r) => r.id) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const last = rows.at(-1);
  const nextCursor = found.length > page.limit && last ? cursorAfter(scope, [last.createdAt.toISOString(), last.id]) : null;
  const annotations = await db.annotation.findMany({
    where: { id: { in: rows.map((r) => r.annotationId) }, deletedAt: null, report: visible, ...annotationVisibleWhere(userId) },
    select: {
      id: true,
      kind: true,
      quote: true,
      verdict: true,
      body: true,
      report: { select: { id: true, title: true, workspace: { select: { id: true, slug: true, name: true } } } },
    },
  });
  const replies = await db.reply.findMany({ where: { id: { in: rows.flatMap((r) => (r.replyId ? [r.replyId] : [])) }, deletedAt: null }, select: { id: true, body: true } });
  const actors = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.actorId))] } }, select: { id: true, name: true } });
  const annotationById = new Map(annotations.map((a) => [a.id, a]));
  const replyById = new Map(replies.map((r) => [r.id, r]));
  const actorById = new Map(actors.map((a) => [a.id, a]));

  const notifications: NotificationView[] = [];
  for (const n of rows) {
    const a = annotationById.get(n.annotationId);
    if (!a) continue;
    const reply = n.replyId ? replyById.get(n.replyId) : undefined;
    const target = new URLSearchParams({ annotation: a.id, ...(reply ? { reply: reply.id } : {}) });
    notifications.push({
      id: n.id,
      type: n.type,
      actor: actorById.get(n.actorId) ?? { id: n.actorId, name: "Former member" },
      workspace: a.report.workspace,
      report: { id: a.report.id, title: a.report.title },
      annotation: { id: a.id, kind: a.kind, quote: a.quote, verdict: a.verdict },
      replyId: reply?.id ?? null,
      excerpt: excerpt(reply?.body ?? a.body),
      href: `/w/${a.report.workspace.slug}/r/${a.report.id}?${target}`,
      createdAt: n.createdAt,
      readAt: n.readAt,
    });
  }
  const unread = await countUnread(userId);
  return { notifications, unread, nextCursor };
}

/** Unread notifications about items the user can still see (the same rule as the list). */
export async function countUnread(userId: string): Promise<number> {
  const unread = await db.notification.findMany({ where: { userId, readAt: null }, select: { annotationId: true }, take: 1000 });
  if (unread.length === 0) return 0;
  const visible = await db.annotation.findMany({
    where: { id: { in: [...new Set(unread.map((n) => n.annotationId))] }, deletedAt: null, report: { workspace: workspaceWhere(userId) }, ...annotationVisibleWhere(userId) },
    select: { id: true },
  });
  const ids = new Set(visible.map((a) => a.id));
  return unread.filter((n) => ids.has(n.annotationId)).length;
}

export async function markNotificationsRead(options: { userId: string; ids?: string[]; all?: boolean }): Promise<{ marked: number; unread: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId: options.userId, readAt: null, ...(options.all ? {} : { id: { in: options.ids ?? [] } }) },
    data: { readAt: new Date() },
  });
  return { marked: count, unread: await countUnread(options.userId) };
}
