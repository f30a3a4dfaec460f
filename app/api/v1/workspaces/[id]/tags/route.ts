import { readJson } from "@/lib/api/server/read-json";
import { apiRoute, created } from "@/lib/api/server/route";
import { createTag, listTags } from "@/lib/server/tags/tags";
import { createTagSchema } from "@/lib/validations/tag";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";

type P = { id: string };

export const GET = apiRoute<P>(async ({ req, user, params }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.tags);
  const { items, nextCursor } = await listTags({ userId: user.id, workspaceIdOrSlug: params.id, page });
  return { tags: items, nextCursor };
});

export const POST = apiRoute<P>(async ({ req, user, params }) => {
  const input = await readJson(req, createTagSchema, 8 * 1024);
  return created(await createTag({ userId: user.id, workspaceIdOrSlug: params.id, ...input }));
});
