import { appOrigin } from "@/lib/api/server/download";
import { readJson } from "@/lib/api/server/read-json";
import { apiRoute, created } from "@/lib/api/server/route";
import { createInvitation, listInvitations } from "@/lib/server/invitations/invitations";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";
import { createInvitationSchema } from "@/lib/validations/invitation";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const page = pageRequestFrom(req.nextUrl.searchParams, PAGE_SIZES.invitations);
  const { items, nextCursor } = await listInvitations({ userId: user.id, workspaceIdOrSlug: params.id, page });
  return { invitations: items, nextCursor };
});

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, createInvitationSchema, 4 * 1024);
  return created(await createInvitation({ userId: user.id, workspaceIdOrSlug: params.id, appUrl: appOrigin(req), ...input }));
});
