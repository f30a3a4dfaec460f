/**
 * Assigned threads, in the domain's words: who may be assigned, when a thread
 * is overdue, and how a due date reads. Client and server both import these.
 *
 * A due date is a calendar day ("YYYY-MM-DD"), read in UTC everywhere (the
 * server's reminder, the overdue flag, the list's order): a thread due on
 * 12 December is due by the end of that day and overdue from 13 December.
 */
import { roleAtLeast, type AnnotationKindName, type AnnotationStatusName, type RoleName } from "./words";

/** The least role an assignee must have: a viewer reads, and cannot be given work. */
export const ASSIGNEE_MIN_ROLE: RoleName = "annotator";

export function canBeAssigned(role: RoleName): boolean {
  return roleAtLeast(role, ASSIGNEE_MIN_ROLE);
}

/** Today's date in UTC, as "YYYY-MM-DD". */
export function utcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The day after `day` ("YYYY-MM-DD"). */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return utcDay(d);
}

/** Open, with a due date before today: done threads are never overdue. */
export function isOverdue(a: { status: AnnotationStatusName; dueAt: string | null }, today: string = utcDay()): boolean {
  return a.status === "open" && a.dueAt !== null && a.dueAt < today;
}

const LABEL = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "12 Dec 2026". */
export function dueDateLabel(dueAt: string): string {
  return LABEL.format(new Date(`${dueAt}T00:00:00Z`));
}

/** What a card or a list says about a due date: "Due 12 Dec 2026", "Due today", "Due tomorrow". */
export function dueSentence(dueAt: string, today: string = utcDay()): string {
  if (dueAt === today) return "Due today";
  if (dueAt === nextDay(today)) return "Due tomorrow";
  return `Due ${dueDateLabel(dueAt)}`;
}

/** My work's two lists: threads still to do, and threads done (resolved). */
export const ASSIGNMENT_TABS = ["open", "done"] as const;
export type AssignmentTab = (typeof ASSIGNMENT_TABS)[number];

/** One of a person's assigned threads, as GET /me/assignments gives it. */
export interface AssignmentView {
  /** The annotation's id. */
  id: string;
  kind: AnnotationKindName;
  status: AnnotationStatusName;
  quote: string;
  /** The first words of the body, as plain text. */
  excerpt: string;
  passageIndex: number;
  report: { id: string; title: string };
  workspace: { id: string; slug: string; name: string };
  assignedBy: { id: string; name: string } | null;
  assignedAt: Date | null;
  dueAt: string | null;
  overdue: boolean;
  resolvedAt: Date | null;
  /** The thread in the reader. */
  href: string;
}

/**
 * The events a thread's assignment records (lib/server/assignments): given, given to someone else,
 * taken back, its due date changed, done (an assigned thread resolved, instead of annotation.resolved),
 * and taken back because the assignee left the workspace or became a viewer. One list for the event
 * type, the activity feed and the live reader.
 */
export const ASSIGNMENT_EVENTS = [
  "assignment.assigned",
  "assignment.reassigned",
  "assignment.unassigned",
  "assignment.due_changed",
  "assignment.completed",
  "assignment.member_removed",
  "assignment.member_demoted",
] as const;
export type AssignmentEvent = (typeof ASSIGNMENT_EVENTS)[number];

export function isAssignmentEvent(type: string): type is AssignmentEvent {
  return (ASSIGNMENT_EVENTS as readonly string[]).includes(type);
}
