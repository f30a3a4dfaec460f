import "server-only";
import { db } from "@/lib/db";
import type { CreatedInvitation, InvitationSummary } from "@/lib/domain/invitations";
import { AppError, notFound } from "@/lib/errors";
import { INVITATION_DAYS, type CreateInvitationInput } from "@/lib/validations/invitation";
import { keysetArgs, newestFirst, keysetPage, type PageOption } from "../pagination/keyset";
import type { Page } from "../pagination/page";
import { emailConfigured } from "../email/mailer";
import { newSecret, seal, secretDigest } from "../secrets";
import { getWorkspaceAccessOrThrow, requireRole } from "../workspaces/access";

const LIFETIME_MS = INVITATION_DAYS * 24 * 60 * 60 * 1000;

/** The page a link opens: `{appUrl}/invite/{token}`, on the app's public address (NEXTAUTH_URL). */
export function invitationUrl(appUrl: string, token: string): string {
  return new URL(`/invite/${token}`, appUrl).toString();
}

/**
 * An owner invites an email address with a role. One open invitation per
 * address and workspace: inviting again replaces the earlier link (it stops
 * working), which is also how an owner gets a fresh link for a lost or expired one.
 * An address that already has an account gets a link too: they accept it signed in.
 */
export async function createInvitation(
  options: { userId: string; workspaceIdOrSlug: string; appUrl: string } & CreateInvitationInput,
): Promise<CreatedInvitation> {
  const token = newSecret();
  return db.$transaction(async (tx) => {
    const { workspace, role } = await getWorkspaceAccessOrThrow(options, tx);
    requireRole(role, "owner", "invite people");
    // Two owners inviting the same address at once still leave one open invitation.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invitation:${workspace.id}:${options.email}`}))`;
    const member = await tx.membership.findFirst({
      where: { workspaceId: workspace.id, user: { email: options.email } },
      select: { id: true },
    });
    if (member) throw new AppError("conflict", `${options.email} is already a member of this workspace.`);
    const now = new Date();
    await tx.invitation.updateMany({
      where: { workspaceId: workspace.id, email: options.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const created = await tx.invitation.create({
      data: {
        workspaceId: workspace.id,
        email: options.email,
        role: options.role,
        tokenHash: secretDigest(token),
        invitedById: options.userId,
        expiresAt: new Date(now.getTime() + LIFETIME_MS),
        // When the server sends email, the link goes to the address too (lib/server/email/outbox.ts), sealed until it has.
        ...(emailConfigured() ? { emailState: "pending" as const, sealedUrl: seal(invitationUrl(options.appUrl, token)) } : {}),
      },
      select: { id: true, email: true, role: true, expiresAt: true, emailState: true },
    });
    return {
      id: created.id,
      email: created.email,
      role: created.role,
      url: invitationUrl(options.appUrl, token),
      expiresAt: created.expiresAt,
      emailed: created.emailState === "pending",
    };
  });
}

const invitationsKeyset = (workspaceId: string) => newestFirst(`invitations:${workspaceId}`);

export async function listInvitations(options: {
  userId: string;
  workspaceIdOrSlug: string;
  page: PageOption;
}): Promise<Page<InvitationSummary>> {
  const { workspace, role } = await getWorkspaceAccessOrThrow(options);
  requireRole(role, "owner", "see invitations");
  const keyset = invitationsKeyset(workspace.id);
  const { orderBy, after, take } = keysetArgs(keyset, options.page);
  const rows = await db.invitation.findMany({
    where: { AND: [{ workspaceId: workspace.id, acceptedAt: null, revokedAt: null }, after] },
    orderBy,
    take,
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      emailState: true,
      invitedBy: { select: { id: true, name: true } },
    },
  });
  return keysetPage(rows, keyset, options.page);
}

/** An owner withdraws an invitation: its link stops working at once. */
export async function revokeInvitation(options: { userId: string; workspaceIdOrSlug: string; invitationId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { workspace, role } = await getWorkspaceAccessOrThrow(options, tx);
    requireRole(role, "owner", "revoke invitations");
    const [invitation] = await tx.$queryRaw<{ accepted: boolean; revoked: boolean }[]>`
      SELECT accepted_at IS NOT NULL AS accepted, revoked_at IS NOT NULL AS revoked
      FROM invitations WHERE id = ${options.invitationId} AND workspace_id = ${workspace.id} FOR UPDATE`;
    if (!invitation) throw notFound("That invitation");
    if (invitation.accepted) throw new AppError("conflict", "That invitation has already been used: remove the member instead.");
    if (invitation.revoked) throw new AppError("conflict", "That invitation was already revoked.");
    await tx.invitation.update({ where: { id: options.invitationId }, data: { revokedAt: new Date() } });
  });
}
