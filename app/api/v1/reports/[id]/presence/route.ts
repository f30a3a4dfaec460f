import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { reportPresence } from "@/lib/server/events/presence";
import { presenceSchema } from "@/lib/validations/presence";

/** A page says it has the report open (every few seconds, and when the reader moves), or that it is leaving. */
export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, presenceSchema, 4 * 1024);
  await reportPresence({
    userId: user.id,
    reportId: params.id,
    sessionId: input.sessionId,
    passageIndex: input.passageIndex ?? null,
    leaving: input.leaving,
  });
  return new Response(null, { status: 204 });
});
