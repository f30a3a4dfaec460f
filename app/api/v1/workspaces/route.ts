import { readJson } from "@/lib/api/read-json";
import { apiRoute, created } from "@/lib/api/route";
import { createWorkspace, listWorkspaces } from "@/lib/server/workspaces/workspaces";
import { createWorkspaceSchema } from "@/lib/validations/workspace";

export const GET = apiRoute(async ({ user }) => ({ workspaces: await listWorkspaces({ userId: user.id }) }));

export const POST = apiRoute(async ({ req, user }) => {
  const input = await readJson(req, createWorkspaceSchema, 4 * 1024);
  return created(await createWorkspace({ userId: user.id, ...input }));
});
