import type { IncomingMessage, ServerResponse } from "node:http";
import { errorResponse } from "@/lib/api/server/respond";
import type { RequestHead } from "@/lib/api/server/route";
import { runWithRequestContext, type RequestContext } from "@/lib/runtime/request-context";
import { isIdLike } from "@/lib/validations/common";
import { apiSecurityHeaders } from "./security-headers";

/**
 * What the app server needs to serve an API path itself, ahead of Next.js
 * (annotation-post.ts, event-stream.ts): the path's report id, the request's
 * head as the route kit reads it, and answers with the API's headers.
 */

/** The report id in a path `pattern` matched by a `method` request, or null for any other request. */
export function reportIdOf(req: IncomingMessage, method: string, pattern: RegExp): string | null {
  if (req.method !== method || !req.url) return null;
  const match = pattern.exec(req.url);
  if (!match) return null;
  try {
    const id = decodeURIComponent(match[1]);
    // What cannot be an id goes the long way, where apiRoute answers it with a 404 before any query.
    return isIdLike(id) ? id : null;
  } catch {
    return null; // malformed: answered as any other path
  }
}

/** The API's security headers (those next.config.ts gives /api/), as the flat list `writeHead` takes. */
const SECURITY_HEADERS = apiSecurityHeaders.flatMap(({ key, value }) => [key, value]);

/** The API's security headers and these, as the flat list `writeHead` takes. */
export function headerList(headers: Record<string, string>): string[] {
  const list = [...SECURITY_HEADERS];
  for (const key in headers) list.push(key, headers[key]);
  return list;
}

export function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) {
  const list = headerList(headers);
  list.push("Content-Length", String(Buffer.byteLength(body)));
  res.writeHead(status, list);
  res.end(body);
}

async function sendResponse(res: ServerResponse, response: Response, extra: Record<string, string>) {
  const headers: Record<string, string> = { ...extra };
  response.headers.forEach((value, key) => (headers[key] = value));
  send(res, response.status, headers, Buffer.from(await response.arrayBuffer()));
}

/** A Node request as the route kit reads it (its method, and its headers by name), without building a web `Request`. */
export function headOf(req: IncomingMessage): RequestHead {
  return {
    method: req.method ?? "GET",
    headers: {
      get(name) {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    },
  };
}

/** The API's error answer (its shape and status) for what a request threw; a stream already begun is cut. */
export async function sendError(res: ServerResponse, error: unknown, context: RequestContext): Promise<void> {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  await sendResponse(
    res,
    runWithRequestContext(context, () => errorResponse(error)),
    { "X-Request-Id": context.requestId },
  );
}
