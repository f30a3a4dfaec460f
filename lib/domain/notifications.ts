import { VERDICTS, VERDICT_LABEL, isOneOf } from "@/lib/domain/words";

export const NOTIFICATION_KINDS = ["mention", "reply", "verdict", "notes_mention", "stance_verdict", "assignment", "due_soon"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationView {
  id: string;
  type: NotificationKind;
  actor: { id: string; name: string };
  workspace: { id: string; slug: string; name: string };
  report: { id: string; title: string };
  /** As it is now; null for a mention in the team notes. */
  annotation: { id: string; kind: string; quote: string; verdict: string } | null;
  replyId: string | null;
  /** A plain-text excerpt of what was written: never HTML. */
  excerpt: string;
  /** Where the item is: the reader, scrolled to it (or with the team notes open). */
  href: string;
  createdAt: Date;
  readAt: Date | null;
}

const KIND_WORD: Record<string, string> = { highlight: "highlight", comment: "comment", question: "question", claim: "claim" };

/**
 * What happened, in a sentence: one wording per notification type (docs/api.md, "Who is notified"),
 * for the notifications page and the emails alike.
 */
export function notificationSentence(n: {
  type: string;
  actor: { name: string };
  annotation: { kind: string; verdict: string } | null;
}): string {
  const kind = (n.annotation && KIND_WORD[n.annotation.kind]) ?? "annotation";
  const verdict = n.annotation
    ? isOneOf(VERDICTS, n.annotation.verdict)
      ? VERDICT_LABEL[n.annotation.verdict]
      : n.annotation.verdict
    : "";
  switch (n.type) {
    case "mention":
      return `${n.actor.name} mentioned you`;
    case "notes_mention":
      return `${n.actor.name} mentioned you in the team notes`;
    case "reply":
      return `${n.actor.name} replied to a ${kind} you follow`;
    case "verdict":
      return `${n.actor.name} set the verdict on your claim to ${verdict}`;
    case "stance_verdict":
      return `${n.actor.name} set the verdict of a claim you took a stance on to ${verdict}`;
    case "assignment":
      return `${n.actor.name} assigned you a ${kind}`;
    case "due_soon":
      return `A ${kind} assigned to you is due soon`;
    default:
      return `${n.actor.name} did something on a ${kind}`;
  }
}
