import { apiRoute } from "@/lib/api/server/route";
import { getWorkspaceAccessOrThrow } from "@/lib/server/workspaces/access";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  const { workspace, role } = await getWorkspaceAccessOrThrow({ userId: user.id, workspaceIdOrSlug: params.id });
  return { ...workspace, role };
});
