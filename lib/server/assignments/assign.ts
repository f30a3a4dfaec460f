import "server-only";
import type { Tx } from "@/lib/db";
import { canBeAssigned } from "@/lib/domain/assignments";
import type { RoleName, VisibilityName } from "@/lib/domain/words";
import { invalidField } from "@/lib/errors";
import type { ReportEventType } from "../events/events";

/** A thread's assignment as stored: who, and by when ("YYYY-MM-DD" or null). */
export interface AssignmentState {
  assigneeId: string | null;
  dueAt: string | null;
}

/** What a PATCH asks of the assignment: each field left out keeps its value. */
export interface AssignmentRequest {
  assigneeId?: string | null;
  dueAt?: string | null;
}

export interface AssignmentChange {
  next: AssignmentState;
  assigneeChanged: boolean;
  dueChanged: boolean;
  /** The Activity event the change is (none when nothing changed). */
  event: ReportEventType | null;
  /** The Prisma fields to write with the edit. */
  data: Record<string, unknown>;
}

/** The day as the `date` column takes it: midnight UTC. */
export const dateColumn = (day: string | null): Date | null => (day === null ? null : new Date(`${day}T00:00:00Z`));

/**
 * The assignment after the request: unassigning clears the due date, a due
 * date needs an assignee. A new assignee or a new due date means a new
 * reminder (dueSoonNotifiedAt back to null).
 */
export function planAssignment(current: AssignmentState, request: AssignmentRequest, actorId: string, now: Date): AssignmentChange {
  const assigneeId = request.assigneeId !== undefined ? request.assigneeId : current.assigneeId;
  const dueAt = request.dueAt !== undefined ? request.dueAt : assigneeId === null ? null : current.dueAt;
  if (assigneeId === null && dueAt !== null) {
    throw invalidField("dueAt", "A due date needs an assignee: assign the thread to someone as well, or leave the date out.");
  }
  const assigneeChanged = assigneeId !== current.assigneeId;
  const dueChanged = dueAt !== current.dueAt;
  const data: Record<string, unknown> = {};
  if (assigneeChanged) {
    Object.assign(
      data,
      assigneeId === null
        ? { assigneeId: null, assignedById: null, assignedAt: null }
        : { assigneeId, assignedById: actorId, assignedAt: now },
    );
  }
  if (dueChanged) data.dueAt = dateColumn(dueAt);
  if (assigneeChanged || dueChanged) data.dueSoonNotifiedAt = null;
  const event: ReportEventType | null = assigneeChanged
    ? current.assigneeId === null
      ? "assignment.assigned"
      : assigneeId === null
        ? "assignment.unassigned"
        : "assignment.reassigned"
    : dueChanged
      ? "assignment.due_changed"
      : null;
  return { next: { assigneeId, dueAt }, assigneeChanged, dueChanged, event, data };
}

/**
 * The new assignee may take the thread: a member of its workspace with at
 * least the annotator role, and, for a private annotation, its author (nobody
 * else can see it). Their membership row is locked until the edit commits, so
 * a removal or a demotion running at the same time waits and then unassigns
 * them (see releaseAssignments): never a thread left with a viewer or a stranger.
 */
export async function checkAssignee(
  tx: Tx,
  options: { workspaceId: string; assigneeId: string; annotation: { authorId: string; visibility: VisibilityName } },
): Promise<void> {
  const [member] = await tx.$queryRaw<{ role: RoleName }[]>`
    SELECT role::text AS role FROM memberships WHERE workspace_id = ${options.workspaceId} AND user_id = ${options.assigneeId} FOR SHARE`;
  if (!member) throw invalidField("assigneeId", "That person is not a member of this workspace: only members can be assigned a thread.");
  if (!canBeAssigned(member.role)) {
    throw invalidField("assigneeId", "Viewers cannot be assigned a thread: ask an owner to make them an annotator first.");
  }
  if (options.annotation.visibility === "private" && options.assigneeId !== options.annotation.authorId) {
    throw invalidField("assigneeId", "A private annotation can only be assigned to its author: share it with the workspace first.");
  }
}
