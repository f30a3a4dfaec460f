import "server-only";
import { db } from "@/lib/db";
import type { InvitationLink, InvitationState } from "@/lib/domain/invitations";
import { INVITATION_TOKEN } from "@/lib/validations/invitation";
import { secretDigest } from "../secrets";

/** The invitation a link names, and where it stands, for the visitor (signed in or not). */
export async function getInvitationLink(options: { token: string; viewerId: string | null }): Promise<InvitationLink> {
  if (!INVITATION_TOKEN.test(options.token)) return { state: "unknown" };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: secretDigest(options.token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      invitedBy: { select: { name: true } },
      workspace: {
        select: {
          id: true,
          slug: true,
          name: true,
          ...(options.viewerId ? { memberships: { where: { userId: options.viewerId }, select: { id: true } } } : {}),
        },
      },
    },
  });
  if (!invitation) return { state: "unknown" };
  const { memberships, ...workspace } = invitation.workspace as typeof invitation.workspace & { memberships?: { id: string }[] };
  const state: InvitationState = invitation.acceptedAt
    ? "accepted"
    : invitation.revokedAt
      ? "revoked"
      : invitation.expiresAt <= new Date()
        ? "expired"
        : "pending";
  return {
    state,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    workspace,
    invitedBy: invitation.invitedBy.name,
    viewerIsMember: (memberships?.length ?? 0) > 0,
  };
}
