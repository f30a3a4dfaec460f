import type { IncomingMessage, ServerResponse } from "node:http";
import { NextRequest } from "next/server";
import { POST as postThroughRoute } from "@/app/api/v1/reports/[id]/annotations/route";
import { JSON_CONTENT_TYPE } from "@/lib/api/server/read-json";
import { errorResponse, jsonHeaders } from "@/lib/api/server/respond";
import { BEARER } from "@/lib/api/server/route";
import { runWithRequestContext, type RequestContext } from "@/lib/runtime/request-context";
import { isIdLike } from "@/lib/validations/common";
import { createAnnotationWithToken } from "@/lib/server/annotations/create-annotation";
import { tokenHash } from "@/lib/server/tokens/tokens";
import { CREATE_ANNOTATION_MAX_BYTES as MAX_REQUEST_BYTES, createAnnotationSchema } from "@/lib/validations/annotation";
import { apiSecurityHeaders } from "./security-headers";

const PATH = /^\/api\/v1\/reports\/([^/?#]+)\/annotations(?:\?|$)/;

/** The report a request creates an annotation on (`POST /api/v1/reports/{id}/annotations`), or null for any other request. */
export function annotationPostTarget(req: IncomingMessage): string | null {
  if (req.method !== "POST" || !req.url) return null;
  const match = PATH.exec(req.url);
  if (!match) return null;
  try {
    const id = decodeURIComponent(match[1]);
    // What cannot be an id goes the long way, where apiRoute answers it with a 404 before any query.
    return isIdLike(id) ? id : null;
  } catch {
    return null; // malformed: answered as any other path
  }
}

/** The body, read up to one byte past the limit (which the route then refuses with 413); `cut` when more was left unread. */
function readUpTo(req: IncomingMessage, maxBytes: number): Promise<{ body: Buffer; cut: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size <= maxBytes) return;
      req.off("data", onData).off("end", onEnd).pause();
      resolve({ body: Buffer.concat(chunks).subarray(0, maxBytes + 1), cut: true });
    };
    const onEnd = () => resolve({ body: Buffer.concat(chunks), cut: false });
    req.on("data", onData).on("end", onEnd).on("error", reject);
  });
}

/** The API's security headers (those next.config.ts gives /api/), as the flat list `writeHead` takes. */
const SECURITY_HEADERS = apiSecurityHeaders.flatMap(({ key, value }) => [key, value]);

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) {
  const list = [...SECURITY_HEADERS];
  for (const key in headers) list.push(key, headers[key]);
  list.push("Content-Length", String(Buffer.byteLength(body)));
  res.writeHead(status, list);
  res.end(body);
}

async function sendResponse(res: ServerResponse, response: Response, extra: Record<string, string>) {
  const headers: Record<string, string> = { ...extra };
  response.headers.forEach((value, key) => (headers[key] = value));
  send(res, response.status, headers, Buffer.from(await response.arrayBuffer()));
}

/** The plain case, in one statement; null when it is not that (nothing written). */
async function quickly(req: IncomingMessage, reportId: string, body: Buffer) {
  const bearer = BEARER.exec(req.headers.authorization ?? "");
  const hash = bearer ? tokenHash(bearer[1]) : null;
  const type = req.headers["content-type"];
  if (!hash || !type || !JSON_CONTENT_TYPE.test(type.trim()) || body.length > MAX_REQUEST_BYTES) return null;
  let data: unknown;
  try {
    data = JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
  const input = createAnnotationSchema.safeParse(data);
  if (!input.success) return null;
  return createAnnotationWithToken({ tokenHash: hash, reportId, input: input.data });
}

/**
 * `POST /api/v1/reports/{id}/annotations`, served by the app server itself,
 * ahead of Next.js, whose routing costs more CPU than the rest of this
 * request (see README, Performance). A plain annotation sent with a personal
 * access token is written in one statement (`createAnnotationWithToken`).
 * Anything else (a session cookie, tags, mentions, any error to answer) goes
 * to the route's own handler, the same code Next.js runs for this path, with
 * the body already read: the answers are the route's.
 */
export async function postAnnotation(req: IncomingMessage, res: ServerResponse, reportId: string, context: RequestContext): Promise<void> {
  const requestId = { "X-Request-Id": context.requestId };
  try {
    const { body, cut } = await readUpTo(req, MAX_REQUEST_BYTES);
    // What is left of an oversized body is not read: the connection closes after the answer.
    if (cut) res.setHeader("Connection", "close");
    const view = await quickly(req, reportId, body);
    if (view) {
      // Told to the request's log line directly: the quick path runs outside the request context, which costs every promise.
      context.userId = view.author.id;
      const text = JSON.stringify(view);
      send(res, 201, { ...jsonHeaders(text), ...requestId }, text);
      return;
    }
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (key !== "content-length" && value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const url = new URL(req.url!, `http://${req.headers.host ?? "localhost"}`);
    const request = new NextRequest(url, { method: "POST", headers, body: new Uint8Array(body) });
    const response = await runWithRequestContext(context, () => postThroughRoute(request, { params: Promise.resolve({ id: reportId }) }));
    await sendResponse(res, response, requestId);
  } catch (e) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    await sendResponse(res, runWithRequestContext(context, () => errorResponse(e)), requestId);
  }
}
