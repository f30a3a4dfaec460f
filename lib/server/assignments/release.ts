import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { EVENTS_CHANNEL } from "../events/events";

/** Why a member's threads were given back: they left (or were removed), or became a viewer. */
export type ReleaseReason = "member_removed" | "member_demoted";

/**
 * Unassigns a member's open threads in a workspace, inside the caller's
 * transaction (removing the member, or making them a viewer), and records in
 * Activity, for each thread still shown, that it was unassigned and why.
 * Done (resolved) threads keep their assignee: who completed the work stays
 * true. Deleted ones are unassigned too, so a restore brings back no
 * assignment to someone who cannot take it. Returns how many were released.
 */
export async function releaseAssignments(
  tx: Tx,
  options: { workspaceId: string; memberId: string; actorId: string; reason: ReleaseReason },
): Promise<number> {
  const type = `assignment.${options.reason}`;
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH released AS (
      UPDATE annotations a
      SET assignee_id = NULL, assigned_by_id = NULL, assigned_at = NULL, due_at = NULL, due_soon_notified_at = NULL,
          version = a.version + 1, updated_at = now() AT TIME ZONE 'UTC'
      FROM reports r
      WHERE r.id = a.report_id AND r.workspace_id = ${options.workspaceId}
        AND a.assignee_id = ${options.memberId} AND a.status = 'open'
      RETURNING a.id, a.report_id, a.author_id, a.visibility, a.deleted_at
    ), recorded AS (
      INSERT INTO report_events (report_id, type, item_type, item_id, parent_id, actor_id, only_user_id)
      SELECT report_id, ${type}, 'annotation', id, NULL, ${options.actorId}, CASE WHEN visibility = 'private' THEN author_id END
      FROM released WHERE deleted_at IS NULL
      RETURNING id, pg_notify(${EVENTS_CHANNEL}, id::text)
    )
    -- A data-modifying WITH runs to completion whether or not it is read: every event is written.
    SELECT id FROM released`);
  return rows.length;
}
