import { apiRoute } from "@/lib/api/server/route";
import { listOrphans } from "@/lib/server/reports/versions";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.orphans);
  const { items, nextCursor, total } = await listOrphans({ userId: user.id, reportId: params.id, page });
  return { orphans: items, nextCursor, total };
});
