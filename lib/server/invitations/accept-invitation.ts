import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError, invalidField, notFound } from "@/lib/errors";
import type { RoleName } from "@/lib/domain/words";
import { INVITATION_DAYS, INVITATION_TOKEN } from "@/lib/validations/invitation";
import { secretDigest } from "../secrets";

/** Where an invitation took someone: the workspace, and their role in it. */
export interface Joined {
  workspace: { id: string; slug: string; name: string };
  role: RoleName;
}

interface LockedInvitation {
  id: string;
  workspaceId: string;
  email: string;
  role: RoleName;
  expiresAt: Date;
  accepted: boolean;
  revoked: boolean;
}

/** Who redeems the link: someone registering with it (a wrong address is their form's field) or someone signed in. */
type Redeemer = { email: string; as: "registering" | "signed-in" };

/**
 * The invitation behind a link, locked, checked usable and meant for this
 * address. Locking makes the link single-use: two people redeeming it at once
 * are served one after the other, and the second finds it used.
 */
export async function claimInvitation(tx: Tx, token: string, redeemer: Redeemer): Promise<LockedInvitation> {
  const [invitation] = INVITATION_TOKEN.test(token)
    ? await tx.$queryRaw<LockedInvitation[]>`
        SELECT id, workspace_id AS "workspaceId", email, role::text AS role, expires_at AS "expiresAt",
               accepted_at IS NOT NULL AS accepted, revoked_at IS NOT NULL AS revoked
        FROM invitations WHERE token_hash = ${secretDigest(token)} FOR UPDATE`
    : [];
  if (!invitation) throw notFound("That invitation");
  if (invitation.accepted)
    throw new AppError("conflict", "This invitation has already been used: it works once. If you joined with it, sign in.");
  if (invitation.revoked) throw new AppError("conflict", "This invitation was withdrawn. Ask an owner of the workspace for a new link.");
  // Compared here rather than in SQL: a timestamp column against now() depends on the session's time zone.
  if (invitation.expiresAt.getTime() <= Date.now())
    throw new AppError(
      "conflict",
      `This invitation has expired (links last ${INVITATION_DAYS} days). Ask an owner of the workspace for a new link.`,
    );
  if (invitation.email !== redeemer.email.toLowerCase()) {
    if (redeemer.as === "registering")
      throw invalidField(
        "email",
        `This invitation is for ${invitation.email}. Register with that address, or ask for an invitation for yours.`,
      );
    throw new AppError(
      "forbidden",
      `This invitation is for ${invitation.email}, and you are signed in as ${redeemer.email}. Sign in with that address, or ask for an invitation for yours.`,
    );
  }
  return invitation;
}

/** The user joins the invitation's workspace with its role (a member already keeps theirs), and the link is used up. */
export async function joinWithInvitation(tx: Tx, invitation: LockedInvitation, userId: string): Promise<Joined> {
  const existing = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } },
    select: { role: true },
  });
  const membership =
    existing ??
    (await tx.membership.create({ data: { workspaceId: invitation.workspaceId, userId, role: invitation.role }, select: { role: true } }));
  await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date(), acceptedById: userId } });
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: invitation.workspaceId },
    select: { id: true, slug: true, name: true },
  });
  return { workspace, role: membership.role };
}

/** A signed-in user accepts an invitation made for their address. */
export async function acceptInvitation(options: { userId: string; email: string; token: string }): Promise<Joined> {
  return db.$transaction(async (tx) => {
    const invitation = await claimInvitation(tx, options.token, { email: options.email, as: "signed-in" });
    return joinWithInvitation(tx, invitation, options.userId);
  });
}
