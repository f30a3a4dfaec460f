import { apiRoute } from "@/lib/api/server/route";
import { getWorkspaceCitations } from "@/lib/server/citations/citations";
import { citationQueryFrom, citationQuerySchema } from "@/lib/validations/citation";
import { parseInput } from "@/lib/validations/parse-input";

/** Every report of the workspace as one bibliography. */
export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const query = parseInput(citationQuerySchema, citationQueryFrom(req.nextUrl.searchParams));
  const file = await getWorkspaceCitations({ userId: user.id, workspaceIdOrSlug: params.id, ...query });
  return new Response(file.body, { headers: { "content-type": file.contentType } });
});
