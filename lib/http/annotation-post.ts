import type { IncomingMessage, ServerResponse } from "node:http";
import { jsonBodyOf, tooLargeError } from "@/lib/api/server/read-json";
import { jsonHeaders } from "@/lib/api/server/respond";
import { assertBodyType, credentialsOf, type RequestHead } from "@/lib/api/server/route";
import type { RequestContext } from "@/lib/runtime/request-context";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { signInFirst, userOfCredentials, type Credentials } from "@/lib/server/sessions/caller";
import { CREATE_ANNOTATION_MAX_BYTES as MAX_REQUEST_BYTES, createAnnotationSchema } from "@/lib/validations/annotation";
import { headOf, reportIdOf, send, sendError } from "./host-route";

const PATH = /^\/api\/v1\/reports\/([^/?#]+)\/annotations(?:\?|$)/;

/** The report a request creates an annotation on (`POST /api/v1/reports/{id}/annotations`), or null for any other request. */
export const annotationPostTarget = (req: IncomingMessage) => reportIdOf(req, "POST", PATH);

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

/**
 * The request's body as the route's `readJson` would take it (415, 413, 400, 422). A body
 * refused from a caller whose credentials name nobody is answered as apiRoute answers it:
 * 401 first.
 */
async function inputOf(head: RequestHead, body: { body: Buffer; cut: boolean }, credentials: Credentials) {
  try {
    assertBodyType(head, "json");
    if (body.cut) throw tooLargeError("The request body", MAX_REQUEST_BYTES);
    return jsonBodyOf(body.body.toString("utf8"), head.headers.get("content-type"), createAnnotationSchema);
  } catch (e) {
    if (!(await userOfCredentials(credentials))) throw signInFirst();
    throw e;
  }
}

/**
 * `POST /api/v1/reports/{id}/annotations`, served by the app server itself,
 * ahead of Next.js, whose routing costs more CPU than the rest of this
 * request (see bench/README.md). It is the route's own road, not a second
 * one: the route kit's checks (credentials, origin, body type, size, JSON,
 * schema) and the one write function, `createAnnotation`, which checks the
 * credentials in the statement that writes. The route in app/ (which
 * `npm run dev` serves) calls the same function.
 */
export async function postAnnotation(req: IncomingMessage, res: ServerResponse, reportId: string, context: RequestContext): Promise<void> {
  const requestId = { "X-Request-Id": context.requestId };
  try {
    const body = await readUpTo(req, MAX_REQUEST_BYTES);
    // What is left of an oversized body is not read: the connection closes after the answer.
    if (body.cut) res.setHeader("Connection", "close");
    const head = headOf(req);
    // Outside the request context, which costs every promise: the log line is told who wrote directly.
    const credentials = await credentialsOf(head, true);
    if (!credentials) throw signInFirst();
    const input = await inputOf(head, body, credentials);
    const view = await createAnnotation({ writer: credentials, reportId, ...input });
    context.userId = view.author.id;
    const text = JSON.stringify(view);
    send(res, 201, { ...jsonHeaders(text), ...requestId }, text);
  } catch (e) {
    await sendError(res, e, context);
  }
}
