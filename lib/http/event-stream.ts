import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "@/lib/api/server/route";
import type { RequestContext } from "@/lib/runtime/request-context";
import { EVENT_STREAM_HEADERS, openReportStream } from "@/lib/server/events/stream";
import { signInFirst } from "@/lib/server/sessions/caller";
import { eventStreamQuery } from "@/lib/validations/events";
import { headerList, headOf, reportIdOf, sendError } from "./host-route";

/** How long a stream the server has ended may take to hand its client what was left unread. */
const ABANDONED_AFTER_MS = 30_000;

const PATH = /^\/api\/v1\/reports\/([^/?#]+)\/events(?:\?|$)/;

/** The report whose live stream a request opens (`GET /api/v1/reports/{id}/events`), or null for any other request. */
export const eventStreamTarget = (req: IncomingMessage) => reportIdOf(req, "GET", PATH);

/**
 * `GET /api/v1/reports/{id}/events`, served by the app server itself, ahead of
 * Next.js: a stream lives for hours, and what Next.js keeps for a request it
 * serves (its request objects, a web stream piped into the response, a promise
 * per chunk) cost about twice the memory and CPU of the stream itself (see
 * bench/README.md). It is the route's own road: the route kit's credentials,
 * the route's query rules and the one stream function, `openReportStream`,
 * writing straight to the response. The route in app/ (which `npm run dev`
 * serves) calls the same functions.
 */
export async function serveEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  reportId: string,
  context: RequestContext,
): Promise<void> {
  try {
    const head = headOf(req);
    const caller = await authenticate(head, true);
    if (!caller) throw signInFirst();
    const { user } = caller;
    context.userId = user.id;
    const query = new URL(req.url ?? "/", "http://host").searchParams;
    const { afterId, sessionId } = eventStreamQuery({
      lastEventId: head.headers.get("last-event-id"),
      after: query.get("after"),
      session: query.get("session"),
    });
    const stream = await openReportStream({ userId: user.id, reportId, afterId, sessionId });
    if (res.destroyed) return stream.cancel();
    res.writeHead(200, headerList({ ...EVENT_STREAM_HEADERS, "X-Request-Id": context.requestId }));
    res.on("close", () => stream.cancel());
    stream.start({
      write: (bytes) => void res.write(bytes),
      get buffered() {
        return res.writableLength;
      },
      end: () => {
        res.end();
        // A client that never reads what was left for it (a phone gone from the network) is not waited for.
        const drop = setTimeout(() => res.destroy(), ABANDONED_AFTER_MS).unref();
        res.once("close", () => clearTimeout(drop));
      },
    });
  } catch (e) {
    await sendError(res, e, context);
  }
}
