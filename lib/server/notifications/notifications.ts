import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { NotificationView } from "@/lib/domain/notifications";
import { AppError } from "@/lib/errors";
import { markdownToPlainText } from "@/lib/markdown/to-blocks";
import { annotationVisibleSql } from "../annotations/visibility";
import { reportMemberSql } from "../workspaces/access";
import { cursorAfter, keyFromCursor, scopeOf, type PageRequest } from "../pagination/page";

const EXCERPT = 160;

function cut(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

function excerpt(markdown: string): string {
  return cut(markdownToPlainText(markdown));
}

/** The notes' paragraph (or list item, quote …) that mentions the user, as plain text: what the mention said. */
function notesExcerpt(body: string, userId: string): string {
  const blocks = body.split(/\n{2,}|\n(?=\s*(?:[-*+]|\d+[.)])\s)/);
  const mentioning = blocks.find((block) => block.includes(`id="${userId}"`) || block.includes(`id='${userId}'`));
  return excerpt(mentioning ?? "");
}

/**
 * Whether the user may still see what notification `n` is about: they are a
 * member of its report's workspace and, when it is about an annotation, that
 * annotation is not deleted and is visible to them (checked when reading, not
 * only when sent). Used by the list and by the unread count alike.
 */
export function stillVisibleSql(userId: string): Prisma.Sql {
  return Prisma.sql`
    ${reportMemberSql(Prisma.sql`n.report_id`, userId)}
    AND (n.annotation_id IS NULL OR EXISTS (
      SELECT 1 FROM annotations a WHERE a.id = n.annotation_id AND a.deleted_at IS NULL AND ${annotationVisibleSql("a", userId)}))`;
}

/** A cursor's place in the list (newest first): after this creation time, then below this id. */
function afterFrom(cursor: string, scope: string): { createdAt: string; id: string } {
  const [createdAt, id] = keyFromCursor(cursor, scope, ["string", "string"]) as [string, string];
  if (Number.isNaN(Date.parse(createdAt)))
    throw new AppError("bad_request", "That cursor is not valid. Start again from the first page (without `cursor`).");
  return { createdAt, id };
}

/**
 * A page of the user's notifications, newest first (then by id), for items
 * they can still see. That check is in the SQL that cuts the page, so a page
 * is full unless it is the last. `unread` counts them all, whatever the page.
 */
export async function listNotifications(options: {
  userId: string;
  unreadOnly?: boolean;
  page: PageRequest;
}): Promise<{ notifications: NotificationView[]; unread: number; nextCursor: string | null }> {
  const { userId, page } = options;
  const scope = scopeOf(`notifications:${userId}`, { unread: options.unreadOnly ? true : undefined });
  const after = page.cursor !== undefined ? afterFrom(page.cursor, scope) : null;
  const found = await db.$queryRaw<{ id: string }[]>`
    SELECT n.id FROM notifications n
    WHERE n.user_id = ${userId}
      ${options.unreadOnly ? Prisma.sql`AND n.read_at IS NULL` : Prisma.empty}
      ${after ? Prisma.sql`AND (n.created_at, n.id) < ((${after.createdAt}::timestamptz AT TIME ZONE 'UTC'), ${after.id})` : Prisma.empty}
      AND ${stillVisibleSql(userId)}
    ORDER BY n.created_at DESC, n.id DESC
    LIMIT ${page.limit + 1}`;
  const rows = await db.notification.findMany({
    where: { id: { in: found.slice(0, page.limit).map((r) => r.id) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const last = rows.at(-1);
  const nextCursor = found.length > page.limit && last ? cursorAfter(scope, [last.createdAt.toISOString(), last.id]) : null;
  const notifications = await notificationViews(userId, rows);
  const unread = await countUnread(userId);
  return { notifications, unread, nextCursor };
}

type NotificationRow = Awaited<ReturnType<typeof db.notification.findMany>>[number];

/**
 * What the user's notifications `rows` are about, as the page and the emails show them (the sentence's
 * actor, the quote, a plain-text excerpt, the link), in the rows' order. Their visibility to the user
 * is the caller's to have checked (stillVisibleSql); a row whose item is gone is left out.
 */
export async function notificationViews(userId: string, rows: NotificationRow[]): Promise<NotificationView[]> {
  const annotationIds = rows.flatMap((r) => (r.annotationId ? [r.annotationId] : []));
  const notesReportIds = [...new Set(rows.flatMap((r) => (r.annotationId ? [] : [r.reportId])))];
  // Visibility was checked when the page was cut: these read what the page shows.
  const [annotations, replies, actors, reports, notes] = await Promise.all([
    db.annotation.findMany({
      where: { id: { in: annotationIds } },
      select: { id: true, kind: true, quote: true, verdict: true, body: true },
    }),
    db.reply.findMany({
      where: { id: { in: rows.flatMap((r) => (r.replyId ? [r.replyId] : [])) }, deletedAt: null },
      select: { id: true, body: true },
    }),
    db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.actorId))] } }, select: { id: true, name: true } }),
    db.report.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.reportId))] } },
      select: { id: true, title: true, workspace: { select: { id: true, slug: true, name: true } } },
    }),
    db.reportNotes.findMany({ where: { reportId: { in: notesReportIds } }, select: { reportId: true, body: true } }),
  ]);
  const annotationById = new Map(annotations.map((a) => [a.id, a]));
  const replyById = new Map(replies.map((r) => [r.id, r]));
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const notesByReport = new Map(notes.map((n) => [n.reportId, n.body]));

  const notifications: NotificationView[] = [];
  for (const n of rows) {
    const report = reportById.get(n.reportId);
    if (!report) continue;
    const base = `/w/${report.workspace.slug}/r/${report.id}`;
    const common = {
      id: n.id,
      type: n.type,
      actor: actorById.get(n.actorId) ?? { id: n.actorId, name: "Former member" },
      workspace: report.workspace,
      report: { id: report.id, title: report.title },
      createdAt: n.createdAt,
      readAt: n.readAt,
    };
    if (!n.annotationId) {
      notifications.push({
        ...common,
        annotation: null,
        replyId: null,
        excerpt: notesExcerpt(notesByReport.get(report.id) ?? "", userId),
        href: `${base}?panel=notes`,
      });
      continue;
    }
    const a = annotationById.get(n.annotationId);
    if (!a) continue;
    const reply = n.replyId ? replyById.get(n.replyId) : undefined;
    const target = new URLSearchParams({ annotation: a.id, ...(reply ? { reply: reply.id } : {}) });
    notifications.push({
      ...common,
      annotation: { id: a.id, kind: a.kind, quote: a.quote, verdict: a.verdict },
      replyId: reply?.id ?? null,
      excerpt: excerpt(reply?.body ?? a.body),
      href: `${base}?${target}`,
    });
  }
  return notifications;
}

/** Unread notifications about items the user can still see (the same rule as the list). */
export async function countUnread(userId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM notifications n WHERE n.user_id = ${userId} AND n.read_at IS NULL AND ${stillVisibleSql(userId)} LIMIT 1000
    ) unread`;
  return row?.n ?? 0;
}

export async function markNotificationsRead(options: {
  userId: string;
  ids?: string[];
  all?: boolean;
}): Promise<{ marked: number; unread: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId: options.userId, readAt: null, ...(options.all ? {} : { id: { in: options.ids ?? [] } }) },
    data: { readAt: new Date() },
  });
  return { marked: count, unread: await countUnread(options.userId) };
}
