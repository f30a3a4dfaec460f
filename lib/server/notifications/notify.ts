import type { Tx } from "@/lib/db";

export type NotificationKind = "mention" | "reply" | "verdict";

/**
 * Records notifications inside the caller's transaction. Only members of the
 * workspace are notified, never the actor themself, and each person once.
 */
export async function notify(
  tx: Tx,
  options: {
    type: NotificationKind;
    actorId: string;
    workspaceId: string;
    reportId: string;
    annotationId: string;
    replyId?: string;
    recipientIds: string[];
  },
): Promise<string[]> {
  const candidates = [...new Set(options.recipientIds)].filter((id) => id !== options.actorId);
  if (candidates.length === 0) return [];
  const members = await tx.membership.findMany({
    where: { workspaceId: options.workspaceId, userId: { in: candidates } },
    select: { userId: true },
  });
  const recipients = members.map((m) => m.userId);
  if (recipients.length === 0) return [];
  await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      type: options.type,
      actorId: options.actorId,
      workspaceId: options.workspaceId,
      reportId: options.reportId,
      annotationId: options.annotationId,
      replyId: options.replyId ?? null,
    })),
  });
  return recipients;
}
