import { parseInput } from "@/lib/validations/parse-input";
import { apiRoute } from "@/lib/api/server/route";
import { listActivity } from "@/lib/server/activity/activity";
import { activityParamsToInput, activityQuerySchema } from "@/lib/validations/activity";

/** What happened in one report, newest first: `?limit=&cursor=&actor=`. */
export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const query = parseInput(activityQuerySchema, activityParamsToInput(req.nextUrl.searchParams));
  return listActivity({ userId: user.id, reportId: params.id, actorId: query.actor, limit: query.limit, cursor: query.cursor });
});
