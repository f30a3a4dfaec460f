import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { noteRequestUser } from "@/lib/runtime/request-context";
import { signInFirst, userOfCredentials, type Credentials } from "@/lib/server/sessions/caller";
import { sessionOfCookie } from "@/lib/session-cookie";
import type { PublicUser } from "@/lib/domain/people";
import { assertSameOrigin, isSafeMethod, type HeaderReader } from "./origin";
import { JSON_CONTENT_TYPE } from "./read-json";
import { assertIdParams } from "./params";
import { errorResponse, json } from "./respond";

type Params = Record<string, string>;

export interface ApiContext<P extends Params> {
  req: NextRequest;
  user: PublicUser;
  params: P;
  /** The session cookie's session, when the caller used one (not a token). */
  sessionId: string | null;
}

/** What a route reads from a request body: JSON only, or also a multipart upload (the import endpoints). */
export type BodyKind = "json" | "json-or-upload";

export interface RouteOptions {
  /** Only a signed-in session may call it (creating tokens: a token cannot mint tokens). */
  sessionOnly?: boolean;
  body?: BodyKind;
}

/** `Authorization: Bearer <token>`: the token. */
export const BEARER = /^Bearer\s+(\S+)$/i;

/** What the route kit reads of a request before its body: a web `Request`, or the app server's own view of a Node request. */
export interface RequestHead {
  method: string;
  headers: HeaderReader;
}

/** The caller a request names, from its headers alone (no database read yet); null when it names none. */
export async function credentialsOf(req: RequestHead, allowToken: boolean): Promise<Credentials | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = BEARER.exec(header);
    if (!match || !allowToken) throw new AppError("unauthenticated", "Use `Authorization: Bearer <personal access token>`, or sign in.");
    return { token: match[1] };
  }
  const claim = await sessionOfCookie(req.headers.get("cookie"));
  if (!claim) return null;
  // A browser sends the cookie with any request to us, whoever made it: a write must come from our own pages.
  assertSameOrigin(req);
  return claim;
}

/** Resolves the caller once: a Bearer personal access token, else the session cookie (checked for its origin and its session). */
export async function authenticate(req: RequestHead, allowToken: boolean): Promise<{ user: PublicUser; sessionId: string | null } | null> {
  const credentials = await credentialsOf(req, allowToken);
  if (!credentials) return null;
  const user = await userOfCredentials(credentials);
  return user ? { user, sessionId: "sessionId" in credentials ? credentials.sessionId : null } : null;
}

const MULTIPART = /^multipart\/form-data\b/i;

/**
 * A request that carries a body must say it is JSON (or, where uploads are
 * taken, multipart): a body without a type, or a form's, is refused before
 * anything reads it, so no route can take a plain HTML form's post by accident.
 */
export function assertBodyType(req: RequestHead, kind: BodyKind): void {
  if (isSafeMethod(req.method)) return;
  const length = req.headers.get("content-length");
  const hasBody = (length !== null && length.trim() !== "0") || req.headers.get("transfer-encoding") !== null;
  if (!hasBody) return;
  const type = req.headers.get("content-type")?.trim() ?? "";
  if (JSON_CONTENT_TYPE.test(type) || (kind === "json-or-upload" && MULTIPART.test(type))) return;
  throw new AppError(
    "unsupported_media_type",
    kind === "json-or-upload"
      ? "Send the request body as JSON (`Content-Type: application/json`), or a file as multipart/form-data."
      : "Send the request body as JSON, with `Content-Type: application/json`.",
  );
}

/**
 * Wraps an API route handler: authenticates (refusing cookie-authenticated
 * writes from other sites), checks the body's type, resolves params, turns the
 * handler's return value into JSON (status 200, or `{ status, body }`) and
 * every thrown error into the API's error shape.
 */
export function apiRoute<P extends Params = Params>(
  handler: (ctx: ApiContext<P>) => Promise<Response | { status: number; body: unknown } | object>,
  options: RouteOptions = {},
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const caller = await authenticate(req, !options.sessionOnly);
      if (!caller) throw signInFirst();
      noteRequestUser(caller.user.id);
      const params = context?.params ? await context.params : ({} as P);
      assertIdParams(params);
      assertBodyType(req, options.body ?? "json");
      const result = await handler({ req, user: caller.user, params, sessionId: caller.sessionId });
      if (result instanceof Response) return result;
      if ("status" in result && "body" in result && typeof result.status === "number") return json(result.body, result.status);
      return json(result);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export const created = (body: unknown) => ({ status: 201, body });

/** The options of a route that takes a file upload as well as JSON. */
export const UPLOAD: RouteOptions = { body: "json-or-upload" };
