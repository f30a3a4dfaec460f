import { apiRoute } from "@/lib/api/server/route";
import { annotationHistory } from "@/lib/server/annotations/edit-annotation";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.history);
  const { items, nextCursor } = await annotationHistory({ userId: user.id, annotationId: params.id, page });
  return { revisions: items, nextCursor };
});
