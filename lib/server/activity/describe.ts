/**
 * How one activity event reads and where it leads: pure, so the wording is
 * unit-tested without a database. activity.ts gathers the facts.
 */

import { dueDateLabel } from "@/lib/domain/assignments";
import { VERDICTS, VERDICT_LABEL, isOneOf, type StanceName } from "@/lib/domain/words";

export interface EventFacts {
  type: string;
  itemType: string;
  reportId: string;
  slug: string;
  actorName: string | null;
  /** The annotation the event is about, or the one a reply belongs to; null when it no longer exists. */
  annotation: { id: string; kind: string; passageIndex: number | null; deleted: boolean; verdict: string } | null;
  /**
   * For stances and verdicts: whether this is the newest such event (for a
   * stance, the newest by this member), so the current state says what it did.
   */
  latest: boolean;
  /** The actor's stance on the claim now (stance events only). */
  stance: StanceName | null;
  /** The version a report.versioned event created. */
  version: number | null;
  /** For assignment events: the thread's assignment now (named only when `latest`, as for verdicts). */
  assignment?: { assigneeName: string | null; dueAt: string | null } | null;
}

const NOUN: Record<string, string> = { highlight: "a highlight", comment: "a comment", question: "a question", claim: "a claim" };

/** " on ¶ 4" */
const at = (a: NonNullable<EventFacts["annotation"]>) => (a.passageIndex === null ? "" : ` on ¶ ${a.passageIndex}`);

/** "a comment on ¶ 4" */
function thing(a: EventFacts["annotation"]): string {
  if (!a) return "an annotation";
  return `${NOUN[a.kind] ?? "an annotation"}${at(a)}`;
}

function created(a: EventFacts["annotation"]): string {
  if (!a) return "added an annotation";
  const place = a.passageIndex === null ? "" : `¶ ${a.passageIndex}`;
  switch (a.kind) {
    case "highlight":
      return place ? `highlighted ${place}` : "highlighted a passage";
    case "comment":
      return `commented${at(a)}`;
    case "question":
      return `asked a question${at(a)}`;
    case "claim":
      return `marked a claim${at(a)}`;
    default:
      return `added ${thing(a)}`;
  }
}

function stance(f: EventFacts): string {
  const claim = thing(f.annotation);
  // An older stance event: what it said then is not kept, only that there was one.
  if (!f.latest) return `took a stance on ${claim}`;
  switch (f.stance) {
    case "supports":
      return `supported ${claim}`;
    case "disputes":
      return `disputed ${claim}`;
    case "needs_evidence":
      return `asked for evidence for ${claim}`;
    default:
      return `withdrew their stance on ${claim}`;
  }
}

function verdict(f: EventFacts): string {
  const claim = thing(f.annotation);
  const name = f.annotation && isOneOf(VERDICTS, f.annotation.verdict) ? VERDICT_LABEL[f.annotation.verdict] : undefined;
  return f.latest && name ? `set the verdict of ${claim} to ${name}` : `changed the verdict of ${claim}`;
}

/** " to Dana Doe, due 12 Dec 2026": the assignment the event made, while it still stands. */
function assignedTo(f: EventFacts): string {
  const now = f.latest ? f.assignment : null;
  if (!now?.assigneeName) return "";
  return ` to ${now.assigneeName}${now.dueAt ? `, due ${dueDateLabel(now.dueAt)}` : ""}`;
}

function assignment(f: EventFacts): string {
  const what = thing(f.annotation);
  switch (f.type) {
    case "assignment.assigned":
      return `assigned ${what}${assignedTo(f)}`;
    case "assignment.reassigned":
      return `reassigned ${what}${assignedTo(f)}`;
    case "assignment.unassigned":
      return `unassigned ${what}`;
    case "assignment.due_changed": {
      const due = f.latest ? f.assignment?.dueAt : undefined;
      if (due === undefined) return `changed the due date of ${what}`;
      return due === null ? `removed the due date of ${what}` : `set the due date of ${what} to ${dueDateLabel(due)}`;
    }
    case "assignment.completed":
      return `resolved and completed an assigned thread${f.annotation ? at(f.annotation) : ""}`;
    case "assignment.member_removed":
      return `unassigned ${what}: its assignee left the workspace`;
    case "assignment.member_demoted":
      return `unassigned ${what}: its assignee became a viewer`;
    default:
      return `changed the assignment of ${what}`;
  }
}

/** What the actor did, after their name: "commented on ¶ 4". */
export function describeAction(f: EventFacts): string {
  switch (f.type) {
    case "annotation.created":
      return created(f.annotation);
    case "annotation.updated":
      return `updated ${thing(f.annotation)}`;
    case "annotation.resolved":
      return `resolved a thread${f.annotation ? at(f.annotation) : ""}`;
    case "annotation.reopened":
      return `reopened a thread${f.annotation ? at(f.annotation) : ""}`;
    case "annotation.deleted":
      return `deleted ${thing(f.annotation)}`;
    case "annotation.restored":
      return `restored ${thing(f.annotation)}`;
    case "reply.created":
      return `replied to ${thing(f.annotation)}`;
    case "reply.updated":
      return `edited a reply to ${thing(f.annotation)}`;
    case "reply.deleted":
      return `deleted a reply to ${thing(f.annotation)}`;
    case "reply.restored":
      return `restored a reply to ${thing(f.annotation)}`;
    case "stance.changed":
      return stance(f);
    case "verdict.changed":
      return verdict(f);
    case "assignment.assigned":
    case "assignment.reassigned":
    case "assignment.unassigned":
    case "assignment.due_changed":
    case "assignment.completed":
    case "assignment.member_removed":
    case "assignment.member_demoted":
      return assignment(f);
    case "annotations.imported":
      return "imported annotations";
    case "report.imported":
      return "imported the report";
    case "report.updated":
      return "edited the report's details";
    case "report.versioned":
      return f.version === null ? "uploaded a new version" : `uploaded version ${f.version}`;
    case "notes.saved":
      return "edited the team notes";
    case "share_link.created":
      return "made a read-only share link";
    case "share_link.revoked":
      return "revoked a share link";
    default:
      return "changed the report";
  }
}

export function describeEvent(f: EventFacts): string {
  return `${f.actorName ?? "Someone"} ${describeAction(f)}`;
}

/**
 * Where the event happened: the thread (the reader opens it from
 * `?annotation=`), the team notes, or the report. A thread that is gone
 * (deleted, or never visible) leads to the report instead.
 */
export function hrefOf(f: Pick<EventFacts, "itemType" | "reportId" | "slug" | "annotation">): string {
  const report = `/w/${encodeURIComponent(f.slug)}/r/${encodeURIComponent(f.reportId)}`;
  if (f.itemType === "notes") return `${report}?panel=notes`;
  if ((f.itemType === "annotation" || f.itemType === "reply") && f.annotation && !f.annotation.deleted) {
    return `${report}?annotation=${encodeURIComponent(f.annotation.id)}`;
  }
  return report;
}
