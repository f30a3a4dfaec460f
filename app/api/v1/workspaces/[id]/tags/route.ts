import { readJson } from "@/lib/api/read-json";
import { apiRoute, created } from "@/lib/api/route";
import { createTag, listTags } from "@/lib/server/tags/tags";
import { createTagSchema } from "@/lib/validations/tag";

type P = { id: string };

export const GET = apiRoute<P>(async ({ user, params }) => ({ tags: await listTags({ userId: user.id, workspaceIdOrSlug: params.id }) }));

export const POST = apiRoute<P>(async ({ req, user, params }) => {
  const input = await readJson(req, createTagSchema, 8 * 1024);
  return created(await createTag({ userId: user.id, workspaceIdOrSlug: params.id, ...input }));
});
