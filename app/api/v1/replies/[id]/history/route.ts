import { apiRoute } from "@/lib/api/server/route";
import { replyHistory } from "@/lib/server/replies/replies";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.history);
  const { items, nextCursor } = await replyHistory({ userId: user.id, replyId: params.id, page });
  return { revisions: items, nextCursor };
});
