import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { changeMemberRole, removeMember } from "@/lib/server/workspaces/workspaces";
import { changeRoleSchema } from "@/lib/validations/workspace";

export const PATCH = apiRoute<{ id: string; userId: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, changeRoleSchema, 4 * 1024);
  return changeMemberRole({ userId: user.id, workspaceIdOrSlug: params.id, memberId: params.userId, ...input });
});

export const DELETE = apiRoute<{ id: string; userId: string }>(async ({ user, params }) => {
  await removeMember({ userId: user.id, workspaceIdOrSlug: params.id, memberId: params.userId });
  return new Response(null, { status: 204 });
});
