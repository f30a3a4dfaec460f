import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { deleteTag, updateTag } from "@/lib/server/tags/tags";
import { updateTagSchema } from "@/lib/validations/tag";

type P = { id: string };

export const PATCH = apiRoute<P>(async ({ req, user, params }) => {
  const input = await readJson(req, updateTagSchema, 8 * 1024);
  return updateTag({ userId: user.id, tagId: params.id, ...input });
});

export const DELETE = apiRoute<P>(async ({ user, params }) => {
  await deleteTag({ userId: user.id, tagId: params.id });
  return new Response(null, { status: 204 });
});
