import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { deleteReply, updateReply } from "@/lib/server/replies/replies";
import { updateReplySchema } from "@/lib/validations/annotation";

type P = { id: string };

export const PATCH = apiRoute<P>(async ({ req, user, params }) => {
  const input = await readJson(req, updateReplySchema, 256 * 1024);
  return updateReply({ userId: user.id, replyId: params.id, ...input });
});

export const DELETE = apiRoute<P>(async ({ user, params }) => {
  await deleteReply({ userId: user.id, replyId: params.id });
  return new Response(null, { status: 204 });
});
