import { readJson } from "@/lib/api/server/read-json";
import { apiRoute, created } from "@/lib/api/server/route";
import { createReply, listReplies } from "@/lib/server/replies/replies";
import { createReplySchema } from "@/lib/validations/annotation";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

type P = { id: string };

export const GET = apiRoute<P>(async ({ req, user, params }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.replies);
  const { items, nextCursor } = await listReplies({ userId: user.id, annotationId: params.id, page });
  return { replies: items, nextCursor };
});

export const POST = apiRoute<P>(async ({ req, user, params }) => {
  const input = await readJson(req, createReplySchema, 256 * 1024);
  return created(await createReply({ userId: user.id, annotationId: params.id, body: input.body }));
});
