import { appOrigin } from "@/lib/api/server/download";
import { readJson } from "@/lib/api/server/read-json";
import { apiRoute, created } from "@/lib/api/server/route";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";
import { createShareLink, listShareLinks } from "@/lib/server/share-links/share-links";
import { createShareLinkSchema } from "@/lib/validations/share-link";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.shareLinks);
  const { items, nextCursor } = await listShareLinks({ userId: user.id, reportId: params.id, appUrl: appOrigin(req), page });
  return { shareLinks: items, nextCursor };
});

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, createShareLinkSchema, 4 * 1024);
  return created(await createShareLink({ userId: user.id, reportId: params.id, appUrl: appOrigin(req), ...input }));
});
