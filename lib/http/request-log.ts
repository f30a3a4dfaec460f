import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { logger } from "@/lib/runtime/logger";
import type { RequestContext } from "@/lib/runtime/request-context";

/** Ids in paths (cuids, uuids, numbers) become `:id`, so lines of one route group together. */
const ID_SEGMENT = /\/(?:c[a-z0-9]{20,32}|[0-9a-f]{8}-[0-9a-f-]{27,}|\d+)(?=\/|$)/gi;

/** An invitation link's path holds its secret: the log keeps only that it was one. */
const INVITATION_SECRET = /^\/invite\/[^/]+/;

export function routeOf(url: string | undefined): string {
  const raw = url ?? "/";
  const end = raw.search(/[?#]/);
  return (end === -1 ? raw : raw.slice(0, end)).replace(INVITATION_SECRET, "/invite/:token").replace(ID_SEGMENT, "/:id");
}

/** A request id: the load balancer's X-Request-Id when it is a plausible one, else a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.:-]{8,128}$/.test(given) ? given : randomUUID();
}

/** Paths not worth a line each at `info`: built assets and the favicon. */
const QUIET = /^\/(?:_next\/(?:static|image)|favicon\.(?:ico|svg))/;

/**
 * One JSON line per request when its response is finished (or the client
 * went away): request id, method, route, status, duration and the user the
 * app resolved. Never the query string, headers, cookies or bodies. The
 * server returns the id in the `X-Request-Id` response header.
 */
export function startRequestLog(req: IncomingMessage, res: ServerResponse): RequestContext {
  const context: RequestContext = { requestId: requestIdOf(req) };
  const started = process.hrtime.bigint();
  const done = () => {
    const route = routeOf(req.url);
    const line = {
      reqId: context.requestId,
      method: req.method,
      route,
      status: res.writableFinished ? res.statusCode : 499,
      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      ...(context.userId ? { userId: context.userId } : {}),
    };
    const log = logger();
    if (line.status >= 500) log.error(line, "request");
    else if (QUIET.test(route)) log.debug(line, "request");
    else log.info(line, "request");
  };
  // "close" follows "finish", and also comes alone when the client went away first.
  res.once("close", done);
  return context;
}
