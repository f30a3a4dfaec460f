import { db } from "@/lib/db";
import { markdownToPlainText } from "@/lib/markdown/to-blocks";
import { annotationVisibleWhere } from "../annotations/visibility";
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

/**
 * The user's notifications, newest first, for items they can still see
 * (membership and visibility are checked again when reading, not only when sent).
 */
export async function listNotifications(options: { userId: string; unreadOnly?: boolean; limit?: number }): Promise<{ notifications: NotificationView[]; unread: number }> {
  const visible = { workspace: workspaceWhere(options.userId) };
  const rows = await db.notification.findMany({
    where: { userId: options.userId, ...(options.unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? 50, 200),
  });
  const annotations = await db.annotation.findMany({
    where: { id: { in: rows.map((r) => r.annotationId) }, deletedAt: null, report: visible, ...annotationVisibleWhere(options.userId) },
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
  const unread = await countUnread(options.userId);
  return { notifications, unread };
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
