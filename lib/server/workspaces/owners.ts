import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { RoleName } from "@/lib/domain/words";

/**
 * A member's role and how many owners the workspace has, with the owners' rows
 * locked until the transaction ends: two owners demoting or removing each other
 * at once are served one after the other, and the second sees the first's change.
 */
export async function lockMemberAndOwners(tx: Tx, workspaceId: string, memberId: string): Promise<{ role: RoleName; owners: number }> {
  const owners = await tx.$queryRaw<
    { user_id: string }[]
  >`SELECT user_id FROM memberships WHERE workspace_id = ${workspaceId} AND role = 'owner' FOR UPDATE`;
  const member = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: memberId } },
    select: { role: true },
  });
  if (!member) throw notFound("That member");
  return { role: member.role, owners: owners.length };
}

/** A workspace always keeps someone who can manage it: the last owner can neither leave nor step down. */
export function assertKeepsAnOwner(member: { role: RoleName; owners: number }, nextRole: RoleName | null): void {
  if (member.role !== "owner" || nextRole === "owner" || member.owners > 1) return;
  throw new AppError(
    "conflict",
    nextRole === null
      ? "A workspace needs an owner: make someone else an owner before the last one leaves."
      : "A workspace needs an owner: make someone else an owner before the last one takes another role.",
  );
}
