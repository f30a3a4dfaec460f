import { readJson } from "@/lib/api/read-json";
import { apiRoute, created } from "@/lib/api/route";
import { addMember, listMembers } from "@/lib/server/workspaces/workspaces";
import { addMemberSchema } from "@/lib/validations/workspace";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => ({
  members: await listMembers({ userId: user.id, workspaceIdOrSlug: params.id }),
}));

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, addMemberSchema, 4 * 1024);
  return created(await addMember({ userId: user.id, workspaceIdOrSlug: params.id, ...input }));
});
