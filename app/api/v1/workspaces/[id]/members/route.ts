import { readJson } from "@/lib/api/server/read-json";
import { apiRoute, created } from "@/lib/api/server/route";
import { addMember, listMembers } from "@/lib/server/workspaces/workspaces";
import { addMemberSchema } from "@/lib/validations/workspace";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.members);
  const { items, nextCursor } = await listMembers({ userId: user.id, workspaceIdOrSlug: params.id, page });
  return { members: items, nextCursor };
});

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, addMemberSchema, 4 * 1024);
  return created(await addMember({ userId: user.id, workspaceIdOrSlug: params.id, ...input }));
});
