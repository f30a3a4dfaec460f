import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { ActivityPage } from "@/lib/domain/activity";
import { AppError, invalidField } from "@/lib/errors";
import { ACTIVITY_PAGE_DEFAULT, ACTIVITY_PAGE_MAX } from "@/lib/validations/activity";
import { annotationVisibleSql } from "../annotations/visibility";
import { getReportAccessOrThrow, getWorkspaceAccessOrThrow } from "../workspaces/access";
import { decodeCursor, encodeCursor } from "../pagination/cursor";
import { toActivityItems, type EventRow } from "./to-activity-items";

/**
 * Repeats of these by one member on one item within this window show once, as
 * the latest: a session of saving team notes or polishing a comment is one
 * thing that happened, not dozens.
 */
const COLLAPSED_TYPES = ["notes.saved", "annotation.updated", "reply.updated"];
const COLLAPSE_WINDOW = "10 minutes";
/** How many of the report's next events are looked at for a repeat: bounds the cost of a deep page. */
const COLLAPSE_LOOKAHEAD = 100;

interface Scope {
  workspaceId: string;
  slug: string;
  reportId: string | null;
  /** What a cursor is bound to: a cursor of one feed is refused by every other. */
  key: string;
}

async function resolveScope(options: { userId: string; workspaceIdOrSlug?: string; reportId?: string }): Promise<Scope> {
  if (options.reportId !== undefined && options.workspaceIdOrSlug === undefined) {
    const { report } = await getReportAccessOrThrow({ userId: options.userId, reportId: options.reportId });
    const { slug } = await db.workspace.findUniqueOrThrow({ where: { id: report.workspaceId }, select: { slug: true } });
    return { workspaceId: report.workspaceId, slug, reportId: report.id, key: `report:${report.id}` };
  }
  if (options.workspaceIdOrSlug !== undefined && options.reportId === undefined) {
    const { workspace } = await getWorkspaceAccessOrThrow({ userId: options.userId, workspaceIdOrSlug: options.workspaceIdOrSlug });
    return { workspaceId: workspace.id, slug: workspace.slug, reportId: null, key: `workspace:${workspace.id}` };
  }
  throw new Error("listActivity needs either a workspace or a report");
}

/** The id to continue below, from a cursor this same feed (scope and member filter) handed out. */
function afterIdFrom(cursor: string, scope: Scope, actorId: string | null): bigint {
  const payload = decodeCursor(cursor);
  if (payload.v !== 1 || typeof payload.after !== "string" || !/^\d{1,18}$/.test(payload.after)) {
    throw new AppError("bad_request", "That cursor is not valid. Start again from the first page (without `cursor`).");
  }
  if (payload.scope !== scope.key || payload.actor !== actorId) {
    throw new AppError(
      "bad_request",
      "That cursor belongs to another feed (another workspace, report or member filter). Start again from the first page.",
    );
  }
  return BigInt(payload.after);
}

/**
 * A page of what happened in a workspace or one report, newest first: events
 * of its reports, never one about another member's private annotation (nor a
 * reply or stance under it). Keyset pagination on the event id, so a page
 * holds still while new events arrive above it.
 */
export async function listActivity(options: {
  userId: string;
  workspaceIdOrSlug?: string;
  reportId?: string;
  actorId?: string;
  limit?: number;
  cursor?: string;
}): Promise<ActivityPage> {
  const limit = options.limit ?? ACTIVITY_PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > ACTIVITY_PAGE_MAX) {
    throw invalidField("limit", `limit must be a whole number from 1 to ${ACTIVITY_PAGE_MAX}.`);
  }
  const scope = await resolveScope(options);
  const actorId = options.actorId ?? null;
  const afterId = options.cursor !== undefined ? afterIdFrom(options.cursor, scope, actorId) : null;
  const { userId } = options;

  const rows = await db.$queryRaw<EventRow[]>`
    SELECT x.* FROM reports r
    -- Each report's newest events by its (report_id, id) index, merged: a page costs the same
    -- however much history the workspace, or any other workspace, has.
    CROSS JOIN LATERAL (
      SELECT e.id, e.report_id AS "reportId", e.type, e.item_type AS "itemType", e.item_id AS "itemId",
             e.parent_id AS "parentId", e.actor_id AS "actorId", e.created_at AS "createdAt"
      FROM report_events e
      LEFT JOIN annotations a ON a.id = CASE WHEN e.item_type = 'annotation' THEN e.item_id WHEN e.item_type = 'reply' THEN e.parent_id END
      WHERE e.report_id = r.id
        ${actorId ? Prisma.sql`AND e.actor_id = ${actorId}` : Prisma.empty}
        ${afterId !== null ? Prisma.sql`AND e.id < ${afterId}` : Prisma.empty}
        AND (e.only_user_id IS NULL OR e.only_user_id = ${userId})
        -- The annotation as it is now, too: the event's audience is a copy, the annotation is the truth.
        AND (a.id IS NULL OR ${annotationVisibleSql("a", userId)})
        AND NOT (
          e.type = ANY(${COLLAPSED_TYPES}::text[]) AND EXISTS (
            -- The next events after this one in (report_id, id) order: written as a row comparison so
            -- the scan starts right there, and only that index can serve it. Past the report's last
            -- event come other reports' rows, which the report_id test below leaves out.
            SELECT 1 FROM (
              SELECT n.report_id, n.type, n.item_id, n.actor_id, n.created_at, n.only_user_id FROM report_events n
              WHERE (n.report_id, n.id) > (e.report_id, e.id) ORDER BY n.report_id, n.id LIMIT ${COLLAPSE_LOOKAHEAD}
            ) n
            WHERE n.report_id = e.report_id AND n.type = e.type AND n.item_id = e.item_id AND n.actor_id IS NOT DISTINCT FROM e.actor_id
              AND n.created_at <= e.created_at + ${COLLAPSE_WINDOW}::interval
              AND (n.only_user_id IS NULL OR n.only_user_id = ${userId})))
      ORDER BY e.id DESC
      LIMIT ${limit + 1}
    ) x
    WHERE r.workspace_id = ${scope.workspaceId}
      ${scope.reportId ? Prisma.sql`AND r.id = ${scope.reportId}` : Prisma.empty}
    ORDER BY x.id DESC
    LIMIT ${limit + 1}`;

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ v: 1, scope: scope.key, actor: actorId, after: last.id.toString() }) : null;
  return { items: await toActivityItems(page, scope), nextCursor };
}
