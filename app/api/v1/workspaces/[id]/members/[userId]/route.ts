import { apiRoute } from "@/lib/api/route";
import { removeMember } from "@/lib/server/workspaces/workspaces";

export const DELETE = apiRoute<{ id: string; userId: string }>(async ({ user, params }) => {
  await removeMember({ userId: user.id, workspaceIdOrSlug: params.id, memberId: params.userId });
  return new Response(null, { status: 204 });
});
