import { readJson } from "@/lib/api/server/read-json";
import { apiRoute, created } from "@/lib/api/server/route";
import { createWorkspace, listWorkspaces } from "@/lib/server/workspaces/workspaces";
import { createWorkspaceSchema } from "@/lib/validations/workspace";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

export const GET = apiRoute(async ({ req, user }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.workspaces);
  const { items, nextCursor } = await listWorkspaces({ userId: user.id, page });
  return { workspaces: items, nextCursor };
});

export const POST = apiRoute(async ({ req, user }) => {
  const input = await readJson(req, createWorkspaceSchema, 4 * 1024);
  return created(await createWorkspace({ userId: user.id, ...input }));
});
