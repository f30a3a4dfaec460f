import { apiRoute } from "@/lib/api/server/route";
import { revokeInvitation } from "@/lib/server/invitations/invitations";

export const DELETE = apiRoute<{ id: string; invitationId: string }>(async ({ user, params }) => {
  await revokeInvitation({ userId: user.id, workspaceIdOrSlug: params.id, invitationId: params.invitationId });
  return new Response(null, { status: 204 });
});
