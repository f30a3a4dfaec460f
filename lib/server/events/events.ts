import "server-only";
import type { AssignmentEvent } from "@/lib/domain/assignments";
import { Prisma } from "@/generated/prisma/client";
import { sqlQuery, type Tx } from "@/lib/db";
import { batcher } from "@/lib/async/batcher";

/** What can happen to a report that its open pages should hear about. */
export type ReportEventType =
  | "annotation.created"
  | "annotation.updated"
  // A thread's status changed (and nothing else, or besides an annotation.updated).
  | "annotation.resolved"
  | "annotation.reopened"
  | "annotation.deleted"
  | "annotation.restored"
  | "reply.created"
  | "reply.updated"
  | "reply.deleted"
  | "reply.restored"
  | "stance.changed"
  | "verdict.changed"
  // A thread's assignment (lib/domain/assignments.ts, ASSIGNMENT_EVENTS).
  | AssignmentEvent
  | "annotations.imported"
  | "report.imported"
  | "report.updated"
  | "report.versioned"
  | "notes.saved"
  // A read-only link to the report was made or revoked (lib/server/share-links).
  | "share_link.created"
  | "share_link.revoked";

/** The channel instances tell each other about new events on; the payload is an event's id, or several, comma-separated. */
export const EVENTS_CHANNEL = "marginalia_events";

export interface NewEvent {
  reportId: string;
  type: ReportEventType;
  itemType: "annotation" | "reply" | "report" | "notes" | "share_link";
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
export function recordEventSql(
  event: NewEvent | EventSql,
  when: Prisma.Sql = Prisma.empty,
  options: { announce: "on-commit" | "by-caller" } = { announce: "on-commit" },
): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO report_events (report_id, type, item_type, item_id, parent_id, actor_id, only_user_id)
    SELECT ${event.reportId}, ${event.type}, ${event.itemType}, ${event.itemId}, ${event.parentId ?? null}, ${event.actorId}, ${event.onlyUserId ?? null}
    ${when}
    RETURNING id${options.announce === "on-commit" ? Prisma.sql`, pg_notify(${EVENTS_CHANNEL}, id::text)` : Prisma.empty}`;
}

/**
 * Announces events written without NOTIFY (`announce: "by-caller"`), once
 * their statement has committed: the ids are gathered and go out together,
 * comma-separated, in one NOTIFY on the next turn of the event loop. At most
 * one NOTIFY is in flight: ids that come meanwhile wait for it and go out
 * together in the next, so the busier the server, the bigger the batches
 * (see `batcher`).
 *
 * Why: a transaction that notifies takes a database-wide lock when it
 * commits and holds it until its commit is on disk, so notifying writes
 * commit one at a time. Annotations written at concurrency 16 went at about
 * 1,300 statements a second with NOTIFY inside and 2,000–2,700 without
 * (Postgres's CPU per statement 0.78 ms against 0.45–0.53 ms, a raw INSERT's
 * level). A NOTIFY is a transaction of its own: sent on every turn of the
 * event loop, there was one for every two annotations at that load. The
 * cost: should the process stop between the commit and the NOTIFY, streams
 * learn of those events only when they next read the table.
 */
export const announceLater: (eventId: string) => void = batcher(
  (ids) => sqlQuery({ text: "SELECT pg_notify($1, $2)", values: [EVENTS_CHANNEL, ids.join(",")] }, { prepare: "events-announce" }),
  // A payload holds at most 8,000 bytes: ids go 400 to a notification.
  { maxBatch: 400, onError: (e) => console.error("Could not announce events; streams will read them from the table", e) },
);

/** Records an event in the mutation's own transaction, announced when it commits. */
export async function recordEvent(tx: Tx, event: NewEvent): Promise<void> {
  await tx.$executeRaw(recordEventSql(event));
}

/** Who may hear about an annotation (or anything under it): everyone, or its author alone when private. */
export function audienceOf(annotation: { visibility: string; authorId: string }): string | null {
  return annotation.visibility === "private" ? annotation.authorId : null;
}
