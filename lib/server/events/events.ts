import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db";

/** What can happen to a report that its open pages should hear about. */
export type ReportEventType =
  | "annotation.created"
  | "annotation.updated"
  | "annotation.deleted"
  | "annotation.restored"
  | "reply.created"
  | "reply.updated"
  | "reply.deleted"
  | "reply.restored"
  | "stance.changed"
  | "verdict.changed"
  | "annotations.imported"
  | "report.imported"
  | "report.updated"
  | "report.versioned"
  | "notes.saved";

/** The channel instances tell each other about new events on; the payload is the event's id. */
export const EVENTS_CHANNEL = "marginalia_events";

export interface NewEvent {
  reportId: string;
  type: ReportEventType;
  itemType: "annotation" | "reply" | "report" | "notes";
  itemId: string;
  /** For a reply or a stance: its annotation. */
  parentId?: string | null;
  actorId: string;
  /** For an event about something private: the only user who may receive it. */
  onlyUserId?: string | null;
}

/** An event whose people are known only inside the statement: the actor (and audience) as SQL expressions. */
export type EventSql = Omit<NewEvent, "actorId" | "onlyUserId"> & { actorId: Prisma.Sql; onlyUserId: Prisma.Sql };

/**
 * The statement that records an event and announces it with NOTIFY, which
 * Postgres delivers only if (and when) the transaction commits: a rolled-back
 * change tells no one, a committed one is always in the table. RETURNING
 * calls pg_notify for the row written, so the statement also works as a
 * CTE of a larger one; `when` (a WHERE clause) can make it write nothing.
 */
export function recordEventSql(event: NewEvent | EventSql, when: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO report_events (report_id, type, item_type, item_id, parent_id, actor_id, only_user_id)
    SELECT ${event.reportId}, ${event.type}, ${event.itemType}, ${event.itemId}, ${event.parentId ?? null}, ${event.actorId}, ${event.onlyUserId ?? null}
    ${when}
    RETURNING id, pg_notify(${EVENTS_CHANNEL}, id::text)`;
}

/** Records an event in the mutation's own transaction, announced when it commits. */
export async function recordEvent(tx: Tx, event: NewEvent): Promise<void> {
  await tx.$executeRaw(recordEventSql(event));
}

/** Who may hear about an annotation (or anything under it): everyone, or its author alone when private. */
export function audienceOf(annotation: { visibility: string; authorId: string }): string | null {
  return annotation.visibility === "private" ? annotation.authorId : null;
}
