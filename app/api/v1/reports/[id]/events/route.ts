import { apiRoute } from "@/lib/api/server/route";
import { AppError } from "@/lib/errors";
import { openReportStream } from "@/lib/server/events/stream";

export const dynamic = "force-dynamic";

const SESSION = /^[A-Za-z0-9-]{8,64}$/;

/** Server-Sent Events: `Last-Event-ID` (sent by EventSource on reconnection) or `?after=` resumes. */
export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const query = req.nextUrl.searchParams;
  const after = req.headers.get("last-event-id") ?? query.get("after");
  if (after !== null && !/^\d{1,18}$/.test(after.trim()))
    throw new AppError("bad_request", "Last-Event-ID (or after) must be the id of an event.");
  const session = query.get("session");
  if (session !== null && !SESSION.test(session)) throw new AppError("bad_request", "session must be 8–64 letters, digits or dashes.");
  const stream = await openReportStream({
    userId: user.id,
    reportId: params.id,
    afterId: after === null ? null : BigInt(after.trim()),
    sessionId: session,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      // Proxies (nginx) must pass events on as they come.
      "X-Accel-Buffering": "no",
    },
  });
});
