import { readJson } from "@/lib/api/read-json";
import { apiRoute, created } from "@/lib/api/route";
import { createReply, listReplies } from "@/lib/server/replies/replies";
import { createReplySchema } from "@/lib/validations/annotation";

type P = { id: string };

export const GET = apiRoute<P>(async ({ user, params }) => ({ replies: await listReplies({ userId: user.id, annotationId: params.id }) }));

export const POST = apiRoute<P>(async ({ req, user, params }) => {
  const input = await readJson(req, createReplySchema, 256 * 1024);
  return created(await createReply({ userId: user.id, annotationId: params.id, body: input.body }));
});
