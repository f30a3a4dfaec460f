import { parseInput } from "@/lib/validations/parse-input";
import { apiRoute } from "@/lib/api/server/route";
import { AppError } from "@/lib/errors";
import { QUERY_MAX_LENGTH } from "@/lib/validations/search";
import { searchWorkspace } from "@/lib/server/search/search";
import { searchParamsToInput, searchQuerySchema } from "@/lib/validations/search";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const q = req.nextUrl.searchParams.get("q") ?? "";
  // An absurd length is a plain 400, before anything else is read.
  if (q.length > QUERY_MAX_LENGTH) throw new AppError("bad_request", `Search for at most ${QUERY_MAX_LENGTH} characters.`);
  const input = parseInput(searchQuerySchema, searchParamsToInput(req.nextUrl.searchParams));
  return searchWorkspace({ userId: user.id, workspaceIdOrSlug: params.id, ...input });
});
