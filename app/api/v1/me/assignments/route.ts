import { apiRoute } from "@/lib/api/server/route";
import { listAssignments } from "@/lib/server/assignments/list-assignments";
import { pageRequestFrom } from "@/lib/server/pagination/page";
import { PAGE_SIZES } from "@/lib/server/pagination/page-sizes";
import { assignmentsQuerySchema } from "@/lib/validations/assignment";
import { parseInput } from "@/lib/validations/parse-input";

/** `?status=open|done&workspace=&limit=&cursor=`: the caller's assigned threads, soonest due first. */
export const GET = apiRoute(async ({ req, user }) => {
  const params = req.nextUrl.searchParams;
  const query = parseInput(assignmentsQuerySchema, {
    status: params.get("status") || undefined,
    workspace: params.get("workspace") || undefined,
  });
  const page = pageRequestFrom(params, PAGE_SIZES.assignments);
  const { items, nextCursor } = await listAssignments({ userId: user.id, status: query.status, workspaceIdOrSlug: query.workspace, page });
  return { assignments: items, nextCursor };
});
