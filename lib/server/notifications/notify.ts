import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { prismaSql, type Sql } from "@/lib/db/sql-runner";
import type { NotificationKind } from "@/lib/domain/notifications";
import { newMentionIds } from "@/lib/markdown/mentions";

export interface NotifyOptions {
  type: NotificationKind;
  actorId: string;
  workspaceId: string;
  reportId: string;
  /** What it is about: an annotation, or none for the team notes (which are the report's). */
  annotationId: string | null;
  replyId?: string;
  recipientIds: string[];
  /**
   * Leave out people who had a notification of this type about this report
   * from this actor within this many minutes: a burst of saves is one event.
   */
  quietMinutes?: number;
}

/** A value of the statement: given, or worked out by the statement it is part of (the annotation it has just written). */
type Value<T> = T | Prisma.Sql;

/**
 * The notifications statement: only members are notified, never the actor, each person once;
 * it reads the memberships itself. Also a part of the statement that writes an annotation
 * (insertAnnotationIfCurrent), whose values it can take as SQL.
 */
export function notifySql(options: {
  type: NotificationKind;
  actorId: Value<string>;
  workspaceId: Value<string>;
  reportId: Value<string>;
  annotationId: Value<string | null>;
  replyId?: string | null;
  recipientIds: string[];
  quietMinutes?: number;
}): Prisma.Sql {
  const quiet = options.quietMinutes ?? null;
  return Prisma.sql`
    INSERT INTO notifications (id, user_id, type, actor_id, workspace_id, report_id, annotation_id, reply_id, created_at)
    SELECT gen_random_uuid()::text, m.user_id, ${options.type}::"NotificationType", ${options.actorId}, ${options.workspaceId}, ${options.reportId}, ${options.annotationId}, ${options.replyId ?? null}, now() AT TIME ZONE 'UTC'
    FROM memberships m
    WHERE m.workspace_id = ${options.workspaceId} AND m.user_id = ANY(${options.recipientIds}::text[]) AND m.user_id <> ${options.actorId}
      AND (${quiet}::int IS NULL OR NOT EXISTS (
        SELECT 1 FROM notifications q
        WHERE q.user_id = m.user_id AND q.type = ${options.type}::"NotificationType" AND q.report_id = ${options.reportId} AND q.actor_id = ${options.actorId}
          AND q.created_at > now() AT TIME ZONE 'UTC' - make_interval(mins => ${quiet}::int)))
    RETURNING user_id AS "userId"`;
}

/**
 * Records notifications inside the caller's transaction (a Prisma one, or any
 * connection through `Sql`). Returns who was notified.
 */
export async function notifyWith(sql: Sql, options: NotifyOptions): Promise<string[]> {
  const recipientIds = [...new Set(options.recipientIds)].filter((id) => id !== options.actorId);
  if (recipientIds.length === 0) return [];
  const statement = notifySql({ ...options, recipientIds });
  const rows = await sql.rows<{ userId: string }>(statement.text, statement.values);
  return rows.map((r) => r.userId);
}

export function notify(tx: Tx, options: NotifyOptions): Promise<string[]> {
  return notifyWith(prismaSql(tx), options);
}

/** Saves of the team notes within this many minutes of a mention do not mention that person again. */
export const NOTES_MENTION_QUIET_MINUTES = 10;

/**
 * The team notes changed from `before` to `after`: the members the new text
 * mentions and the old one did not hear of it (see storeNotesBody, the one
 * place the notes' text is written). A burst of saves that drops a mention and
 * puts it back notifies once.
 */
export async function notifyNotesMentions(
  sql: Sql,
  input: { reportId: string; actorId: string; before: string; after: string },
): Promise<string[]> {
  const mentioned = newMentionIds(input.after, input.before);
  if (mentioned.length === 0) return [];
  const [report] = await sql.rows<{ workspaceId: string }>('SELECT workspace_id AS "workspaceId" FROM reports WHERE id = $1', [
    input.reportId,
  ]);
  if (!report) return [];
  return notifyWith(sql, {
    type: "notes_mention",
    actorId: input.actorId,
    workspaceId: report.workspaceId,
    reportId: input.reportId,
    annotationId: null,
    recipientIds: mentioned,
    quietMinutes: NOTES_MENTION_QUIET_MINUTES,
  });
}
