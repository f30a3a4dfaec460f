import "server-only";
import { ASSIGNMENT_EVENTS } from "@/lib/domain/assignments";
import { db } from "@/lib/db";
import type { ActivityItem } from "@/lib/domain/activity";
import type { StanceName } from "@/lib/domain/words";
import type { StoredEvent } from "../events/bus";
import { describeEvent, hrefOf, type EventFacts } from "./describe";

/** A row of report_events, as the feed's query reads it (who may see it is already settled). */
export type EventRow = Omit<StoredEvent, "onlyUserId">;

/** Names, titles, annotations and stances for a whole page in a handful of queries, whatever its size. */
export async function toActivityItems(rows: EventRow[], scope: { workspaceId: string; slug: string }): Promise<ActivityItem[]> {
  if (rows.length === 0) return [];
  const annotationIdOf = (e: EventRow) => (e.itemType === "annotation" ? e.itemId : e.itemType === "reply" ? e.parentId : null);
  const unique = <T>(values: (T | null)[]) => [...new Set(values.filter((v): v is T => v !== null))];
  const actorIds = unique(rows.map((e) => e.actorId));
  const reportIds = unique(rows.map((e) => e.reportId));
  const annotationIds = unique(rows.map(annotationIdOf));
  const stanceIds = unique(rows.map((e) => (e.type === "stance.changed" ? e.itemId : null)));
  const stateful = rows.filter(
    (e) => e.type === "stance.changed" || e.type === "verdict.changed" || e.type === "report.versioned" || isAssignmentState(e.type),
  );

  const [users, reports, annotations, stances, newer] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
    db.report.findMany({
      where: { id: { in: reportIds }, workspaceId: scope.workspaceId },
      select: { id: true, title: true, version: true },
    }),
    db.annotation.findMany({
      where: { id: { in: annotationIds }, reportId: { in: reportIds } },
      select: {
        id: true,
        kind: true,
        verdict: true,
        deletedAt: true,
        dueAt: true,
        assignee: { select: { name: true } },
        passage: { select: { index: true } },
      },
    }),
    stanceIds.length
      ? db.claimStance.findMany({
          where: { annotationId: { in: stanceIds }, userId: { in: actorIds } },
          select: { annotationId: true, userId: true, stance: true },
        })
      : [],
    newerCounts(stateful),
  ]);

  const userById = new Map(users.map((u) => [u.id, u]));
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const annotationById = new Map(annotations.map((a) => [a.id, a]));
  const stanceOf = new Map(stances.map((s) => [`${s.annotationId}/${s.userId}`, s.stance as StanceName]));

  return rows.map((e) => {
    const actor = e.actorId ? (userById.get(e.actorId) ?? null) : null;
    const report = reportById.get(e.reportId) ?? { id: e.reportId, title: "A report", version: null };
    const row = annotationById.get(annotationIdOf(e) ?? "");
    const later = newer.get(e.id) ?? 0;
    const facts: EventFacts = {
      type: e.type,
      itemType: e.itemType,
      reportId: e.reportId,
      slug: scope.slug,
      actorName: actor?.name ?? null,
      annotation: row
        ? { id: row.id, kind: row.kind, verdict: row.verdict, deleted: row.deletedAt !== null, passageIndex: row.passage.index }
        : null,
      latest: later === 0,
      stance: e.type === "stance.changed" ? (stanceOf.get(`${e.itemId}/${e.actorId}`) ?? null) : null,
      // Versions are numbered in the order their events were recorded (the report row is locked meanwhile).
      version: e.type === "report.versioned" && report.version !== null ? report.version - later : null,
      assignment:
        row && isAssignmentState(e.type)
          ? { assigneeName: row.assignee?.name ?? null, dueAt: row.dueAt ? row.dueAt.toISOString().slice(0, 10) : null }
          : null,
    };
    return {
      id: e.id.toString(),
      type: e.type,
      at: e.createdAt.toISOString(),
      actor: actor ? { id: actor.id, name: actor.name } : null,
      report: { id: report.id, title: report.title },
      workspace: { slug: scope.slug },
      item: { type: e.itemType, id: e.itemId, parentId: e.parentId },
      summary: describeEvent(facts),
      href: hrefOf(facts),
    };
  });
}

/**
 * Events that set a thread's assignment (who, and by when): one family, so any
 * later one among them means an earlier one no longer says what stands.
 */
const ASSIGNMENT_STATE: string[] = ASSIGNMENT_EVENTS.filter((type) => type !== "assignment.completed");
const isAssignmentState = (type: string) => ASSIGNMENT_STATE.includes(type);
const family = (type: string) => (isAssignmentState(type) ? "assignment" : type);

/**
 * For stance, verdict, assignment and version events: how many of the same kind came
 * after (for a stance, by the same member). None after means the current state
 * is what this event did; for a version, it counts back from the current one.
 * One read of the few such events newer than the page, for the whole page.
 */
async function newerCounts(events: EventRow[]): Promise<Map<bigint, number>> {
  if (events.length === 0) return new Map();
  const oldest = events.reduce((min, e) => (e.id < min ? e.id : min), events[0].id);
  const later = await db.$queryRaw<{ id: bigint; type: string; itemId: string; actorId: string | null }[]>`
    SELECT id, type, item_id AS "itemId", actor_id AS "actorId" FROM report_events
    WHERE report_id = ANY(${[...new Set(events.map((e) => e.reportId))]}::text[]) AND id > ${oldest}
      AND type = ANY(${[...new Set(events.flatMap((e) => (isAssignmentState(e.type) ? ASSIGNMENT_STATE : [e.type])))]}::text[]) AND item_id = ANY(${[...new Set(events.map((e) => e.itemId))]}::text[])`;
  const sameThing = (e: EventRow, n: (typeof later)[number]) =>
    n.id > e.id && family(n.type) === family(e.type) && n.itemId === e.itemId && (e.type !== "stance.changed" || n.actorId === e.actorId);
  return new Map(events.map((e) => [e.id, later.filter((n) => sameThing(e, n)).length]));
}
