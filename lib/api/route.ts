import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { AppError } from "@/lib/errors";
import { findUserByToken } from "@/lib/server/tokens/tokens";
import { getUserById } from "@/lib/server/users/get-user";
import type { PublicUser } from "@/lib/server/users/register-user";
import { assertIdParams } from "./params";
import { errorResponse, json } from "./respond";

type Params = Record<string, string>;

export interface ApiContext<P extends Params> {
  req: NextRequest;
  user: PublicUser;
  params: P;
}

/** `Authorization: Bearer <token>`: the token. */
export const BEARER = /^Bearer\s+(\S+)$/i;

/** Resolves the caller once: a Bearer personal access token, else the session cookie. */
async function authenticate(req: NextRequest, allowToken: boolean): Promise<PublicUser | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = BEARER.exec(header);
    if (!match || !allowToken) throw new AppError("unauthenticated", "Use `Authorization: Bearer <personal access token>`, or sign in.");
    const user = await findUserByToken(match[1]);
    if (!user) throw new AppError("unauthenticated", "That access token is not valid. Create a new one on the settings page.");
    return user;
  }
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  return token?.sub ? getUserById(token.sub) : null;
}

/**
 * Wraps an API route handler: authenticates, resolves params, turns the
 * handler's return value into JSON (status 200, or `{ status, body }`) and
 * every thrown error into the API's error shape.
 */
export function apiRoute<P extends Params = Params>(
  handler: (ctx: ApiContext<P>) => Promise<Response | { status: number; body: unknown } | object>,
  options: { sessionOnly?: boolean } = {},
) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await authenticate(req, !options.sessionOnly);
      if (!user) throw new AppError("unauthenticated", "Sign in, or send a personal access token, to use the API.");
      const params = context?.params ? await context.params : ({} as P);
      assertIdParams(params);
      const result = await handler({ req, user, params });
      if (result instanceof Response) return result;
      if ("status" in result && "body" in result && typeof result.status === "number") return json(result.body, result.status);
      return json(result);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export const created = (body: unknown) => ({ status: 201, body });
