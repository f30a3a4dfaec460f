export type NotificationKind = "mention" | "reply" | "verdict" | "notes_mention" | "stance_verdict";

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
