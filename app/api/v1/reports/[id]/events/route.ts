import { apiRoute } from "@/lib/api/server/route";
import { EVENT_STREAM_HEADERS, openReportStream, readableOf } from "@/lib/server/events/stream";
import { eventStreamQuery } from "@/lib/validations/events";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events: `Last-Event-ID` (sent by EventSource on reconnection) or `?after=` resumes.
 * `npm start` serves this path ahead of Next.js (lib/http/event-stream.ts), with the same function;
 * this route serves it in development.
 */
export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const query = req.nextUrl.searchParams;
  const { afterId, sessionId } = eventStreamQuery({
    lastEventId: req.headers.get("last-event-id"),
    after: query.get("after"),
    session: query.get("session"),
  });
  const stream = await openReportStream({ userId: user.id, reportId: params.id, afterId, sessionId });
  return new Response(readableOf(stream), { headers: EVENT_STREAM_HEADERS });
});
