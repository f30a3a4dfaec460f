import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { annotationVisibleSql } from "../annotations/visibility";
import { membershipJoinSql } from "../workspaces/access";
import { ASSIGNEE_MIN_ROLE } from "@/lib/domain/assignments";

/**
 * Reminds assignees of threads that are due soon: one `due_soon` notification
 * per thread, once. Meant to run hourly (a scheduled job); returns how many
 * were sent.
 *
 * Due soon means: the thread's due date is tomorrow or today, in UTC days
 * (lib/domain/assignments.ts). So the reminder comes on the day before the
 * due date, within the hour after midnight UTC when the job runs hourly; a
 * thread assigned (or given a new date) within that window is reminded at the
 * next run; a date already past is overdue and gets no reminder (the card and
 * My work say "Overdue" instead). "Once": `due_soon_notified_at` is set in the
 * same statement, and only a new assignee or a new due date puts it back to
 * null (see planAssignment).
 *
 * Only for threads the assignee can still act on: open, not deleted, the
 * assignee still a member with at least the annotator role, and the annotation
 * visible to them (shared, or their own). One statement: two instances
 * running it at once remind nobody twice (the second waits for the first's
 * rows and then finds them marked).
 */
export async function remindDueSoon(now: Date = new Date()): Promise<number> {
  const today = Prisma.sql`(${now}::timestamptz AT TIME ZONE 'UTC')::date`;
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH due AS (
      UPDATE annotations a
      SET due_soon_notified_at = now() AT TIME ZONE 'UTC'
      FROM reports r
      WHERE r.id = a.report_id
        AND EXISTS (SELECT 1 FROM reports w ${membershipJoinSql(Prisma.sql`w.workspace_id`, Prisma.sql`a.assignee_id`, ASSIGNEE_MIN_ROLE)} WHERE w.id = a.report_id)
        AND a.assignee_id IS NOT NULL AND a.status = 'open' AND a.deleted_at IS NULL
        AND a.due_soon_notified_at IS NULL
        AND a.due_at BETWEEN ${today} AND ${today} + 1
        AND ${annotationVisibleSql("a", Prisma.sql`a.assignee_id`)}
      RETURNING a.id, a.report_id, r.workspace_id, a.assignee_id, a.assigned_by_id
    )
    INSERT INTO notifications (id, user_id, type, actor_id, workspace_id, report_id, annotation_id, created_at)
    -- The actor is who assigned it (the reminder is on their behalf), or the assignee when that account is gone.
    SELECT gen_random_uuid()::text, d.assignee_id, 'due_soon'::"NotificationType", COALESCE(u.id, d.assignee_id), d.workspace_id, d.report_id, d.id,
           now() AT TIME ZONE 'UTC'
    FROM due d LEFT JOIN users u ON u.id = d.assigned_by_id
    RETURNING id`);
  return rows.length;
}
